package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.observability.ManagementPort;
import fr.paris.casvp.guichet.tokens.VerifiedReactiveJwtDecoder;
import fr.paris.casvp.guichet.tokens.VerifiedTokens;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * The gateway checks the bearer token before routing (and relays it: each service checks it again), once per token
 * until it expires ({@link VerifiedTokens}). Open: the counter's pages (their API calls carry the agent's token), the
 * status board (agents and the waiting room read it) and health probes; on a management port of its own
 * ({@code management.server.port}, a deployment's: the network lets only the monitoring reach it), also the metrics and
 * the build info, which a scraper reads without a business role. Other actuator endpoints: SUPERVISOR only.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    /** Boot's token decoder (from the issuer's discovery document), behind a cache of the tokens it accepted. */
    @Bean
    static BeanPostProcessor guichetVerifiedTokens(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedReactiveJwtDecoder)
                        ? new VerifiedReactiveJwtDecoder(decoder, new VerifiedTokens(clock::getObject)) : bean;
            }
        };
    }

    /**
     * A request the firewall rejects (an encoded slash or dot-segment in its path, a forbidden character): 400, as a
     * problem, and the connection closed. Left open, the next request on it (the same client's kept-alive connection)
     * was sometimes never answered: GatewayRoutingIT's DELETE after such a request waited 10 s, about one run in ten.
     */
    @Bean
    ServerExchangeRejectedHandler guichetRejectedRequests() {
        return (exchange, rejected) -> {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            byte[] body = ("{\"type\":\"" + ProblemTypes.REQUEST_REFUSED + "\",\"title\":\"Bad request\",\"status\":400,"
                    + "\"detail\":\"The address of this request is not accepted.\"}").getBytes(StandardCharsets.UTF_8);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        };
    }

    @Bean
    ManagementPort guichetManagementPort() {
        return new ManagementPort();
    }

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ManagementPort managementPort) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .matchers(exchange -> {
                            InetSocketAddress local = exchange.getRequest().getLocalAddress();
                            return local != null && managementPort.scrape(local.getPort(), exchange.getRequest().getPath().value())
                                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
                        }).permitAll()
                        .pathMatchers(org.springframework.http.HttpMethod.PUT, "/api/status/message").hasRole("SUPERVISOR")
                        .pathMatchers("/api/status", "/api/status/incidents", "/statut", "/suivi", "/actuator/health",
                                "/actuator/health/**").permitAll()
                        // The counter's pages and what they need to sign an agent in (the API calls carry the token).
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/", "/index.html", "/sw.js", "/app/**", "/favicon.svg",
                                "/counter/config").permitAll()
                        // The published contract (AsyncAPI document and schemas), for partners' teams and tools.
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/contracts", "/contracts/**").permitAll()
                        // A person without an account looks up their receipt with their birth date (checked there).
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/api/receipts/*").permitAll()
                        // The benefits as declared: what the public page names a receipt's benefit with.
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/api/benefits").permitAll()
                        .pathMatchers("/actuator/**").hasRole("SUPERVISOR")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange.getResponse())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange.getResponse()))
                        .accessDeniedHandler((exchange, e) -> GatewayProblems.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
                                ProblemTypes.FORBIDDEN, "Forbidden", "Your role does not allow this.")))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    /**
     * 401, as a problem, and the connection closed, as for the firewall's refusals: left open after a refused token, the
     * next request on the same kept-alive connection was sometimes never answered (GatewayRoutingIT: a request after a
     * tampered token's waited 30 s, once in a clean-clone CI run; 150 such pairs reproduced it in a few seconds).
     */
    private static Mono<Void> unauthenticated(ServerHttpResponse response) {
        response.getHeaders().set("WWW-Authenticate", "Bearer");
        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        return GatewayProblems.write(response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Authentication required",
                "A valid bearer token of the Guichet issuer is required.");
    }
}
