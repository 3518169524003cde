package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/benefits}, open to all: the benefits Guichet delivers, as declared, in the declaration's order. What
 * the public page names a receipt's benefit with, and the counter lists its filings and screens from.
 */
@RestController
class BenefitsController {

    /**
     * @param code     {@code aid}, {@code solidarity}...: its API is {@code /api/<code>}
     * @param name     its name on the status board (French)
     * @param receipt  its name on a receipt and the paper form (French)
     * @param title    its short name, a notice's subject (French)
     * @param filing   the filings the gateway queues when its service cannot answer
     * @param monthly  whether a grant is paid every month
     * @param examine  the roles that examine a file (empty: decided without a separate examination)
     * @param decide   the roles that decide
     */
    record BenefitView(String code, String name, String receipt, String title, List<String> filing, boolean monthly,
                       List<String> examine, List<String> decide) {

        static BenefitView of(Benefit benefit) {
            return new BenefitView(benefit.code(), benefit.names().board(), benefit.names().receipt(), benefit.names().title(),
                    benefit.filing(), benefit.monthly(), benefit.roles().examine(), benefit.roles().decide());
        }
    }

    private static final List<BenefitView> DECLARED = Benefits.all().stream().map(BenefitView::of).toList();

    @GetMapping("/api/benefits")
    ResponseEntity<List<BenefitView>> benefits() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(DECLARED);
    }
}
