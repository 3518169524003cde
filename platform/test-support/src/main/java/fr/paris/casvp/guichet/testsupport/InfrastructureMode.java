package fr.paris.casvp.guichet.testsupport;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

enum InfrastructureMode {
    CONTAINERS, EMBEDDED;

    static final String PROPERTY = "guichet.test.infra";
    static final String ENVIRONMENT_VARIABLE = "GUICHET_TEST_INFRA";

    static InfrastructureMode resolve() {
        String chosen = System.getProperty(PROPERTY, System.getenv().getOrDefault(ENVIRONMENT_VARIABLE, "auto"));
        return switch (chosen.toLowerCase(Locale.ROOT)) {
            case "containers" -> CONTAINERS;
            case "embedded" -> EMBEDDED;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be containers, embedded or auto, not '" + chosen + "'");
        };
    }
}
