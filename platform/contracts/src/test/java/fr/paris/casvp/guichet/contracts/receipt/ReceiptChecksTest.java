package fr.paris.casvp.guichet.contracts.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReceiptChecksTest {

    private final ReceiptChecks checks = new ReceiptChecks("a-receipt-key-of-more-than-32-characters");

    @Test
    void theCheckDependsOnTheNumberTheBirthDateAndTheKey() {
        String check = checks.of("AB12-CD34-EF56", LocalDate.of(1950, 6, 1));

        assertThat(check).matches("[0-9a-f]{64}").isEqualTo(checks.of("AB12-CD34-EF56", LocalDate.of(1950, 6, 1)));
        assertThat(checks.of("AB12-CD34-EF56", LocalDate.of(1950, 6, 2))).isNotEqualTo(check);
        assertThat(checks.of("AB12-CD34-EF57", LocalDate.of(1950, 6, 1))).isNotEqualTo(check);
        assertThat(new ReceiptChecks("another-receipt-key-of-more-than-32-chars").of("AB12-CD34-EF56", LocalDate.of(1950, 6, 1)))
                .as("without the key, the birth date cannot be found by trying them all").isNotEqualTo(check);
    }

    @Test
    void aMissingOrShortKeyIsRefusedAtOnce() {
        assertThatThrownBy(() -> new ReceiptChecks("")).hasMessageContaining("GUICHET_RECEIPT_KEY");
        assertThatThrownBy(() -> new ReceiptChecks(null)).hasMessageContaining("GUICHET_RECEIPT_KEY");
        assertThatThrownBy(() -> new ReceiptChecks("short")).hasMessageContaining("32 characters");
    }
}
