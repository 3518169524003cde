package fr.paris.casvp.guichet.notice.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of one file to tell its person: which benefit, what happened, the file's number, the section that follows
 * it and when. Carries no personal data: the recipient is found from the pseudonym when the notice leaves.
 *
 * @param validFrom the first day a Navigo pass is valid, when its event says it (issue #36: a pass valid from 1 January
 *                  was "to use from now on" in the e-mail of a December day); null otherwise
 */
public record Notice(Benefit benefit, Moment moment, String reference, String section, Instant occurredAt, LocalDate validFrom) {

    public Notice(Benefit benefit, Moment moment, String reference, String section, Instant occurredAt) {
        this(benefit, moment, reference, section, occurredAt, null);
    }
}
