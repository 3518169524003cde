package fr.paris.casvp.guichet.aid.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** RM V.2.1 b/1: domiciled in Paris for a month at least; none for a person with no fixed address (RM V.1.1). */
class DomicileTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void oneMonthOfDomicileIsRequired() {
        assertThat(Domicile.domiciledFor(TODAY.minusMonths(1), TODAY, 1)).isTrue();
        assertThat(Domicile.domiciledFor(TODAY.minusMonths(1).plusDays(1), TODAY, 1)).isFalse();
        assertThat(Domicile.domiciledFor(null, TODAY, 1)).as("not living in Paris").isFalse();
    }

    @Test
    void aTooRecentDomicileIsRefusedSayingSinceWhen() {
        assertThatThrownBy(() -> Domicile.require(Beneficiaries.resident(TODAY.minusDays(10)), TODAY, 1))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE);
                    assertThat(refusal.type()).isEqualTo(AidProblems.DOMICILE_TOO_RECENT);
                    assertThat(refusal.detail()).contains("since " + TODAY.minusDays(10));
                });
        assertThatNoException().isThrownBy(() -> Domicile.require(Beneficiaries.resident(TODAY.minusMonths(1)), TODAY, 1));
    }

    @Test
    void aPersonWithNoFixedAddressHasNoDomicileCondition() {
        assertThatNoException().isThrownBy(() -> Domicile.require(Beneficiaries.withoutFixedAddress(), TODAY, 1));
    }
}
