package fr.paris.casvp.guichet.solidarity.file;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few hours ({@code guichet.solidarity.renewal-check-interval}), reminds the grants that end within 2 months. */
@Component
public class Renewals {

    private final SituationChangeService changes;

    Renewals(SituationChangeService changes) {
        this.changes = changes;
    }

    @Scheduled(fixedDelayString = "${guichet.solidarity.renewal-check-interval:PT6H}", initialDelayString = "PT1M")
    public int remind() {
        return changes.remindRenewals();
    }
}
