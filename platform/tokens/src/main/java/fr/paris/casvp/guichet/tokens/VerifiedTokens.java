package fr.paris.casvp.guichet.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The bearer tokens a JVM has verified, so that an agent's next request does not verify its token again: checking an
 * RS256 signature was a quarter of the gateway's and of a service's CPU under load (see docs/benchmarks.md). Only
 * tokens the decoder accepted are kept, never past their expiry on the application's clock and never longer than
 * {@link #LONGEST} (so that a key the issuer withdraws stops being trusted within that delay); a refused token is
 * checked again on each request. At most {@link #SIZE} tokens, the least used leaving first. Used through
 * {@link VerifiedJwtDecoder} (services) and {@link VerifiedReactiveJwtDecoder} (the gateway).
 */
public final class VerifiedTokens {

    public static final Duration LONGEST = Duration.ofMinutes(5);
    public static final long SIZE = 10_000;

    private final Supplier<Clock> clock;
    private final Cache<String, Jwt> verified;

    /** {@code clock}: the application's, read when a token is kept. */
    public VerifiedTokens(Supplier<Clock> clock) {
        this(clock, Ticker.systemTicker());
    }

    /** {@code ticker}: how the cache tells the time passed (a test's, to follow its clock). */
    VerifiedTokens(Supplier<Clock> clock, Ticker ticker) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(SIZE).ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> keptFor(jwt)))
                .build();
    }

    /** The token's claims if it was verified and has not expired since; null otherwise. */
    public Jwt verified(String token) {
        return verified.getIfPresent(token);
    }

    /** Keeps a token the decoder has just accepted (one without an expiry, or expired already, is not kept). */
    public void keep(String token, Jwt jwt) {
        if (!keptFor(jwt).isZero()) {
            verified.put(token, jwt);
        }
    }

    private Duration keptFor(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.get().instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) < 0 ? left : LONGEST;
    }
}
