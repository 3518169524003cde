package fr.paris.casvp.guichet.localissuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /demo/tokens/{username}}: an access token for a demo agent, signed with this issuer's key (the one its
 * JWKS publishes), as if the agent had signed in. For the local run and its tests only.
 */
@RestController
class DemoTokens {

    static final String ROLES = "roles";
    /** The audience every Guichet token is for: the gateway and the services check it. */
    static final String AUDIENCE = "guichet";
    static final String SECTION = "section";

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    DemoTokens(JwtEncoder encoder, @Value("${spring.security.oauth2.authorizationserver.issuer}") String issuer,
               @Value("${guichet.demo-token-lifetime:8h}") Duration lifetime, Clock clock) {
        this.clock = clock;
        this.encoder = encoder;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    @PostMapping("/demo/tokens/{username}")
    Map<String, Object> token(@PathVariable String username) {
        DemoAgents.Agent agent = DemoAgents.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No demo agent " + username + "; known: " + DemoAgents.ALL.stream().map(DemoAgents.Agent::username).toList()));
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer).subject(agent.username()).audience(List.of(AUDIENCE))
                .issuedAt(now).expiresAt(now.plus(lifetime)).id(UUID.randomUUID().toString())
                .claim(ROLES, List.of(agent.role()));
        if (agent.section() != null) {
            claims.claim(SECTION, agent.section());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
        return Map.of("access_token", token, "token_type", "Bearer", "expires_in", lifetime.toSeconds());
    }
}
