package fr.paris.casvp.guichet.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2027-03-15T08:30:00Z");

    private Instant now = NOW;
    private final List<String> checked = new ArrayList<>();
    /** The cache on the test's clock: its ticker follows {@link #now}. */
    private final VerifiedTokens tokens = new VerifiedTokens(() -> Clock.fixed(now, ZoneOffset.UTC),
            () -> Duration.between(NOW, now).toNanos());

    /** The real decoder's stand-in: counts its checks, accepts "good…" tokens expiring after the time they name. */
    private final JwtDecoder decoder = token -> {
        checked.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("agent13").issuedAt(NOW.minusSeconds(60));
        return token.equals("good") ? jwt.build() : jwt.expiresAt(NOW.plus(Duration.parse(token.substring(4)))).build();
    };

    private final VerifiedJwtDecoder service = new VerifiedJwtDecoder(decoder, tokens);

    @Test
    void anAcceptedTokenIsCheckedOnce() {
        Jwt first = service.decode("goodPT8H");
        Jwt second = service.decode("goodPT8H");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("goodPT8H");
    }

    @Test
    void aRefusedTokenIsCheckedEachTime() {
        assertThatThrownBy(() -> service.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> service.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aTokenIsCheckedAgainOnceItHasExpired() {
        service.decode("goodPT2M");
        now = NOW.plus(Duration.ofMinutes(2)).minusSeconds(1);
        service.decode("goodPT2M");
        now = NOW.plus(Duration.ofMinutes(2));
        service.decode("goodPT2M");

        assertThat(checked).containsExactly("goodPT2M", "goodPT2M");
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterTheLongestDelay() {
        service.decode("goodPT8H");
        now = NOW.plus(VerifiedTokens.LONGEST).minusSeconds(1);
        service.decode("goodPT8H");
        now = NOW.plus(VerifiedTokens.LONGEST);
        service.decode("goodPT8H");

        assertThat(checked).containsExactly("goodPT8H", "goodPT8H");
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() {
        service.decode("good");
        service.decode("good");

        assertThat(checked).containsExactly("good", "good");
    }

    @Test
    void theGatewaysDecoderKeepsWhatItAcceptedAndChecksWhatItRefusedEachTime() {
        ReactiveJwtDecoder reactive = token -> Mono.fromCallable(() -> decoder.decode(token));
        VerifiedReactiveJwtDecoder gateway = new VerifiedReactiveJwtDecoder(reactive, tokens);

        Jwt first = gateway.decode("goodPT8H").block();
        Jwt second = gateway.decode("goodPT8H").block();
        assertThatThrownBy(() -> gateway.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> gateway.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("goodPT8H", "forged", "forged");
    }
}
