package fr.paris.casvp.guichet.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A service's token decoder, in front of which the tokens it already accepted are answered from {@link VerifiedTokens}. */
public final class VerifiedJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final VerifiedTokens tokens;

    public VerifiedJwtDecoder(JwtDecoder decoder, VerifiedTokens tokens) {
        this.decoder = decoder;
        this.tokens = tokens;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = tokens.verified(token);
        if (jwt == null) {
            jwt = decoder.decode(token);
            tokens.keep(token, jwt);
        }
        return jwt;
    }
}
