package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Each declared benefit's service as {@code guichet.services.<code>.*}, with the lowest precedence: its name on the
 * status board, the commands the gateway queues for it, its breaker, bulkhead and time limiter (as the registry's), and
 * its address in the local run
 * ({@code http://127.0.0.1:${GUICHET_<CODE>_PORT:<declared port>}}). A deployment gives the address
 * ({@code GUICHET_SERVICES_<CODE>_URL}); nothing of a benefit is written in {@code application.yml}.
 */
public final class BenefitDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "guichet-declared-benefits";
    /** A benefit's call is given as long as the registry's. */
    private static final String TIME_LIMIT = "${resilience4j.timelimiter.instances.beneficiaries.timeout-duration}";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, properties()));
    }

    static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Benefit benefit : Benefits.all()) {
            String prefix = "guichet.services." + benefit.code() + ".";
            properties.put(prefix + "url", "http://127.0.0.1:${" + benefit.portVariable() + ":" + benefit.localPort() + "}");
            properties.put(prefix + "label", benefit.names().board());
            properties.put("resilience4j.bulkhead.instances." + benefit.code() + ".base-config", "service");
            properties.put("resilience4j.circuitbreaker.instances." + benefit.code() + ".base-config", "service");
            properties.put("resilience4j.timelimiter.instances." + benefit.code() + ".timeout-duration", TIME_LIMIT);
            for (int i = 0; i < benefit.filing().size(); i++) {
                properties.put(prefix + "intake[" + i + "]", benefit.filing().get(i));
            }
        }
        return properties;
    }
}
