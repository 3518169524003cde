package fr.paris.casvp.guichet.beneficiary.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void namesAreComparedAsAnAgentReadsThem() {
        assertThat(NameKey.normalise("Lefèvre-Dupont")).isEqualTo(NameKey.normalise("LEFEVRE  dupont"));
    }

    /** Issue #33: "Ptxhomo" with a Cyrillic o, or in full-width letters, was another person, with a second aid cap. */
    @Test
    void lookAlikeLettersAndCompatibilityFormsAreTheLettersTheyLookLike() {
        assertThat(NameKey.normalise("Ptxh\u043emo")).isEqualTo("PTXHOMO");
        assertThat(NameKey.normalise("\u039f\u0434ile")).as("a Greek capital O; a Cyrillic letter with no Latin twin stays apart")
                .isEqualTo("O ILE");
        assertThat(NameKey.normalise("\uff30\uff54\uff58homo")).isEqualTo("PTXHOMO");
        assertThat(NameKey.normalise("\ufb01lle")).as("the fi ligature").isEqualTo("FILLE");
    }

    /** Issue #36: "Lefevre-Ducoeur" found nothing, and the person was registered a second time. */
    @Test
    void theLigaturesAreTheTwoLettersTypedForThem() {
        assertThat(NameKey.normalise("Lefèvre-Ducœur")).isEqualTo(NameKey.normalise("lefevre ducoeur")).isEqualTo("LEFEVRE DUCOEUR");
        assertThat(NameKey.normalise("LÆTITIA")).isEqualTo("LAETITIA");
        assertThat(NameKey.normalise("Strauß")).isEqualTo("STRAUSS");
    }
}
