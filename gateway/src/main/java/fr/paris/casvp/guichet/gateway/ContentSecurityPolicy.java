package fr.paris.casvp.guichet.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A Content-Security-Policy on every answer of the gateway (issue #33): scripts, styles, images and connections from the
 * gateway itself only, and for the counter's sign-in the issuer's token endpoint; nothing framed, no plugin, no base
 * URI, forms sent only here or to the issuer. The public pages' inline script and style ({@code /suivi}, {@code /statut})
 * are allowed by their SHA-256, computed here from the pages as built: an injected script, even inline, never runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ContentSecurityPolicy implements WebFilter {

    static final String HEADER = "Content-Security-Policy";
    private static final List<String> INLINE_PAGES = List.of("suivi.html", "statut.html");
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final String policy;

    ContentSecurityPolicy(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        URI uri = URI.create(issuer);
        String issuerOrigin = uri.getScheme() + "://" + uri.getAuthority();
        List<String> scripts = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        for (String page : INLINE_PAGES) {
            String html = read(page);
            scripts.addAll(hashes(SCRIPT, html));
            styles.addAll(hashes(STYLE, html));
        }
        this.policy = String.join("; ",
                "default-src 'self'",
                "script-src 'self' " + String.join(" ", scripts),
                "style-src 'self' " + String.join(" ", styles),
                "img-src 'self' data: blob:",
                "connect-src 'self' " + issuerOrigin,
                "form-action 'self' " + issuerOrigin,
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "object-src 'none'");
    }

    String policy() {
        return policy;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, policy);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static List<String> hashes(Pattern block, String html) {
        List<String> hashes = new ArrayList<>();
        Matcher matcher = block.matcher(html);
        while (matcher.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(matcher.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }

    private static String read(String page) {
        try (InputStream in = new ClassPathResource(page).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
