package fr.paris.casvp.guichet.transport.pass;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few hours ({@code guichet.transport.reminder-interval}): renewal reminders 3 months before expiry, expiries. */
@Component
class PassJobs {

    private final PassService passes;

    PassJobs(PassService passes) {
        this.passes = passes;
    }

    @Scheduled(fixedDelayString = "${guichet.transport.reminder-interval:PT6H}", initialDelayString = "PT1M")
    void remindAndExpire() {
        passes.remindAndExpire();
    }
}
