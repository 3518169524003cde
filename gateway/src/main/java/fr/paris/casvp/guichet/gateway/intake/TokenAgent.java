package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The agent an access token names, as the gateway records and checks it: user, roles and section. */
public final class TokenAgent {

    private TokenAgent() {
    }

    public static QueuedCommand.QueuedAgent of(JwtAuthenticationToken token) {
        return new QueuedCommand.QueuedAgent(token.getName(),
                Optional.ofNullable(token.getToken().getClaimAsStringList("roles")).orElse(List.of()),
                token.getToken().getClaimAsString("section"));
    }
}
