package fr.paris.casvp.guichet.notice.domain;

import java.time.Instant;

/**
 * One step of one file to tell its person: which benefit, what happened, the file's number, the section that follows
 * it and when. Carries no personal data: the recipient is found from the pseudonym when the notice leaves.
 */
public record Notice(Benefit benefit, Moment moment, String reference, String section, Instant occurredAt) {
}
