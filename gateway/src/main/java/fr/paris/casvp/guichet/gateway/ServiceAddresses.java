package fr.paris.casvp.guichet.gateway;

import java.time.Duration;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

/**
 * How long the gateway trusts a service's resolved address: ten seconds at most, whatever the DNS answer says. Reactor
 * Netty's resolver keeps an answer for its DNS TTL, and some DNS servers give a day (podman's aardvark-dns: 86,400 s):
 * a service restarted at another address then stayed unreachable to the gateway, shown degraded and its breaker held
 * open, for a day (the container test found it: its restarted aid-service never came back AVAILABLE). A Kubernetes
 * Service keeps its address, but a service on a VM or in a compose file may not. Applies to the routes' client and to
 * the health monitor's.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceAddresses {

    /** The longest a resolved address is kept. */
    public static final Duration MAX_TTL = Duration.ofSeconds(10);

    /** The client, resolving the services' names again at least every {@link #MAX_TTL}. */
    public static HttpClient resolvedFreshly(HttpClient client) {
        return client.resolver(spec -> spec.cacheMaxTimeToLive(MAX_TTL));
    }

    @Bean
    HttpClientCustomizer guichetServiceAddresses() {
        return ServiceAddresses::resolvedFreshly;
    }
}
