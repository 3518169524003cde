package fr.paris.casvp.guichet.beneficiary.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostcodesTest {

    @Test
    void parisPostcodesGiveTheirArrondissement() {
        assertThat(Postcodes.arrondissement("75001")).contains(1);
        assertThat(Postcodes.arrondissement("75013")).contains(13);
        assertThat(Postcodes.arrondissement("75020")).contains(20);
        assertThat(Postcodes.arrondissement("75116")).contains(16);
        assertThat(Postcodes.arrondissement("75016")).contains(16);
    }

    @Test
    void otherPostcodesHaveNoArrondissement() {
        assertThat(Postcodes.arrondissement("92100")).isEmpty();
        assertThat(Postcodes.arrondissement("75021")).isEmpty();
    }

    @Test
    void onlyExistingPostcodesAreKnown() {
        assertThat(Postcodes.isKnown("75013")).isTrue();
        assertThat(Postcodes.isKnown("93200")).isTrue();
        assertThat(Postcodes.isKnown("97411")).isTrue();
        assertThat(Postcodes.isKnown("75021")).isFalse();
        assertThat(Postcodes.isKnown("00100")).isFalse();
        assertThat(Postcodes.isKnown("7501")).isFalse();
        assertThat(Postcodes.isKnown("96000")).isFalse();
    }
}
