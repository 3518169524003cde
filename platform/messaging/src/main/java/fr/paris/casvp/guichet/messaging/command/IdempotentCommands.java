package fr.paris.casvp.guichet.messaging.command;

import fr.paris.casvp.guichet.messaging.HourlyPurge;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every command carries an idempotency key (a UUID made by the client, or by the gateway for a queued command): the
 * same key gives the same outcome and applies the command once (the README's architecture rules).
 *
 * <p>The key is claimed, the command applied and its outcome stored in one transaction. Two requests with the same
 * key at the same time: the second waits for the first's commit on the key's row, then answers its outcome. A command
 * that fails (invalid, conflict) stores nothing: the client may correct it and send it again with the same key. The
 * same key with another request is refused: the client has a bug.
 */
public class IdempotentCommands {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration retention;
    private final CommandCaller caller;
    private final HourlyPurge purges;

    /**
     * @param retention how long a key and its answer are kept: longer than any client may wait before sending a command
     *                  again (a counter that captured offline syncs days later), short enough not to keep the personal
     *                  data of the answers for ever
     */
    public IdempotentCommands(JdbcClient jdbc, TransactionTemplate transactions, Duration retention, CommandCaller caller) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retention = retention;
        this.purges = new HourlyPurge(() -> purgeOlderThan(this.retention));
        this.caller = caller;
    }

    /**
     * @param key     the command's idempotency key
     * @param request what identifies the request (method, path and body): the same key must come with the same one,
     *                from the same caller
     * @param command applies the command, in the transaction, and says what to answer
     */
    public Outcome execute(UUID key, String request, Supplier<Outcome> command) {
        purges.nowAndThen();
        String fingerprint = sha256(caller.name() + "\n" + request);
        return transactions.execute(status -> {
            int claimed = jdbc.sql("insert into idempotent_command (idempotency_key, fingerprint) values (:key, :fingerprint) on conflict do nothing")
                    .param("key", key).param("fingerprint", fingerprint).update();
            if (claimed == 0) {
                return previous(key, fingerprint);
            }
            Outcome outcome = command.get();
            jdbc.sql("update idempotent_command set status = :status, location = :location, body = :body where idempotency_key = :key")
                    .param("status", outcome.status()).param("location", outcome.location()).param("body", outcome.body())
                    .param("key", key).update();
            return outcome;
        });
    }

    /** Deletes the keys and answers older than {@code age}; returns how many. */
    public int purgeOlderThan(Duration age) {
        return jdbc.sql("delete from idempotent_command where created_at < now() - make_interval(secs => :seconds)")
                .param("seconds", age.toSeconds()).update();
    }


    private Outcome previous(UUID key, String fingerprint) {
        Stored stored = jdbc.sql("select fingerprint, status, location, body from idempotent_command where idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .single();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(key);
        }
        return new Outcome(stored.status(), stored.location(), stored.body(), true);
    }

    private static String sha256(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a command answered.
     *
     * @param location the created resource, or null
     * @param body     the JSON body
     * @param replayed true when this is the stored outcome of an earlier request with the same key
     */
    public record Outcome(int status, String location, String body, boolean replayed) {

        public static Outcome of(int status, String location, String body) {
            return new Outcome(status, location, body, false);
        }

        public Optional<String> locationIfAny() {
            return Optional.ofNullable(location);
        }
    }

    private record Stored(String fingerprint, int status, String location, String body) {
    }
}
