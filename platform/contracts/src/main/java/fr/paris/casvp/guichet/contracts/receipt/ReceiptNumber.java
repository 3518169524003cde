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
    /** The characters that name a series reserved for one counter ({@link ReceiptSeries}): 35 random bits. */
    public static final int SERIES_PREFIX_LENGTH = 7;
    /** How many numbers a series can hold: the 4 characters after its prefix. */
    public static final int SERIES_CAPACITY = 32 * 32 * 32 * 32;

    private ReceiptNumber() {
    }

    public static String next() {
        return checkedAndGrouped(new StringBuilder(randomCharacters(RANDOM_CHARACTERS)));
    }

    /** A new series prefix, drawn at random (the caller makes sure that it was never given before). */
    public static String seriesPrefix() {
        return randomCharacters(SERIES_PREFIX_LENGTH);
    }

    /** The number at {@code index} (0 to {@link #SERIES_CAPACITY} - 1) of the series named by {@code prefix}. */
    public static String inSeries(String prefix, int index) {
        if (prefix.length() != SERIES_PREFIX_LENGTH || prefix.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)
                || index < 0 || index >= SERIES_CAPACITY) {
            throw new IllegalArgumentException("Not a series prefix and index: " + prefix + " " + index);
        }
        StringBuilder s = new StringBuilder(prefix);
        for (int shift = 15; shift >= 0; shift -= 5) {
            s.append(ALPHABET.charAt((index >> shift) & 31));
        }
        return checkedAndGrouped(s);
    }

    private static String randomCharacters(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return s.toString();
    }

    /** The 11 characters with their check character, grouped by four: {@code K7QD-2M9X-4TR}. */
    private static String checkedAndGrouped(StringBuilder s) {
        return grouped(s.append(checkCharacter(s)).toString());
    }

    private static String grouped(String s) {
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
    }

    /** The series prefix of a canonical number ({@link #normalise}). */
    public static String seriesPrefixOf(String canonical) {
        return canonical.replace("-", "").substring(0, SERIES_PREFIX_LENGTH);
    }

    /** The index of a canonical number ({@link #normalise}) in its series. */
    public static int seriesIndexOf(String canonical) {
        String s = canonical.replace("-", "");
        int index = 0;
        for (int i = SERIES_PREFIX_LENGTH; i < RANDOM_CHARACTERS; i++) {
            index = index * 32 + ALPHABET.indexOf(s.charAt(i));
        }
        return index;
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
        return grouped(s);
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
