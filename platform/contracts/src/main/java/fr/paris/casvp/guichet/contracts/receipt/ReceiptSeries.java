package fr.paris.casvp.guichet.contracts.receipt;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A series of receipt numbers reserved beforehand by one counter, so that it can print a receipt at once while the
 * server side cannot be reached (issue #15): {@code size} numbers of the prefix, in the same form as any receipt number
 * ({@link ReceiptNumber#inSeries}). Their 4 characters after the prefix are not the positions 0, 1, 2... but a
 * permutation of them drawn for the series ({@code shuffleKey}), so that one number shows nothing of the next ones
 * (issue #33: a person holding a receipt could list the numbers printed after theirs). The gateway draws the prefix,
 * never gives one twice (every series ever reserved is on the compacted {@code receipt-series.v1}, key = the prefix) and
 * signs what it hands to the counter, which sends the series back with each command it captured. Event type
 * {@link #TYPE}; schema {@code schemas/receipt-series.v1.json}.
 *
 * @param section    the section of the counter; its numbers are accepted from that section's agents only
 * @param reservedBy the agent who reserved it
 * @param reservedAt when: a number of the series cannot have been printed before
 * @param paper      true: printed on paper forms (typed in later without the series), false: a counter's (sent back with
 *                   its signed series); null for a series reserved before the two were told apart, taken as either
 * @param shuffleKey the key of the series' permutation (base64url, 16 random bytes); null for a series reserved before
 *                   numbers were shuffled, whose numbers follow each other
 */
public record ReceiptSeries(String prefix, int size, String section, String reservedBy, Instant reservedAt, Boolean paper,
                            String shuffleKey) {

    public static final String TYPE = "fr.paris.casvp.guichet.receipt.series.v1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HALF_BITS = 10;
    private static final int HALF_MASK = (1 << HALF_BITS) - 1;
    private static final int ROUNDS = 4;

    public ReceiptSeries {
        if (size < 1 || size > ReceiptNumber.SERIES_CAPACITY) {
            throw new IllegalArgumentException("A series holds 1 to " + ReceiptNumber.SERIES_CAPACITY + " numbers: " + size);
        }
    }

    /** A new series, with its permutation drawn. */
    public static ReceiptSeries drawn(String prefix, int size, String section, String reservedBy, Instant reservedAt, boolean paper) {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return new ReceiptSeries(prefix, size, section, reservedBy, reservedAt, paper, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    }

    /** A new counter's series, with its permutation drawn. */
    public static ReceiptSeries drawn(String prefix, int size, String section, String reservedBy, Instant reservedAt) {
        return drawn(prefix, size, section, reservedBy, reservedAt, false);
    }

    public List<String> numbers() {
        Mac mac = mac();
        return IntStream.range(0, size).mapToObj(position -> ReceiptNumber.inSeries(prefix, shuffled(mac, position))).toList();
    }

    /** Whether a canonical number ({@link ReceiptNumber#normalise}) is one of this series'. */
    public boolean contains(String canonical) {
        return canonical != null && ReceiptNumber.seriesPrefixOf(canonical).equals(prefix)
                && unshuffled(mac(), ReceiptNumber.seriesIndexOf(canonical)) < size;
    }

    /** The index the number at {@code position} carries: a Feistel network of four rounds on two halves of 10 bits. */
    private int shuffled(Mac mac, int position) {
        if (mac == null) {
            return position;
        }
        int left = position >>> HALF_BITS;
        int right = position & HALF_MASK;
        for (int round = 0; round < ROUNDS; round++) {
            int next = left ^ round(mac, round, right);
            left = right;
            right = next;
        }
        return left << HALF_BITS | right;
    }

    /** The position of the number whose index is {@code index}: the rounds undone in reverse. */
    private int unshuffled(Mac mac, int index) {
        if (mac == null) {
            return index;
        }
        int left = index >>> HALF_BITS;
        int right = index & HALF_MASK;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            int previous = right ^ round(mac, round, left);
            right = left;
            left = previous;
        }
        return left << HALF_BITS | right;
    }

    private static int round(Mac mac, int round, int half) {
        byte[] digest = mac.doFinal(new byte[] {(byte) round, (byte) (half >>> 8), (byte) half});
        return ((digest[0] & 0xff) << 8 | (digest[1] & 0xff)) & HALF_MASK;
    }

    private Mac mac() {
        if (shuffleKey == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(shuffleKey), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The series " + prefix + " has no usable shuffle key", e);
        }
    }
}
