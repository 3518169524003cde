package fr.paris.casvp.guichet.gateway;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code guichet.services.*}: the services behind the gateway, by the name of their route and circuit breaker
 * ({@code beneficiaries}, {@code aid}, {@code solidarity}, {@code transport}).
 */
@ConfigurationProperties("guichet")
public record GuichetServices(Map<String, Service> services) {

    /**
     * @param url   where the service listens
     * @param label how people call it, for the status board
     */
    public record Service(URI url, String label) {
    }
}
