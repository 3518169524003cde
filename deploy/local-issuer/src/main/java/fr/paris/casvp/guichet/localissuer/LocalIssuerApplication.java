package fr.paris.casvp.guichet.localissuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The local run's OpenID Connect issuer: Spring Authorization Server with the demo agents of issue #4. In production
 * any OIDC provider takes its place (see deploy/README.md); this one is never deployed.
 */
@SpringBootApplication
public class LocalIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalIssuerApplication.class, args);
    }
}
