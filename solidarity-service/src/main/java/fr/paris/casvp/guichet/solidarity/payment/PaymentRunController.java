package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.solidarity.domain.PaymentRunReport;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.Fields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/solidarity/payment-runs {"month": "2026-11"}} (SUPERVISOR): starts the month's run in the background,
 * 202 with its report; a month already completed answers 200 with its report and creates nothing. A new run of a month
 * whose figures are stale waits for {@code "confirmStaleFigures": true} (409 {@code stale-figures} naming them until then).
 * {@code GET /api/solidarity/payment-runs/{month}}: the report (SUPERVISOR).
 */
@RestController
@RequestMapping("/api/solidarity/payment-runs")
class PaymentRunController {

    /**
     * @param confirmStaleFigures true: the supervisor has seen that some figures of the month are stale (the answer 409
     *                            {@code stale-figures} named them) and runs the month with them anyway
     */
    record RunRequest(String month, boolean confirmStaleFigures) {
    }

    private final PaymentRunService runs;

    PaymentRunController(PaymentRunService runs) {
        this.runs = runs;
    }

    @PostMapping
    ResponseEntity<PaymentRunReport> start(@RequestBody RunRequest request) {
        PaymentRunReport report = runs.start(Fields.month("month", request.month()), request.confirmStaleFigures(), Agent.current());
        return ResponseEntity.status(report.status().equals("COMPLETED") ? 200 : 202).body(report);
    }

    @GetMapping("/{month}")
    PaymentRunReport report(@PathVariable String month) {
        return runs.report(Fields.month("month", month), Agent.current());
    }

}
