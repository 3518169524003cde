package fr.paris.casvp.guichet.housing.payment;

import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.Fields;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/housing/payment-runs {"month": "2026-12"}} (SUPERVISOR): orders the month's payments, every grant
 * that covers it once, and answers the run's report; posted again, it orders only what is missing.
 * {@code GET /api/housing/payment-runs/{month}}: the report.
 */
@RestController
@RequestMapping("/api/housing/payment-runs")
class PaymentRunController {

    record RunRequest(String month) {
    }

    private final PaymentRunService runs;

    PaymentRunController(PaymentRunService runs) {
        this.runs = runs;
    }

    @PostMapping
    RunReport run(@RequestBody RunRequest request) {
        return runs.run(Fields.month("month", request.month()), Agent.current());
    }

    @GetMapping("/{month}")
    RunReport report(@PathVariable String month) {
        return runs.report(Fields.month("month", month), Agent.current());
    }

}
