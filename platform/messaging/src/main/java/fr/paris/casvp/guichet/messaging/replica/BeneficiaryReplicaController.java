package fr.paris.casvp.guichet.messaging.replica;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * What a benefit service knows of the registry, under its own API ({@code guichet.messaging.beneficiary-replica.path},
 * e.g. {@code /api/aid}): a beneficiary's latest snapshot, and how fresh the copy is. Answers while the registry is
 * down.
 */
@RestController
@RequestMapping("${guichet.messaging.beneficiary-replica.path}")
public class BeneficiaryReplicaController {

    private final BeneficiaryReplica replica;

    public BeneficiaryReplicaController(BeneficiaryReplica replica) {
        this.replica = replica;
    }

    @GetMapping("/replica")
    public BeneficiaryReplica.Status status() {
        return replica.status();
    }

    @GetMapping("/beneficiaries/{id}")
    public ResponseEntity<String> beneficiary(@PathVariable String id) {
        return replica.snapshot(id)
                .map(snapshot -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(snapshot))
                .orElseThrow(() -> notFound(id));
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No beneficiary " + id + " in this service's copy of the registry.");
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
