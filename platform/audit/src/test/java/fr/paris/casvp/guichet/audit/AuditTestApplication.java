package fr.paris.casvp.guichet.audit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A service in miniature: the audit module's auto-configuration, on a real database and broker. */
@SpringBootConfiguration
@EnableAutoConfiguration
class AuditTestApplication {
}
