package fr.paris.casvp.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class AgentTest {

    private final Agent agent13 = new Agent("agent13", Set.of(Agent.AGENT), "13");
    private final Agent director13 = new Agent("directeur13", Set.of(Agent.SECTION_DIRECTOR), "13");
    private final Agent supervisor = new Agent("superviseur", Set.of(Agent.SUPERVISOR), null);

    @Test
    void anAgentReadsAndWritesOnlyTheirSectionsFiles() {
        assertThat(agent13.canRead("13")).isTrue();
        assertThat(agent13.canRead("18")).isFalse();
        assertThat(type(() -> agent13.requireWrite("18"))).isEqualTo("urn:guichet:problem:forbidden");
        // Issue #33: a refusal does not tell which section follows the file.
        assertThatThrownBy(() -> agent13.requireRead("18")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).getBody().getDetail())
                        .isEqualTo("This file is followed by another section; you work for section 13.").doesNotContain("18"));
        assertThatThrownBy(() -> agent13.requireWrite("18"))
                .satisfies(e -> assertThat(((ProblemException) e).getBody().getDetail()).doesNotContain("18"));
    }

    @Test
    void aSupervisorReadsEverySectionButWritesNone() {
        assertThat(supervisor.canRead("18")).isTrue();
        assertThatThrownBy(() -> supervisor.requireWrite("13")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> supervisor.requireRole(Agent.AGENT, Agent.SECTION_DIRECTOR))
                .hasMessageContaining("403");
    }

    @Test
    void whoFiledOrExaminedAnApplicationCannotDecideIt() {
        assertThat(type(() -> director13.requireFourEyes("directeur13", "travailleur13"))).isEqualTo("urn:guichet:problem:four-eyes");
        assertThat(type(() -> director13.requireFourEyes("agent13", "directeur13"))).isEqualTo("urn:guichet:problem:four-eyes");
        assertThat(director13.requireFourEyes("agent13", "travailleur13")).isSameAs(director13);
    }

    @Test
    void theHistoryNamesTheAgentWithRoleAndSection() {
        assertThat(agent13).hasToString("agent13 (AGENT, 13)");
        assertThat(supervisor).hasToString("superviseur (SUPERVISOR)");
    }

    private static String type(Runnable refused) {
        try {
            refused.run();
        } catch (ProblemException e) {
            ProblemDetail body = e.getBody();
            return String.valueOf(body.getType());
        }
        throw new AssertionError("not refused");
    }
}
