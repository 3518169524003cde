package fr.paris.casvp.guichet.beneficiary.registry;

import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who makes a change, for the history: the token's subject, role and section, e.g. {@code agent13 (AGENT, 13)}. */
final class Agents {

    private Agents() {
    }

    static String current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            List<String> roles = token.getToken().getClaimAsStringList("roles");
            String section = token.getToken().getClaimAsString("section");
            return token.getName() + " (" + (roles == null ? "" : String.join(",", roles))
                    + (section == null ? "" : ", " + section) + ")";
        }
        throw new IllegalStateException("No authenticated agent");
    }
}
