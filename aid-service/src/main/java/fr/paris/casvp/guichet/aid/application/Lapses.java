package fr.paris.casvp.guichet.aid.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lapses the applications whose file is still incomplete 2 months after reception (RM I/B art. 3), every hour
 * ({@code guichet.aid.lapse-check-interval}). Idempotent: running it twice, or on two instances, lapses nothing twice
 * (each application is locked and its status checked).
 */
@Component
class Lapses {

    private static final Logger log = LoggerFactory.getLogger(Lapses.class);

    private final ApplicationService applications;

    Lapses(ApplicationService applications) {
        this.applications = applications;
    }

    @Scheduled(fixedDelayString = "${guichet.aid.lapse-check-interval:PT1H}", initialDelayString = "PT1M")
    void lapse() {
        int lapsed = applications.lapseIncomplete();
        if (lapsed > 0) {
            log.info("{} incomplete application(s) lapsed", lapsed);
        }
    }
}
