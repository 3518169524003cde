package fr.paris.casvp.guichet.solidarity.beneficiary;

import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How fresh this benefit's copy of the registry is: the benefit decides from it, also while the registry is down. */
@RestController
class ReplicaStatusController {

    private final BeneficiaryReplica replica;

    ReplicaStatusController(BeneficiaryReplica replica) {
        this.replica = replica;
    }

    @GetMapping("/api/solidarity/replica")
    BeneficiaryReplica.Status status() {
        return replica.status();
    }
}
