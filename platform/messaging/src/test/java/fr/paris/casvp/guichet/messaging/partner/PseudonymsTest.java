package fr.paris.casvp.guichet.messaging.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private static final String KEY = "a-test-key-of-at-least-thirty-two-characters";

    @Test
    void theSamePersonHasTheSamePseudonymAndItRevealsNotTheId() {
        UUID id = UUID.randomUUID();
        Pseudonyms pseudonyms = new Pseudonyms(KEY);

        assertThat(pseudonyms.of(id)).isEqualTo(new Pseudonyms(KEY).of(id)).matches("P-[0-9a-f]{32}")
                .doesNotContain(id.toString().replace("-", "").substring(0, 8));
        assertThat(pseudonyms.of(UUID.randomUUID())).isNotEqualTo(pseudonyms.of(id));
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() {
        UUID id = UUID.randomUUID();

        assertThat(new Pseudonyms(KEY).of(id)).isNotEqualTo(new Pseudonyms(KEY + "x").of(id));
    }

    @Test
    void aMissingOrShortKeyStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> new Pseudonyms(null)).hasMessageContaining("GUICHET_PSEUDONYM_KEY");
        assertThatThrownBy(() -> new Pseudonyms("short")).hasMessageContaining("at least 32 characters");
    }
}
