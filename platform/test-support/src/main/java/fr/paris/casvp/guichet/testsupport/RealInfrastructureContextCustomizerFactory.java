package fr.paris.casvp.guichet.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Turns {@link RealInfrastructure} into data source and Kafka properties for the test context. */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
        return annotation == null ? null : new RealInfrastructureCustomizer(annotation.database(), annotation.kafka());
    }

    /** Equal for the same database prefix, so Spring's test context cache reuses the context. */
    private record RealInfrastructureCustomizer(String databasePrefix, boolean kafka) implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            SharedInfrastructure infrastructure = SharedInfrastructure.get();
            DatabaseCoordinates database = infrastructure.createDatabase(databasePrefix);
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.datasource.url", database.jdbcUrl(),
                    "spring.datasource.username", database.username(),
                    "spring.datasource.password", database.password()));
            if (kafka) {
                properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            }
            // The test plays the issuer of bearer tokens (TestTokens).
            properties.putAll(TestTokens.resourceServerProperties());
            // The secret of partners' pseudonyms: from the environment in a deployment, made up for a test.
            properties.put("guichet.pseudonym-key", "test-pseudonym-key-" + java.util.UUID.randomUUID());
            // The audit trail's key, made up for a test.
            properties.put("guichet.audit.key", "test-audit-key-" + java.util.UUID.randomUUID());
            // The gateway signs queued commands and the services check the signature; the receipts' key, shared.
            properties.putAll(TestSigningKeys.properties());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("guichet-real-infrastructure", properties));
        }
    }
}
