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
     * @param managementUrl where its actuator answers, when it runs on a port of its own (a deployment's management
     *               port, {@code GUICHET_SERVICES_<NAME>_MANAGEMENT_URL}); null when it answers at {@code url}, as locally
     */
    public record Service(URI url, String label, List<String> intake, URI managementUrl) {

        public Service {
            intake = intake == null ? List.of() : List.copyOf(intake);
        }

        /** Where its readiness is asked. */
        public URI readiness() {
            return (managementUrl != null ? managementUrl : url).resolve("/actuator/health/readiness");
        }

        public boolean queues(String method, String path) {
            return "POST".equals(method) && intake.contains(path);
        }
    }
}
