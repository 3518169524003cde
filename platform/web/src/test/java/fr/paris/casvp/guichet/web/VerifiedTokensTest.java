package fr.paris.casvp.guichet.web;

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

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2027-03-15T08:30:00Z");

    private Instant now = NOW;
    private final List<String> checked = new ArrayList<>();

    /** The real decoder's stand-in: counts its checks, accepts "good…" tokens expiring at the time they name. */
    private final JwtDecoder decoder = token -> {
        checked.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        Duration left = Duration.parse(token.substring("good".length()));
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("agent13")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plus(left)).build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(decoder, () -> Clock.fixed(now, ZoneOffset.UTC),
            () -> Duration.between(NOW, now).toNanos());

    @Test
    void anAcceptedTokenIsCheckedOnce() {
        Jwt first = tokens.decode("goodPT8H");
        Jwt second = tokens.decode("goodPT8H");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("goodPT8H");
    }

    @Test
    void aRefusedTokenIsCheckedEachTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aTokenIsCheckedAgainOnceItHasExpired() {
        tokens.decode("goodPT2M");
        now = NOW.plus(Duration.ofMinutes(2)).minusSeconds(1);
        tokens.decode("goodPT2M");
        now = NOW.plus(Duration.ofMinutes(2));
        tokens.decode("goodPT2M");

        assertThat(checked).containsExactly("goodPT2M", "goodPT2M");
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterTheLongestDelay() {
        tokens.decode("goodPT8H");
        now = NOW.plus(VerifiedTokens.LONGEST).minusSeconds(1);
        tokens.decode("goodPT8H");
        now = NOW.plus(VerifiedTokens.LONGEST);
        tokens.decode("goodPT8H");

        assertThat(checked).containsExactly("goodPT8H", "goodPT8H");
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() {
        JwtDecoder noExpiry = token -> {
            checked.add(token);
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("agent13").build();
        };
        VerifiedTokens unbounded = new VerifiedTokens(noExpiry, () -> Clock.fixed(now, ZoneOffset.UTC));

        unbounded.decode("t");
        unbounded.decode("t");

        assertThat(checked).containsExactly("t", "t");
    }
}
