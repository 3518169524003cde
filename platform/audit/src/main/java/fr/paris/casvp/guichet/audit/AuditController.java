package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ProblemException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For supervisors: the service's audit trail, by person (resource id) or by agent, and the check of its chain. */
@RestController
@RequestMapping("${guichet.audit.path}/audit")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    List<AuditTrail.Entry> entries(@RequestParam(required = false) String resourceId, @RequestParam(required = false) String agent) {
        Agent.current().requireRole(Agent.SUPERVISOR);
        if (resourceId != null) {
            return trail.byResource(resourceId);
        }
        if (agent != null) {
            return trail.byAgent(agent);
        }
        throw ProblemException.invalid(List.of(FieldError.of("resourceId", "give resourceId (a person's id) or agent")));
    }

    @GetMapping("/verification")
    AuditTrail.Verification verification() {
        Agent.current().requireRole(Agent.SUPERVISOR);
        return trail.verify();
    }
}
