package fr.paris.casvp.guichet.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for tests, signed with a key made for the test JVM, and a small OpenID Connect issuer on the loopback
 * interface that publishes its discovery document and key set: a service under test discovers and trusts it exactly as
 * it would a real provider ({@link #resourceServerProperties()}). Also the bad tokens a service must refuse.
 */
public final class TestTokens {

    private static final KeyPair keys = generate();
    private static final KeyPair otherKeys = generate();
    public static final String ISSUER = startIssuer();

    private TestTokens() {
    }

    /** A valid token: {@code section} may be null (a supervisor's). */
    public static String of(String username, String role, String section) {
        return sign(keys, claims(ISSUER, username, role, section, Duration.ofHours(1)));
    }

    public static String agent13() {
        return of("agent13", "AGENT", "13");
    }

    public static String supervisor() {
        return of("superviseur", "SUPERVISOR", null);
    }

    public static String expired() {
        return sign(keys, claims(ISSUER, "agent13", "AGENT", "13", Duration.ofHours(-1)));
    }

    public static String ofAnotherIssuer() {
        return sign(keys, claims("http://evil.example", "agent13", "AGENT", "13", Duration.ofHours(1)));
    }

    /** Signed with another key, as a forged token would be. */
    public static String forged() {
        return sign(otherKeys, claims(ISSUER, "agent13", "SUPERVISOR", null, Duration.ofHours(1)));
    }

    /** A valid token whose payload was changed afterwards (another role): its signature no longer matches. */
    public static String tampered() {
        return tampered(agent13());
    }

    /** {@code token} (an agent's) with another role written into its payload afterwards. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"AGENT\"", "\"SUPERVISOR\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

    /** Not signed at all ({@code alg: none}). */
    public static String unsigned() {
        return new PlainJWT(claims(ISSUER, "agent13", "SUPERVISOR", null, Duration.ofHours(1))).serialize();
    }

    /** What a service's test context sets so that it trusts this issuer (and only it). */
    public static Map<String, Object> resourceServerProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER);
    }

    private static String startIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                    + "\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\","
                    + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
            String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("test").build()).toString();
            server.createContext("/.well-known/openid-configuration", exchange -> reply(exchange, discovery));
            server.createContext("/jwks", exchange -> reply(exchange, jwks));
            server.setExecutor(null);
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static JWTClaimsSet claims(String issuer, String username, String role, String section, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(username).audience("guichet").jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(validity)))
                .claim("roles", List.of(role));
        if (section != null) {
            claims.claim("section", section);
        }
        return claims.build();
    }

    private static String sign(KeyPair pair, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
