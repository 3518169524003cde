package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * One route per declared benefit, {@code /api/<code>/**} to its service, all alike (the registry's and the notices'
 * routes are in {@code application.yml}):
 * <ul>
 *   <li>the body is kept, so that a filing can be queued if the service does not answer;</li>
 *   <li>one circuit breaker and one time limiter per benefit, named by its code: a failing benefit never opens another's.
 *       Only an outage goes to the fallback (and counts against the breaker): no answer, a time-out, 502/504, or a
 *       service saying it cannot work (503). A refusal (4xx) or a defect (500) is the caller's answer, never queued;</li>
 *   <li>a read whose connection broke (an instance killed under it) is sent again, to another instance behind the
 *       service's balancer, after 50 then 100 ms. Only reads, only on a broken connection, never on an answer; never a
 *       retry of a POST, which must not be sent twice.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BenefitRoutes {

    @Bean
    RouteLocator declaredBenefitRoutes(RouteLocatorBuilder builder, GuichetServices services) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Benefit benefit : Benefits.all()) {
            String code = benefit.code();
            GuichetServices.Service service = services.services().get(code);
            if (service == null || service.url() == null) {
                throw new IllegalStateException("No address for the benefit " + code + " (guichet.services." + code + ".url)");
            }
            routes.route(code, route -> route.path(benefit.apiPath() + "/**").filters(filters -> filters
                    .cacheRequestBody(String.class)
                    .circuitBreaker(breaker -> breaker.setName(code).setFallbackUri("forward:/fallback/" + code)
                            .setStatusCodes(Set.of("502", "503", "504")))
                    .retry(retry -> retry.setRetries(2).setMethods(HttpMethod.GET).setSeries().setExceptions(IOException.class)
                            .setBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, false)))
                    .uri(service.url()));
        }
        return routes.build();
    }
}
