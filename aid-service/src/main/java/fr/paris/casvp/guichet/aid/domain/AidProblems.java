package fr.paris.casvp.guichet.aid.domain;

import java.net.URI;

/** The aid's own problem types (RFC 9457); the shared ones are in {@code ProblemTypes}. */
public final class AidProblems {

    /** The grant is above what remains of the household's cap; {@code remaining} says how much may still be granted. */
    public static final URI CAP_EXCEEDED = URI.create("urn:guichet:problem:cap-exceeded");
    /** The beneficiary has not been domiciled in Paris for the required time (RM V.2.1 b/1). */
    public static final URI DOMICILE_TOO_RECENT = URI.create("urn:guichet:problem:domicile-too-recent");
    /** Documents are still missing; {@code missingDocuments} lists them. */
    public static final URI INCOMPLETE_FILE = URI.create("urn:guichet:problem:incomplete-file");

    private AidProblems() {
    }
}
