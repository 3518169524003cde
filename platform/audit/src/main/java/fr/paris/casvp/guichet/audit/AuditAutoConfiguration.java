package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.messaging.ModuleSchema;
import fr.paris.casvp.guichet.messaging.command.CommandCaller;
import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import fr.paris.casvp.guichet.messaging.consumer.ParkedRecords;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Enabled by {@code guichet.audit.path} (the service's API root, e.g. {@code /api/aid}). */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "fr.paris.casvp.guichet.messaging.MessagingAutoConfiguration"})
@ConditionalOnProperty(name = "guichet.audit.path")
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(ModuleSchema schema, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                          AuditAnchors anchors, @Value("${guichet.audit.key:${GUICHET_AUDIT_KEY:}}") String key) {
        schema.migrate("audit");
        return new AuditTrail(jdbc, transactions, clock, anchors, key);
    }

    /**
     * The trail is named after the service and its database: {@code aid-service/aid}; anchored on the service's own
     * {@code audit-anchors.<guichet.audit.anchors>.v1} (e.g. {@code aid}: only aid-service may write it).
     */
    @Bean
    AuditAnchors auditAnchors(Outbox outbox, ConsumerFactory<String, String> consumers, JsonMapper json, Clock clock,
                              JdbcClient jdbc, PlatformTransactionManager transactions,
                              @Value("${spring.application.name}") String application,
                              @Value("${guichet.audit.anchor-interval:10s}") Duration interval,
                              @Value("${guichet.audit.anchors}") String anchorTopic) {
        String database = jdbc.sql("select current_database()").query(String.class).single();
        Topic topic = Topic.auditAnchorsOf(anchorTopic).orElseThrow(() -> new IllegalStateException(
                "guichet.audit.anchors names no audit-anchors topic: beneficiary, aid, solidarity or transport, not '" + anchorTopic + "'"));
        return new AuditAnchors(outbox, consumers, jdbc, transactions, json, clock, application + "/" + database, topic, interval);
    }

    /** Idempotency keys are scoped to the authenticated agent (a queued command runs as its agent too). */
    @Bean
    CommandCaller commandCaller() {
        return () -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication == null ? "" : authentication.getName();
        };
    }

    @Bean
    PartnerAnswers partnerAnswers(IdempotentConsumer consumer, ParkedRecords parked, AuditTrail trail, JsonMapper json) {
        return new PartnerAnswers(consumer, parked, trail, json);
    }

    @Bean
    SectionReadPolicy sectionReadPolicy() {
        return new SectionReadPolicy();
    }

    @Bean
    AuditController auditController(AuditTrail trail) {
        return new AuditController(trail);
    }

    @Bean
    WebMvcConfigurer auditInterceptor(AuditTrail trail, @Value("${guichet.audit.path}") String apiPath) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuditInterceptor(trail, apiPath)).addPathPatterns(apiPath, apiPath + "/**");
            }
        };
    }
}
