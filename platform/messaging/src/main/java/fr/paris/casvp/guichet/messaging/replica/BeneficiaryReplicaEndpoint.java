package fr.paris.casvp.guichet.messaging.replica;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/** For operators: {@code GET /actuator/replica} (how fresh), {@code POST /actuator/replica} (rebuild from the topic). */
@Endpoint(id = "replica")
public class BeneficiaryReplicaEndpoint {

    private final BeneficiaryReplica replica;

    public BeneficiaryReplicaEndpoint(BeneficiaryReplica replica) {
        this.replica = replica;
    }

    @ReadOperation
    public BeneficiaryReplica.Status status() {
        return replica.status();
    }

    @WriteOperation
    public Map<String, String> rebuild() {
        int read = replica.rebuild();
        return Map.of("replica", "rebuilt from every partition of beneficiaries.v1: " + read + " record(s) read");
    }
}
