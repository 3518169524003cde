package fr.paris.casvp.guichet.messaging.replica;

import fr.paris.casvp.guichet.messaging.ModuleSchema;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enabled in a benefit service by {@code guichet.messaging.beneficiary-replica.enabled=true}; creates its table
 * {@code beneficiary_replica} (see {@link ModuleSchema}) before the listener starts.
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class, afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnProperty(name = "guichet.messaging.beneficiary-replica.enabled", havingValue = "true")
public class BeneficiaryReplicaAutoConfiguration {

    @Bean
    BeneficiaryReplica beneficiaryReplica(ModuleSchema schema, JdbcClient jdbc, TransactionTemplate transactions,
                                          ObjectProvider<JsonMapper> json, Clock clock, ConsumerFactory<String, String> consumers) {
        schema.migrate("beneficiary-replica");
        return new BeneficiaryReplica(jdbc, transactions, json.getIfAvailable(JsonMapper::new), clock::instant, consumers);
    }

    @Bean
    BeneficiaryReplicaEndpoint beneficiaryReplicaEndpoint(BeneficiaryReplica replica) {
        return new BeneficiaryReplicaEndpoint(replica);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(name = "guichet.messaging.beneficiary-replica.path")
    BeneficiaryReplicaController beneficiaryReplicaController(BeneficiaryReplica replica, ObjectProvider<SnapshotReadPolicy> policy,
                                                              ObjectProvider<JsonMapper> json) {
        SnapshotReadPolicy refuseAll = section -> {
            throw new IllegalStateException("No SnapshotReadPolicy: nobody may read the replica");
        };
        return new BeneficiaryReplicaController(replica, policy.getIfAvailable(() -> refuseAll), json.getIfAvailable(JsonMapper::new));
    }
}
