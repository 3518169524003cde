package fr.paris.casvp.guichet.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A bearer token the gateway has verified is not verified again on the agent's next request: checking an RS256
 * signature was a quarter of the gateway's CPU under load (see docs/benchmarks.md). The services do the same with
 * theirs (platform/web). Only tokens the decoder accepted are kept, never past their expiry on the gateway's clock and
 * never longer than {@link #LONGEST} (so that a key the issuer withdraws stops being trusted within that delay); a
 * refused token is checked again on each request. Bounded to {@link #SIZE} tokens, the least used leaving first.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final Duration LONGEST = Duration.ofMinutes(5);
    static final long SIZE = 10_000;

    private final ReactiveJwtDecoder decoder;
    private final Supplier<Clock> clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder decoder, Supplier<Clock> clock) {
        this(decoder, clock, Ticker.systemTicker());
    }

    /** {@code ticker}: how the cache tells the time passed (a test's, to follow its clock). */
    VerifiedTokens(ReactiveJwtDecoder decoder, Supplier<Clock> clock, Ticker ticker) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(SIZE).ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> keptFor(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt != null) {
            return Mono.just(jwt);
        }
        return decoder.decode(token).doOnNext(accepted -> {
            if (!keptFor(accepted).isZero()) {
                verified.put(token, accepted);
            }
        });
    }

    private Duration keptFor(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.get().instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) < 0 ? left : LONGEST;
    }
}
