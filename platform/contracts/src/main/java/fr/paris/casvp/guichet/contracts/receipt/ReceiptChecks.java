package fr.paris.casvp.guichet.contracts.receipt;

import fr.paris.casvp.guichet.contracts.Hmac;
import java.time.LocalDate;

/**
 * The check of a birth date for a receipt ({@link ReceiptState#birthDateCheck()}): what a person proves they own the
 * receipt with, without an account. HMAC-SHA256 of the receipt number and the birth date, keyed with a secret shared by
 * the benefit services (which write it on {@code receipts.<benefit>.v1}) and the gateway (which compares it): whoever reads the
 * topic cannot try the 36 500 birth dates of a century without the key.
 */
public final class ReceiptChecks {

    private final Hmac key;

    /** @param secret the receipt key ({@code GUICHET_RECEIPT_KEY}), at least 32 characters, the same for all */
    public ReceiptChecks(String secret) {
        this.key = Hmac.of(secret, "GUICHET_RECEIPT_KEY");
    }

    public String of(String number, LocalDate birthDate) {
        return key.hex(number + "|" + birthDate);
    }
}
