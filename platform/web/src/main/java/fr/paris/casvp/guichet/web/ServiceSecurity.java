package fr.paris.casvp.guichet.web;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.observability.ManagementPort;
import fr.paris.casvp.guichet.tokens.VerifiedJwtDecoder;
import fr.paris.casvp.guichet.tokens.VerifiedTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service checks the bearer token itself (defence in depth: the gateway checks it too and relays it). Open:
 * health probes and the OpenAPI description; on a separate management port ({@code management.server.port}, set in a
 * deployment: the network lets only the monitoring reach it), also the metrics and the build info, which a scraper reads
 * without a business role. Other actuator endpoints: SUPERVISOR only. Everything else: a valid
 * token of the configured issuer ({@code spring.security.oauth2.resourceserver.jwt.*}), which is not checked again
 * until it expires once accepted ({@link VerifiedTokens}); finer rules (role, section) are the service's. Refusals are
 * problems: 401 {@code urn:guichet:problem:unauthenticated}, 403 {@code urn:guichet:problem:forbidden}.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceSecurity {

    /** Boot's token decoder (from the issuer's discovery document), behind a cache of the tokens it accepted. */
    @Bean
    static BeanPostProcessor guichetVerifiedTokens(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedJwtDecoder)
                        ? new VerifiedJwtDecoder(decoder, new VerifiedTokens(clock::getObject)) : bean;
            }
        };
    }

    @Bean
    ManagementPort guichetManagementPort() {
        return new ManagementPort();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ManagementPort managementPort) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers(request -> managementPort.scrape(request.getLocalPort(), request.getRequestURI())).permitAll()
                        .requestMatchers("/actuator/**").hasRole("SUPERVISOR")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                ProblemTypes.UNAUTHENTICATED, "Authentication required",
                                "A valid bearer token of the Guichet issuer is required.")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                ProblemTypes.UNAUTHENTICATED, "Authentication required",
                                "A valid bearer token of the Guichet issuer is required."))
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                ProblemTypes.FORBIDDEN, "Forbidden", "Your role does not allow this.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static void problem(HttpServletResponse response, HttpStatus status, URI type, String title,
                                String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }
}
