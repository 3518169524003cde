package fr.paris.casvp.guichet.beneficiary.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** French postcodes, and the Paris arrondissement of a Paris one (75001-75020, and 75116 for the 16th). */
public final class Postcodes {

    private static final Pattern METROPOLITAN = Pattern.compile("(0[1-9]|[1-8]\\d|9[0-5])\\d{3}");
    private static final Pattern OVERSEAS = Pattern.compile("97[1-6]\\d{2}|98[046-9]\\d{2}");

    private Postcodes() {
    }

    public static Optional<Integer> arrondissement(String postcode) {
        if ("75116".equals(postcode)) {
            return Optional.of(16);
        }
        if (postcode != null && postcode.matches("750(0[1-9]|1\\d|20)")) {
            return Optional.of(Integer.parseInt(postcode.substring(3)));
        }
        return Optional.empty();
    }

    /** A postcode that exists: in Paris, only those of the arrondissements. */
    public static boolean isKnown(String postcode) {
        if (postcode == null) {
            return false;
        }
        if (postcode.startsWith("75")) {
            return arrondissement(postcode).isPresent();
        }
        return METROPOLITAN.matcher(postcode).matches() || OVERSEAS.matcher(postcode).matches();
    }
}
