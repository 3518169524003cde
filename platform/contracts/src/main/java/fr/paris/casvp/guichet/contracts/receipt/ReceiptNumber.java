package fr.paris.casvp.guichet.contracts.receipt;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Receipt (récépissé) numbers: unguessable (55 random bits) and short enough to read over a counter or a phone, e.g.
 * {@code K7QD-2M9X-4TR}. Crockford's base 32 (no I, L, O, U: nothing to confuse with 1 or 0) and a last check
 * character (Luhn mod 32) that catches a mistyped or swapped character before any lookup.
 */
public final class ReceiptNumber {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARACTERS = 11;
    private static final SecureRandom random = new SecureRandom();

    private ReceiptNumber() {
    }

    public static String next() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            s.append(ALPHABET.charAt(random.nextInt(32)));
        }
        s.append(checkCharacter(s));
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
    }

    /**
     * The canonical form of what a person typed: upper case, without separators, with the letters Crockford reads as
     * digits (O → 0, I and L → 1); null when it cannot be a receipt number or its check character is wrong.
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != RANDOM_CHARACTERS + 1 || s.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)
                || checkCharacter(s.substring(0, RANDOM_CHARACTERS)) != s.charAt(RANDOM_CHARACTERS)) {
            return null;
        }
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
    }

    public static boolean isValid(String typed) {
        return normalise(typed) != null;
    }

    /** Luhn mod N over the base 32 digits. */
    private static char checkCharacter(CharSequence s) {
        int factor = 2;
        int sum = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(s.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        return ALPHABET.charAt((32 - sum % 32) % 32);
    }
}
