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
 * ({@code http://127.0.0.1:${GUICHET_<CODE>_PORT:<declared port>}}). A deployment gives the address of every benefit
 * service at once ({@code GUICHET_BENEFIT_SERVICES_URL=http://{service}:8080}, and
 * {@code GUICHET_BENEFIT_SERVICES_MANAGEMENT_URL}), or one's ({@code GUICHET_SERVICES_<CODE>_URL}, which wins); nothing of
 * a benefit is written in {@code application.yml}.
 */
public final class BenefitDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "guichet-declared-benefits";
    /** A benefit's call is given as long as the registry's. */
    private static final String TIME_LIMIT = "${resilience4j.timelimiter.instances.beneficiaries.timeout-duration}";

    /**
     * Where a deployment's benefit services answer, {@code {service}} standing for each one's name
     * ({@code GUICHET_BENEFIT_SERVICES_URL=http://{service}:8080}); unset: the local run's ports.
     */
    static final String URL_PATTERN = "guichet.benefit-services.url";
    /** Where their actuator answers, when on a port of its own ({@code GUICHET_BENEFIT_SERVICES_MANAGEMENT_URL}). */
    static final String MANAGEMENT_URL_PATTERN = "guichet.benefit-services.management-url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                properties(environment.getProperty(URL_PATTERN), environment.getProperty(MANAGEMENT_URL_PATTERN))));
    }

    /**
     * @param urlPattern           a deployment's address of each benefit service, {@code {service}} its name; null locally
     * @param managementUrlPattern its actuator's, when on a port of its own; null when at the address
     */
    static Map<String, Object> properties(String urlPattern, String managementUrlPattern) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Benefit benefit : Benefits.all()) {
            String prefix = "guichet.services." + benefit.code() + ".";
            properties.put(prefix + "url", urlPattern != null ? urlPattern.replace("{service}", benefit.service())
                    : "http://127.0.0.1:${" + benefit.portVariable() + ":" + benefit.localPort() + "}");
            if (managementUrlPattern != null) {
                properties.put(prefix + "management-url", managementUrlPattern.replace("{service}", benefit.service()));
            }
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
