package fr.paris.casvp.guichet.beneficiary.registry;

/**
 * Who made a change, for the history. Until authentication comes (issue #4: the token's subject), the counter says
 * it in the {@value #HEADER} header.
 */
final class Agents {

    static final String HEADER = "X-Guichet-Agent";
    static final String UNKNOWN = "unknown";

    private Agents() {
    }

    static String of(String header) {
        return header == null || header.isBlank() ? UNKNOWN : header.trim();
    }
}
