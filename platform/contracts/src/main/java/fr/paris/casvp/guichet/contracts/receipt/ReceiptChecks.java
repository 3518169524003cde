package fr.paris.casvp.guichet.contracts.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check of a birth date for a receipt ({@link ReceiptState#birthDateCheck()}): what a person proves they own the
 * receipt with, without an account. HMAC-SHA256 of the receipt number and the birth date, keyed with a secret shared by
 * the benefit services (which write it on {@code receipts.v1}) and the gateway (which compares it): whoever reads the
 * topic cannot try the 36 500 birth dates of a century without the key.
 */
public final class ReceiptChecks {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    /** @param secret the receipt key ({@code GUICHET_RECEIPT_KEY}), at least 32 characters */
    public ReceiptChecks(String secret) {
        if (secret == null || secret.strip().length() < 32) {
            throw new IllegalStateException("No receipt key: set GUICHET_RECEIPT_KEY (a secret of 32 characters or more, "
                    + "the same for the gateway and the benefit services)");
        }
        this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(String number, LocalDate birthDate) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((number + "|" + birthDate).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
