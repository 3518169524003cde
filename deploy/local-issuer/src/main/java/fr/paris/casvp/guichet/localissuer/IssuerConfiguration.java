package fr.paris.casvp.guichet.localissuer;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IssuerConfiguration.class);

    /** The demo agents sign in with the password of GUICHET_DEMO_PASSWORD, or one made at start-up (in the log). */
    @Bean
    UserDetailsService demoAgents(@Value("${guichet.demo-password:}") String configured) {
        String password = configured.isBlank() ? HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) : configured;
        if (configured.isBlank()) {
            log.info("Demo agents' password for this run: {}", password);
        }
        return new InMemoryUserDetailsManager(DemoAgents.ALL.stream()
                .map(agent -> User.withUsername(agent.username()).password("{noop}" + password).roles(agent.role()).build())
                .toList());
    }

    /**
     * Tokens issued through the OIDC flows carry the same claims as the demo tokens: the agent's roles and section, and
     * the audience the gateway and the services require.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> agentClaims() {
        return context -> DemoAgents.find(context.getPrincipal().getName()).ifPresent(agent -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(DemoTokens.AUDIENCE));
            }
            context.getClaims().claim(DemoTokens.ROLES, List.of(agent.role()));
            if (agent.section() != null) {
                context.getClaims().claim(DemoTokens.SECTION, agent.section());
            }
        });
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> keys) {
        return new NimbusJwtEncoder(keys);
    }

    /** Access and ID tokens as JWTs with the agents' claims, and refresh tokens for the counter too. */
    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder encoder, OAuth2TokenCustomizer<JwtEncodingContext> agentClaims,
                                                     Clock clock) {
        JwtGenerator jwts = new JwtGenerator(encoder);
        jwts.setJwtCustomizer(agentClaims);
        jwts.setClock(clock);
        return new DelegatingOAuth2TokenGenerator(jwts, CounterRefreshTokens.generator(clock));
    }

    /** The OAuth 2.1 / OpenID Connect endpoints: discovery, JWKS, authorize, token... */
    @Bean
    @Order(0)
    SecurityFilterChain authorizationServer(HttpSecurity http, CorsConfigurationSource counterOrigin,
                                            RegisteredClientRepository clients) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                    // The counter renews its short access tokens, and revokes its refresh token at sign-out.
                    server.clientAuthentication(clientAuthentication -> clientAuthentication
                            .authenticationConverter(CounterRefreshTokens.converter())
                            .authenticationProvider(CounterRefreshTokens.provider(clients)));
                })
                // The counter (a page of the gateway's origin) exchanges its code for tokens from the browser.
                .cors(cors -> cors.configurationSource(counterOrigin))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** {@code /demo/**}: what {@code ./guichet token} calls; this issuer listens on the loopback interface only. */
    @Bean
    @Order(1)
    SecurityFilterChain demoEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/demo/**", "/actuator/health/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The agents sign in on a page in French ({@link SignInPage}). */
    @Bean
    @Order(3)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/login").permitAll().anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .build();
    }

    /** The counter's origin: the gateway's, on this machine. */
    @Bean
    CorsConfigurationSource counterOrigin(@Value("${guichet.counter-origin}") String origin) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of(origin));
        configuration.setAllowedMethods(List.of("GET", "POST"));
        configuration.setAllowedHeaders(List.of("Content-Type", "Authorization"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
