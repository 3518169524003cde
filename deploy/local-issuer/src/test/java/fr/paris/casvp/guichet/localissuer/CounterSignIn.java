package fr.paris.casvp.guichet.localissuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the counter's page does with the issuer, over HTTP: an agent signs in (authorisation code with PKCE, the French
 * sign-in form), the page exchanges the code, renews its token with the refresh token and revokes it at sign-out.
 */
final class CounterSignIn {

    static final String CLIENT = "guichet-counter";
    static final String REDIRECT = "http://localhost:8080/";

    private final int port;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    CounterSignIn(int port) {
        this.port = port;
    }

    /** Signs {@code user} in with {@code password}; the issuer's answer to the code's exchange. */
    HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT, "redirect_uri", REDIRECT,
                "scope", "openid profile", "state", "s", "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(csrf.find()).as("the sign-in page's CSRF field").isTrue();
        HttpResponse<String> signedIn = post("/login", Map.of("username", user, "password", password, "_csrf", csrf.group(1)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        URI saved = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        String back = get(saved.getRawPath() + "?" + saved.getRawQuery()).headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(REDIRECT + "?code=");
        String code = URLDecoder.decode(back.replaceFirst(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        return post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "client_id", CLIENT, "code_verifier", verifier));
    }

    HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
        return post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT));
    }

    HttpResponse<String> revoke(String token, String clientId) throws IOException, InterruptedException {
        return post("/oauth2/revoke", Map.of("token", token, "token_type_hint", "refresh_token", "client_id", clientId));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
