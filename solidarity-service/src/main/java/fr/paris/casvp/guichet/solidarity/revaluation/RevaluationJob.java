package fr.paris.casvp.guichet.solidarity.revaluation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Approved values dated in the future take effect on their day: every few minutes, those whose day has come recompute
 * the grants in force and settle the months already paid ({@link ParameterProposals#applyDue()}).
 */
@Component
class RevaluationJob {

    private final ParameterProposals proposals;

    RevaluationJob(ParameterProposals proposals) {
        this.proposals = proposals;
    }

    @Scheduled(fixedDelayString = "${guichet.solidarity.revaluation-interval:PT5M}", initialDelay = 30_000)
    void applyDue() {
        proposals.applyDue();
    }
}
