package fr.paris.casvp.guichet.messaging.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private static final String KEY = "a-test-key-of-at-least-thirty-two-characters";

    @Test
    void theSamePersonHasTheSamePseudonymAndItRevealsNotTheId() {
        UUID id = UUID.randomUUID();
        Pseudonyms pseudonyms = new Pseudonyms(KEY);

        assertThat(pseudonyms.of(Partner.EVENTS, id)).isEqualTo(new Pseudonyms(KEY).of(Partner.EVENTS, id)).matches("P-[0-9a-f]{32}")
                .doesNotContain(id.toString().replace("-", "").substring(0, 8));
        assertThat(pseudonyms.of(Partner.EVENTS, UUID.randomUUID())).isNotEqualTo(pseudonyms.of(Partner.EVENTS, id));
    }

    @Test
    void eachPartnerHasItsOwnPseudonymsSoThatTwoPartnersCannotJoinWhatTheyKnow() {
        UUID id = UUID.randomUUID();
        Pseudonyms pseudonyms = new Pseudonyms(KEY);

        assertThat(Arrays.stream(Partner.values()).map(partner -> pseudonyms.of(partner, id)).distinct())
                .hasSize(Partner.values().length).allMatch(p -> p.matches("P-[0-9a-f]{32}"));
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() {
        UUID id = UUID.randomUUID();

        assertThat(new Pseudonyms(KEY).of(Partner.EVENTS, id)).isNotEqualTo(new Pseudonyms(KEY + "x").of(Partner.EVENTS, id));
    }

    @Test
    void aMissingOrShortKeyStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> new Pseudonyms(null)).hasMessageContaining("GUICHET_PSEUDONYM_KEY");
        assertThatThrownBy(() -> new Pseudonyms("short")).hasMessageContaining("at least 32 characters");
    }
}
