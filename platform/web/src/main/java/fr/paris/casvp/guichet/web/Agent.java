package fr.paris.casvp.guichet.web;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated agent of the current request, from the bearer token: who, which roles, which section (none for a
 * supervisor, who reads across sections). The rules of issue #4 are checked with it; a refusal is a 403 problem that
 * says why.
 */
public record Agent(String username, Set<String> roles, String section) {

    public static final String AGENT = "AGENT";
    public static final String SOCIAL_WORKER = "SOCIAL_WORKER";
    public static final String SECTION_DIRECTOR = "SECTION_DIRECTOR";
    public static final String SUPERVISOR = "SUPERVISOR";
    /** Keeps the dated figures of the rules (ceilings, floors): proposes new values, approves another's (four-eyes). */
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    public static Agent current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            List<String> roles = token.getToken().getClaimAsStringList("roles");
            return new Agent(token.getName(), roles == null ? Set.of() : Set.copyOf(roles),
                    token.getToken().getClaimAsString("section"));
        }
        throw new IllegalStateException("No authenticated agent");
    }

    public boolean isSupervisor() {
        return roles.contains(SUPERVISOR);
    }

    /** Refused unless the agent has one of these roles. */
    public Agent requireRole(String... allowed) {
        if (Arrays.stream(allowed).noneMatch(roles::contains)) {
            throw forbidden("This needs one of the roles " + String.join(", ", allowed) + ".");
        }
        return this;
    }

    /** Whether the agent may read a file followed by {@code fileSection}: their own section, or any for a supervisor. */
    public boolean canRead(String fileSection) {
        return isSupervisor() || section != null && section.equals(fileSection);
    }

    public Agent requireRead(String fileSection) {
        if (!canRead(fileSection)) {
            // Which section follows another section's file is not this agent's to learn (issue #33).
            throw forbidden("This file is followed by another section; you work for section " + section + ".");
        }
        return this;
    }

    /** Writing is for an agent of the file's own section (a supervisor reads, but does not write files). */
    public Agent requireWrite(String fileSection) {
        if (section == null || !section.equals(fileSection)) {
            throw forbidden("This file is followed by another section; you may only change files of section "
                    + section + ".");
        }
        return this;
    }

    /**
     * Four-eyes: the agent who filed or examined an application cannot decide it (RM I/B art. 5, issue #4). Refused
     * with the problem type {@code urn:guichet:problem:four-eyes}.
     */
    public Agent requireFourEyes(String filedBy, String examinedBy) {
        if (username.equals(filedBy) || username.equals(examinedBy)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FOUR_EYES, "Four-eyes rule",
                    "You " + (username.equals(filedBy) ? "filed" : "examined") + " this application: another agent of "
                            + "the section must decide it.");
        }
        return this;
    }

    /** The agent as the domain objects know them: their username, and how a file's history names them. */
    public Actor actor() {
        return new Actor(username, toString());
    }

    /** How the history names the agent, e.g. {@code agent13 (AGENT, 13)}. */
    @Override
    public String toString() {
        return username + " (" + String.join(",", roles.stream().sorted().toList()) + (section == null ? "" : ", " + section) + ")";
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }
}
