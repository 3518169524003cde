package fr.paris.casvp.guichet.localissuer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The demo agents of the local run: who they are, their role and their section ({@code null}: all sections). */
final class DemoAgents {

    record Agent(String username, String role, String section) {
    }

    static final List<Agent> ALL = List.of(
            new Agent("agent13", "AGENT", "13"),
            new Agent("travailleur13", "SOCIAL_WORKER", "13"),
            new Agent("directeur13", "SECTION_DIRECTOR", "13"),
            new Agent("agent18", "AGENT", "18"),
            new Agent("directeur18", "SECTION_DIRECTOR", "18"),
            new Agent("superviseur", "SUPERVISOR", null),
            // Two, so that one proposes a new figure and the other approves it (four-eyes).
            new Agent("administrateur1", "ADMINISTRATOR", null),
            new Agent("administrateur2", "ADMINISTRATOR", null));

    private static final Map<String, Agent> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(Agent::username, agent -> agent));

    private DemoAgents() {
    }

    /**
     * A demo agent by name; also {@code agent13-1} to {@code agent13-9}, more counter agents of section 13 (not listed:
     * the benchmarks' agents, so that a morning's load comes from several agents, as it does at a counter).
     */
    static Optional<Agent> find(String username) {
        if (username.matches("agent13-[1-9]")) {
            return Optional.of(new Agent(username, "AGENT", "13"));
        }
        return Optional.ofNullable(BY_NAME.get(username));
    }
}
