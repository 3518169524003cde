package fr.paris.casvp.guichet.messaging.replica;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a benefit service knows of the registry, under its own API ({@code guichet.messaging.beneficiary-replica.path},
 * e.g. {@code /api/aid}): a beneficiary's latest snapshot, and how fresh the copy is. Answers while the registry is
 * down.
 */
@RestController
@RequestMapping("${guichet.messaging.beneficiary-replica.path}")
public class BeneficiaryReplicaController {

    private final BeneficiaryReplica replica;
    private final SnapshotReadPolicy readPolicy;
    private final JsonMapper json;

    public BeneficiaryReplicaController(BeneficiaryReplica replica, SnapshotReadPolicy readPolicy, JsonMapper json) {
        this.replica = replica;
        this.readPolicy = readPolicy;
        this.json = json;
    }

    @GetMapping("/replica")
    public BeneficiaryReplica.Status status() {
        return replica.status();
    }

    @GetMapping("/beneficiaries/{id}")
    public ResponseEntity<String> beneficiary(@PathVariable String id) {
        String snapshot = replica.snapshot(id).orElseThrow(() -> notFound(id));
        readPolicy.checkRead(json.readTree(snapshot).path("situation").path("section").asString(null));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(snapshot);
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No beneficiary " + id + " in this service's copy of the registry.");
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
