package fr.paris.casvp.guichet.beneficiary.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NirTest {

    @Test
    void theKeyIs97MinusTheNumberModulo97() {
        // 1 84 12 76 451 089: 1841276451089 mod 97 = 51, key 46.
        assertThat(Nir.hasValidKey("184127645108946")).isTrue();
        assertThat(Nir.hasValidKey("184127645108947")).isFalse();
    }

    @Test
    void corsicanDepartmentsCountAs19And18() {
        // 2 69 05 2A 135 123: with 2A read as 19, 2690519135123 mod 97 = 36, key 61; with 2B (18), key 88.
        assertThat(Nir.hasValidFormat("269052A13512361")).isTrue();
        assertThat(Nir.hasValidKey("269052A13512361")).isTrue();
        assertThat(Nir.hasValidKey("269052B13512388")).isTrue();
        assertThat(Nir.hasValidKey("269052B13512361")).isFalse();
    }

    @Test
    void spacesAndCaseAreNotPartOfTheNumber() {
        assertThat(Nir.normalise("2 69 05 2a 135 123 61")).isEqualTo("269052A13512361");
    }

    @Test
    void aNumberOfTheWrongShapeIsRefusedBeforeItsKey() {
        assertThat(Nir.hasValidFormat("18412764510894")).isFalse();
        assertThat(Nir.hasValidFormat("584127645108946")).isFalse();
        assertThat(Nir.hasValidFormat("1841276451089AB")).isFalse();
    }
}
