package fr.paris.casvp.guichet.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The gateway's token decoder, in front of which the tokens it already accepted are answered from {@link VerifiedTokens}. */
public final class VerifiedReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final VerifiedTokens tokens;

    public VerifiedReactiveJwtDecoder(ReactiveJwtDecoder decoder, VerifiedTokens tokens) {
        this.decoder = decoder;
        this.tokens = tokens;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt jwt = tokens.verified(token);
        return jwt != null ? Mono.just(jwt) : decoder.decode(token).doOnNext(accepted -> tokens.keep(token, accepted));
    }
}
