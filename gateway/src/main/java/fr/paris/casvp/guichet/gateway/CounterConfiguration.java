package fr.paris.casvp.guichet.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /counter/config}: what the counter's pages (the {@code counter} module, served at {@code /}) need to sign
 * an agent in: the OpenID Connect issuer and the counter's client id. Open: the sign-in starts from it.
 */
@RestController
class CounterConfiguration {

    /** The counter is a public client: authorisation code with PKCE, no secret. */
    static final String CLIENT_ID = "guichet-counter";

    record Config(String issuer, String clientId) {
    }

    private final Config config;

    CounterConfiguration(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        this.config = new Config(issuer, CLIENT_ID);
    }

    @GetMapping("/counter/config")
    Config config() {
        return config;
    }
}
