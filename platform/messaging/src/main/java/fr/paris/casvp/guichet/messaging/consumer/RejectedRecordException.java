package fr.paris.casvp.guichet.messaging.consumer;

import java.util.List;

/**
 * A record that can never be applied as it is (not valid against its contract, no event id...): sent to the dead-letter
 * topic at once, without retries, with the reasons in its {@value #REASON_HEADER} header so that whoever wrote it (a
 * partner reads the dead letters of the topics it writes) knows what to correct. Replaying it would change nothing, so
 * the replay passes it by.
 */
public class RejectedRecordException extends RuntimeException {

    /** The dead letter's header that says why the record was refused: each reason, separated by {@code "; "}. */
    public static final String REASON_HEADER = "guichet_rejection_reason";

    private final List<String> reasons;

    public RejectedRecordException(String record, List<String> reasons) {
        super("Record " + record + " refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }

    /** The reasons as the dead letter's header carries them. */
    public String reason() {
        return String.join("; ", reasons);
    }
}
