package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.messaging.job.JobLocks;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few hours ({@code guichet.transport.reminder-interval}): renewal reminders 3 months before expiry, expiries. */
@Component
class PassJobs {

    private final PassService passes;
    private final JobLocks jobs;
    private final Duration interval;

    PassJobs(PassService passes, JobLocks jobs, @Value("${guichet.transport.reminder-interval:PT6H}") Duration interval) {
        this.passes = passes;
        this.jobs = jobs;
        this.interval = interval;
    }

    /** On one instance of the service per period ({@link JobLocks}). */
    @Scheduled(fixedDelayString = "${guichet.transport.reminder-interval:PT6H}", initialDelayString = "PT1M")
    void remindAndExpire() {
        jobs.onceEvery("transport.reminders-and-expiries", interval, passes::remindAndExpire);
    }
}
