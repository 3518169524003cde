package fr.paris.casvp.guichet.aid.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionLettersTest {

    @Test
    void frenchTextAndTheEuroSignArePrintedAsTheyAre() {
        assertThat(DecisionLetters.printable("Décision du 1er décembre : 787,00 € à Mme Lœtitia Çağlar"))
                .isEqualTo("Décision du 1er décembre : 787,00 € à Mme Lœtitia Çaglar");
    }

    @Test
    void aCharacterOutsideTheStandardFontsLosesItsAccentOrBecomesAQuestionMark() {
        assertThat(DecisionLetters.printable("Łukasz Wałęsa 王")).isEqualTo("?ukasz Wa?esa ?");
        assertThat(DecisionLetters.printable("Nguyễn\tThị\u202fAnh")).isEqualTo("Nguyen Thi Anh");
    }
}
