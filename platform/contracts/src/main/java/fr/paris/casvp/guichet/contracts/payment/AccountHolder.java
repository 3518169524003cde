package fr.paris.casvp.guichet.contracts.payment;

import java.util.regex.Pattern;

/**
 * The account holder's name of a payment order, as an agent types it: it goes to the treasury unchanged, inside its
 * payment orders and transfers (issue #33: any free text did). Letters (accented too), digits, spaces and the
 * punctuation of the SEPA character set ({@code / - ? : ( ) . , ' +}), at most {@link #MAX_LENGTH} characters: a
 * holder's name, never a line break, a quote, markup or a control character.
 */
public final class AccountHolder {

    /** A SEPA creditor or debtor name holds 70 characters. */
    public static final int MAX_LENGTH = 70;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{IsLatin}\\p{M}0-9 /?:().,'+-]*");

    private AccountHolder() {
    }

    /** What is wrong with a typed holder's name, as a field error's detail; null when it may go to the treasury. */
    public static String problem(String holder) {
        if (holder == null) {
            return null;
        }
        if (holder.strip().length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (!ALLOWED.matcher(holder).matches()) {
            return "may hold letters, digits, spaces and / - ? : ( ) . , ' + only";
        }
        return null;
    }
}
