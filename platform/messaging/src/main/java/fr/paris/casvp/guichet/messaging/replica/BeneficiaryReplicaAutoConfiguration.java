package fr.paris.casvp.guichet.messaging.replica;

import fr.paris.casvp.guichet.messaging.ModuleSchema;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enabled in a benefit service by {@code guichet.messaging.beneficiary-replica.enabled=true}; creates its table
 * {@code beneficiary_replica} (see {@link ModuleSchema}) before the listener starts.
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@ConditionalOnProperty(name = "guichet.messaging.beneficiary-replica.enabled", havingValue = "true")
public class BeneficiaryReplicaAutoConfiguration {

    @Bean
    BeneficiaryReplica beneficiaryReplica(DataSource dataSource, JdbcClient jdbc) {
        ModuleSchema.migrate(dataSource, "beneficiary-replica");
        return new BeneficiaryReplica(jdbc);
    }
}
