package fr.paris.casvp.guichet.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A bearer token this service has verified is not verified again on the agent's next request: checking an RS256
 * signature was a quarter of a service's CPU under load (see docs/benchmarks.md). Only tokens the decoder accepted are
 * kept, never past their expiry on the service's clock and never longer than {@link #LONGEST} (so that a key the issuer
 * withdraws stops being trusted within that delay); a refused token is checked again on each request. Bounded to
 * {@link #SIZE} tokens, the least used leaving first.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration LONGEST = Duration.ofMinutes(5);
    static final long SIZE = 10_000;

    private final JwtDecoder decoder;
    private final Supplier<Clock> clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, Supplier<Clock> clock) {
        this(decoder, clock, Ticker.systemTicker());
    }

    /** {@code ticker}: how the cache tells the time passed (a test's, to follow its clock). */
    VerifiedTokens(JwtDecoder decoder, Supplier<Clock> clock, Ticker ticker) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(SIZE).ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> keptFor(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = decoder.decode(token);
            if (!keptFor(jwt).isZero()) {
                verified.put(token, jwt);
            }
        }
        return jwt;
    }

    private Duration keptFor(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.get().instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) < 0 ? left : LONGEST;
    }
}
