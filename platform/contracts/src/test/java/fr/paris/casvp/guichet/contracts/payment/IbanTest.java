package fr.paris.casvp.guichet.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"FR76 3000 6000 0112 3456 7890 189", "fr7630006000011234567890189", "DE89370400440532013000",
            "BE68539007547034", "GB82WEST12345698765432"})
    void wellFormedIbansWithRightControlDigitsAreValid(String iban) {
        assertThat(Iban.isValid(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR76 3000 6000 0112 3456 7890 188", "FR77 3000 6000 0112 3456 7890 189",
            "FR76 3000 6000 0112 3456 7890 18", "DE89370400440532013001", "XX", "FR76-3000-6000", ""})
    void aWrongControlDigitLengthOrCharacterIsCaught(String iban) {
        assertThat(Iban.isValid(iban)).isFalse();
    }

    @Test
    void nullIsNotAnIban() {
        assertThat(Iban.isValid(null)).isFalse();
    }

    @Test
    void maskedKeepsTheCountryTheControlDigitsAndTheLastFourCharacters() {
        assertThat(Iban.masked("FR76 3000 6000 0112 3456 7890 189")).isEqualTo("FR76 **** 0189");
    }
}
