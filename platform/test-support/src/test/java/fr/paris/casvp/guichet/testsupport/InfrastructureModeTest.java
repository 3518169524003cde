package fr.paris.casvp.guichet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InfrastructureModeTest {

    @AfterEach
    void clear() {
        System.clearProperty(InfrastructureMode.PROPERTY);
    }

    @Test
    void anExplicitChoiceWins() {
        System.setProperty(InfrastructureMode.PROPERTY, "embedded");
        assertThat(InfrastructureMode.resolve()).isEqualTo(InfrastructureMode.EMBEDDED);
        System.setProperty(InfrastructureMode.PROPERTY, "CONTAINERS");
        assertThat(InfrastructureMode.resolve()).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void anUnknownChoiceIsRefusedWithTheAllowedValues() {
        System.setProperty(InfrastructureMode.PROPERTY, "h2");
        assertThatThrownBy(InfrastructureMode::resolve).hasMessageContaining("containers, embedded or auto");
    }
}
