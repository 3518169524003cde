package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.messaging.ModuleSchema;
import fr.paris.casvp.guichet.messaging.command.CommandCaller;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Enabled by {@code guichet.audit.path} (the service's API root, e.g. {@code /api/aid}). */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnProperty(name = "guichet.audit.path")
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        ModuleSchema.migrate(dataSource, "audit");
        return new AuditTrail(jdbc, transactions, clock);
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
