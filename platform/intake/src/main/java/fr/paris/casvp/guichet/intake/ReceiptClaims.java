package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One receipt number, one application (issue #33: eight captures of one number sent at once were all queued; the
 * service filed one, and the seven others failed, turned the genuine receipt to REJECTED and held the queue for 35 s).
 * The first queued command applied under a number claims it (table {@code receipt_claim}), in its own statement, before
 * it is applied; the command that holds the claim may be applied again (a retry, the same idempotency key). Another
 * command under the same number is:
 * <ul>
 *   <li>{@link Claim#DUPLICATE}: the same request (method, path and body) under another key, the same application sent
 *       twice: nothing to do, its receipt is the first one's;</li>
 *   <li>{@link Claim#CONFLICT}: another application: refused to the dead letters with the reason, the genuine receipt
 *       untouched (the gateway refuses such a capture at once when it knows the number; this is for what it cannot
 *       know, two instances of it at the same moment).</li>
 * </ul>
 */
public class ReceiptClaims {

    public enum Claim { OWNED, DUPLICATE, CONFLICT }

    private final JdbcClient jdbc;

    public ReceiptClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Claim claim(QueuedCommand command) {
        String fingerprint = fingerprint(command);
        jdbc.sql("""
                        insert into receipt_claim (receipt_number, idempotency_key, fingerprint) values (:number, :key, :fingerprint)
                        on conflict (receipt_number) do nothing
                        """)
                .param("number", command.receiptNumber()).param("key", command.idempotencyKey()).param("fingerprint", fingerprint)
                .update();
        record Held(UUID key, String fingerprint) {
        }
        Held held = jdbc.sql("select idempotency_key, fingerprint from receipt_claim where receipt_number = :number")
                .param("number", command.receiptNumber())
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2))).single();
        if (held.key().equals(command.idempotencyKey())) {
            return Claim.OWNED;
        }
        return held.fingerprint().equals(fingerprint) ? Claim.DUPLICATE : Claim.CONFLICT;
    }

    static String fingerprint(QueuedCommand command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((command.method() + " " + command.path() + "\n" + command.body())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
