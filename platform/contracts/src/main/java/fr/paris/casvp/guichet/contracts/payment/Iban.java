package fr.paris.casvp.guichet.contracts.payment;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * International bank account numbers (ISO 13616): the country's length and the two control digits (mod 97 = 1), so
 * that a mistyped IBAN is caught at the counter rather than by a failed payment weeks later.
 */
public final class Iban {

    /** The lengths of the SEPA countries' IBANs most seen at a Paris counter; others are only checked by mod 97. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("FR", 27), Map.entry("MC", 27), Map.entry("DE", 22), Map.entry("BE", 16), Map.entry("ES", 24),
            Map.entry("IT", 27), Map.entry("PT", 25), Map.entry("NL", 18), Map.entry("LU", 20), Map.entry("CH", 21),
            Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("AT", 20), Map.entry("PL", 28), Map.entry("RO", 24));

    private Iban() {
    }

    /** Upper case, without spaces. */
    public static String normalise(String iban) {
        return iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Whether {@code iban} (spaces allowed) is well formed and its control digits are right. */
    public static boolean isValid(String iban) {
        if (iban == null) {
            return false;
        }
        String s = normalise(iban);
        if (!s.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        Integer length = LENGTHS.get(s.substring(0, 2));
        if (length != null && s.length() != length) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (s.substring(4) + s.substring(0, 4)).toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** For letters and screens: the country, the control digits and the last 4 characters, e.g. {@code FR76 **** 0189}. */
    public static String masked(String iban) {
        String s = normalise(iban);
        return s.substring(0, 4) + " **** " + s.substring(s.length() - 4);
    }
}
