package fr.paris.casvp.guichet.aid.application;

import java.net.URI;

/** The aid service's own problem types (RFC 9457). */
final class AidProblems {

    /** The grant is above what remains of the household's cap; {@code remaining} says how much may still be granted. */
    static final URI CAP_EXCEEDED = URI.create("urn:guichet:problem:cap-exceeded");
    /** The beneficiary has not been domiciled in Paris for the required time (RM V.2.1 b/1). */
    static final URI DOMICILE_TOO_RECENT = URI.create("urn:guichet:problem:domicile-too-recent");
    /** The application is not in a state where this step is possible; {@code status} says where it stands. */
    static final URI INVALID_TRANSITION = URI.create("urn:guichet:problem:invalid-transition");
    /** Documents are still missing; {@code missingDocuments} lists them. */
    static final URI INCOMPLETE_FILE = URI.create("urn:guichet:problem:incomplete-file");
    /** The beneficiary is not (yet) in this service's copy of the registry. */
    static final URI BENEFICIARY_UNKNOWN = URI.create("urn:guichet:problem:beneficiary-unknown");

    private AidProblems() {
    }
}
