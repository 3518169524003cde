package fr.paris.casvp.guichet.notice.notice;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.notice.domain.Delivery;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What supervisors see of the notices: those that failed (or any status), and a retry. */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

    private final NoticeService notices;

    NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @GetMapping
    List<NoticeView> list(@RequestParam(defaultValue = "FAILED") String status, @RequestParam(defaultValue = "100") int limit) {
        Delivery delivery = Arrays.stream(Delivery.values()).filter(d -> d.name().equals(status)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(List.of(FieldError.of("status",
                        "is one of " + Arrays.toString(Delivery.values())))));
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid(List.of(FieldError.of("limit", "is between 1 and 1000")));
        }
        return notices.list(delivery, limit);
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable UUID id) {
        if (!notices.retry(id)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such failed notice",
                    "No FAILED notice has the id " + id);
        }
        return ResponseEntity.accepted().build();
    }
}
