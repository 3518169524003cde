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
            new Agent("superviseur", "SUPERVISOR", null));

    private static final Map<String, Agent> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(Agent::username, agent -> agent));

    private DemoAgents() {
    }

    static Optional<Agent> find(String username) {
        return Optional.ofNullable(BY_NAME.get(username));
    }
}
