package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.web.Agent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every request an authenticated agent makes to the service's API ({@code guichet.audit.path}) once it is
 * answered: operation (method and route), resource (the {@code id} of the route, or the created one), outcome (status),
 * and the files a search, list or refusal showed ({@link Shown}).
 * The trail itself is not: reading it is recorded in no file's trail.
 */
class AuditInterceptor implements HandlerInterceptor {

    private final AuditTrail trail;
    private final String auditPath;

    AuditInterceptor(AuditTrail trail, String apiPath) {
        this.trail = trail;
        this.auditPath = apiPath + "/audit";
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)
                || request.getRequestURI().startsWith(auditPath)) {
            return;
        }
        String route = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String resourceId = variables == null ? null : variables.get("id");
        String location = response.getHeader("Location");
        if (resourceId == null && location != null) {
            resourceId = location.substring(location.lastIndexOf('/') + 1);
        }
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        List<String> shown = Shown.of(new ServletRequestAttributes(request));
        trail.record(Agent.current(), request.getMethod() + " " + route, resourceType(route), resourceId, status,
                shown == null ? List.of() : shown);
    }

    /** The resource type: the route's last literal segment, e.g. {@code beneficiaries}, {@code history}. */
    private static String resourceType(String route) {
        String[] segments = route.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty() && !segments[i].startsWith("{")) {
                return segments[i];
            }
        }
        return route;
    }
}
