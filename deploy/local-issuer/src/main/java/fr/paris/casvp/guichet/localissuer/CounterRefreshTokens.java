package fr.paris.casvp.guichet.localissuer;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for the counter, a public client (a page, no secret), so that its access tokens can be short: the
 * counter renews its token every few minutes, and a token copied from a workstation is worth minutes, not a day.
 * Spring Authorization Server gives public clients no refresh token and cannot authenticate them when they use one;
 * these three pieces add both, as OAuth 2.0 for browser-based applications allows:
 * <ul>
 * <li>each refresh token is used once (the client's {@code reuse-refresh-tokens: false}: a new one comes with each new
 * access token, and the one used is dead);</li>
 * <li>every refresh token of a sign-in expires when that sign-in is {@code refresh-token-time-to-live} old (a working
 * day), however often it was renewed: then the agent signs in again;</li>
 * <li>the counter revokes its refresh token at sign-out ({@code /oauth2/revoke} with its client id), after which no
 * new access token is given for that sign-in.</li>
 * </ul>
 * Only a client registered with the {@code none} authentication method and the {@code refresh_token} grant is
 * authenticated this way; a confidential client still needs its secret.
 */
final class CounterRefreshTokens {

    private CounterRefreshTokens() {
    }

    /** A public client's request to the token endpoint with a refresh token, or to the revocation endpoint. */
    static final class PublicClientRequest extends OAuth2ClientAuthenticationToken {

        PublicClientRequest(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, null);
        }
    }

    /** Reads a public client's id from a refresh or revocation request; leaves any request with a credential to others. */
    static AuthenticationConverter converter() {
        return request -> isRefreshOrRevocation(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) == null
                && request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) == null
                && request.getParameterValues(OAuth2ParameterNames.CLIENT_ID) != null
                && request.getParameterValues(OAuth2ParameterNames.CLIENT_ID).length == 1
                        ? new PublicClientRequest(request.getParameter(OAuth2ParameterNames.CLIENT_ID))
                        : null;
    }

    private static boolean isRefreshOrRevocation(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && (request.getRequestURI().endsWith("/oauth2/revoke")
                || AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)));
    }

    /** Authenticates a public client that may use refresh tokens by its id; any other client is refused. */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String clientId = (String) authentication.getPrincipal();
                RegisteredClient client = clients.findByClientId(clientId);
                if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return PublicClientRequest.class.isAssignableFrom(authentication);
            }
        };
    }

    /**
     * Makes the refresh tokens of clients that have the grant, public ones included, each expiring when its sign-in is
     * {@code refresh-token-time-to-live} old (the time the authorisation code was issued).
     */
    static OAuth2TokenGenerator<OAuth2RefreshToken> generator(Clock clock) {
        StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        return context -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant now = clock.instant();
            Instant expiresAt = signedInAt(context, now).plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
            return expiresAt.isAfter(now) ? new OAuth2RefreshToken(values.generateKey(), now, expiresAt) : null;
        };
    }

    private static Instant signedInAt(OAuth2TokenContext context, Instant now) {
        OAuth2Authorization authorization = context.getAuthorization();
        if (authorization == null || authorization.getToken(OAuth2AuthorizationCode.class) == null) {
            return now;
        }
        return Objects.requireNonNullElse(authorization.getToken(OAuth2AuthorizationCode.class).getToken().getIssuedAt(), now);
    }
}
