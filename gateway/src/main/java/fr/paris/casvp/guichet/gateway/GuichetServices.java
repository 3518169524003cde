package fr.paris.casvp.guichet.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code guichet.services.*}: the services behind the gateway, by the name of their route and circuit breaker
 * ({@code beneficiaries}, {@code aid}, {@code solidarity}, {@code transport}).
 */
@ConfigurationProperties("guichet")
public record GuichetServices(Map<String, Service> services) {

    /**
     * @param url    where the service listens
     * @param label  how people call it, for the status board (French: the waiting room reads it)
     * @param intake the paths of the commands the gateway queues on {@code intake.<name>.v1} when the service cannot
     *               answer (filing an application); empty for a service whose commands are not queued
     */
    public record Service(URI url, String label, List<String> intake) {

        public Service {
            intake = intake == null ? List.of() : List.copyOf(intake);
        }

        public boolean queues(String method, String path) {
            return "POST".equals(method) && intake.contains(path);
        }
    }
}
