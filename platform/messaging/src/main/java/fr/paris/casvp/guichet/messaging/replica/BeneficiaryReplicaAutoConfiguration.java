package fr.paris.casvp.guichet.messaging.replica;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Enabled in a benefit service by {@code guichet.messaging.beneficiary-replica.enabled=true}. */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@ConditionalOnProperty(name = "guichet.messaging.beneficiary-replica.enabled", havingValue = "true")
public class BeneficiaryReplicaAutoConfiguration {

    @Bean
    BeneficiaryReplica beneficiaryReplica(JdbcClient jdbc) {
        return new BeneficiaryReplica(jdbc);
    }
}
