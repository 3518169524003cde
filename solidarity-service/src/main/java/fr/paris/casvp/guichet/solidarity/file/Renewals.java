package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.messaging.job.JobLocks;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few hours ({@code guichet.solidarity.renewal-check-interval}), reminds the grants that end within 2 months. */
@Component
public class Renewals {

    private final SituationChangeService changes;
    private final JobLocks jobs;
    private final Duration interval;

    Renewals(SituationChangeService changes, JobLocks jobs,
             @Value("${guichet.solidarity.renewal-check-interval:PT6H}") Duration interval) {
        this.changes = changes;
        this.jobs = jobs;
        this.interval = interval;
    }

    /** On one instance of the service per period ({@link JobLocks}). */
    @Scheduled(fixedDelayString = "${guichet.solidarity.renewal-check-interval:PT6H}", initialDelayString = "PT1M")
    void scheduled() {
        jobs.onceEvery("solidarity.renewals", interval, this::remind);
    }

    public int remind() {
        return changes.remindRenewals();
    }
}
