package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.messaging.job.JobLocks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lapses the applications whose file is still incomplete 2 months after reception (RM I/B art. 3), every hour
 * ({@code guichet.aid.lapse-check-interval}), on one instance of the service per period ({@link JobLocks}). Idempotent
 * anyway: running it twice lapses nothing twice (each application is locked and its status checked).
 */
@Component
class Lapses {

    private static final Logger log = LoggerFactory.getLogger(Lapses.class);

    private final ApplicationService applications;
    private final JobLocks jobs;
    private final Duration interval;

    Lapses(ApplicationService applications, JobLocks jobs,
           @Value("${guichet.aid.lapse-check-interval:PT1H}") Duration interval) {
        this.applications = applications;
        this.jobs = jobs;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${guichet.aid.lapse-check-interval:PT1H}", initialDelayString = "PT1M")
    void lapse() {
        jobs.onceEvery("aid.lapses", interval, () -> {
            int lapsed = applications.lapseIncomplete();
            if (lapsed > 0) {
                log.info("{} incomplete application(s) lapsed", lapsed);
            }
        });
    }
}
