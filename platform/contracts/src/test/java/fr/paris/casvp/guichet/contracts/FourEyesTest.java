package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FourEyesTest {

    private static final Actor DIRECTOR = new Actor("directeur13", "Directeur 13");

    @Test
    void whoFiledOrExaminedAFileNeverDecidesIt() {
        assertThatThrownBy(() -> FourEyes.requireDecider(DIRECTOR, "directeur13", "travailleur13")).isInstanceOfSatisfying(Refusal.class,
                refusal -> {
                    assertThat(refusal.type()).isEqualTo(ProblemTypes.FOUR_EYES);
                    assertThat(refusal.getMessage()).isEqualTo("You filed this application: another agent of the section must decide it.");
                });
        assertThatThrownBy(() -> FourEyes.requireDecider(DIRECTOR, "agent13", "directeur13"))
                .hasMessage("You examined this application: another agent of the section must decide it.");
        assertThatCode(() -> FourEyes.requireDecider(DIRECTOR, "agent13", "travailleur13")).doesNotThrowAnyException();
        assertThatCode(() -> FourEyes.requireDecider(DIRECTOR, "agent13", null)).as("a file decided unexamined").doesNotThrowAnyException();
    }
}
