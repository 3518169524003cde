package fr.paris.casvp.guichet.aid.domain;

import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder.PayeeKind;

/** Who is paid, on which account: the beneficiary, or a creditor (a landlord, an energy supplier) paid directly. */
public record Payee(PayeeKind kind, String accountHolder, String iban) {

    /** The longest account holder a SEPA transfer carries. */
    public static final int ACCOUNT_HOLDER = 70;

    /**
     * The payee as recorded: the account holder given (the beneficiary's names when none is given for them), cut to
     * {@value #ACCOUNT_HOLDER} characters; the IBAN without spaces, in capitals.
     */
    public static Payee of(PayeeKind kind, String accountHolder, String iban, String beneficiaryName) {
        String holder = accountHolder == null || accountHolder.isBlank() ? beneficiaryName.strip() : accountHolder.strip();
        if (holder.length() > ACCOUNT_HOLDER) {
            holder = holder.substring(0, ACCOUNT_HOLDER);
        }
        return new Payee(kind, holder, Iban.normalise(iban));
    }
}
