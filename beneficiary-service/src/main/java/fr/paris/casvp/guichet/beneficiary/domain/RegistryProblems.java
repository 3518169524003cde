package fr.paris.casvp.guichet.beneficiary.domain;

import java.net.URI;

/** The registry's own problem types (RFC 9457). */
public final class RegistryProblems {

    /** The person is already registered (same NIR, or same names and birth date); {@code existing} names the files. */
    public static final URI DUPLICATE = URI.create("urn:guichet:problem:duplicate-beneficiary");
    /** The file changed since the version the client read ({@code If-Match}). */
    public static final URI STALE_VERSION = URI.create("urn:guichet:problem:stale-version");
    /** A person is already a member of another household. */
    public static final URI ALREADY_IN_A_HOUSEHOLD = URI.create("urn:guichet:problem:already-in-a-household");

    private RegistryProblems() {
    }
}
