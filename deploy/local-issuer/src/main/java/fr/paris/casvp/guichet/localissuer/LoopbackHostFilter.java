package fr.paris.casvp.guichet.localissuer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The issuer answers only requests addressed to it by a loopback name ({@code localhost}, {@code 127.0.0.1},
 * {@code [::1]}, with its port), and its demo token endpoint only requests that no web page sent (no {@code Origin}).
 * Listening on loopback is not enough: a page of another site whose name is made to resolve to 127.0.0.1 (DNS
 * rebinding) reaches the port from the agent's browser, with its own name in {@code Host} (issue #33: it could mint a
 * supervisor's token). Refused: 421 for another host, 403 for a page's request to {@code /demo/**}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoopbackHostFilter extends OncePerRequestFilter {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> otherNames;

    /**
     * @param otherNames names besides the loopback ones this issuer answers to ({@code guichet.issuer.other-names}, e.g.
     *                   {@code issuer} where the container tests run it on a network of containers); none by default
     */
    LoopbackHostFilter(@Value("${guichet.issuer.other-names:}") Set<String> otherNames) {
        this.otherNames = Set.copyOf(otherNames);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        String name = host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst(":" + request.getLocalPort() + "$", "");
        if (host == null || !(LOOPBACK_NAMES.contains(name) || otherNames.contains(name)) || !host.endsWith(":" + request.getLocalPort())) {
            refuse(response, 421, "This issuer answers requests to localhost:" + request.getLocalPort() + " only.");
            return;
        }
        if (request.getRequestURI().startsWith("/demo/") && request.getHeader("Origin") != null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Demo tokens are not given to web pages.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The answer itself (not {@code sendError}: the error page would be behind the sign-in, a redirection). */
    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }
}
