package fr.paris.casvp.guichet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code guichet-service-defaults.yml} (health groups, metrics, problem details, Kafka consumer group) with the
 * lowest precedence, so that a service's own {@code application.yml} and the environment can still override it.
 * ({@code spring.config.import} would not do: an imported file wins over the file that imports it.)
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "guichet-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
