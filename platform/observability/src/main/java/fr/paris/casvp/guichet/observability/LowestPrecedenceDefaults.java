package fr.paris.casvp.guichet.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds a YAML file of the class path with the lowest precedence, so that an application's own {@code application.yml}
 * and the environment can still override it. ({@code spring.config.import} would not do: an imported file wins over the
 * file that imports it.)
 */
public abstract class LowestPrecedenceDefaults implements EnvironmentPostProcessor {

    private final String resource;

    protected LowestPrecedenceDefaults(String resource) {
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
