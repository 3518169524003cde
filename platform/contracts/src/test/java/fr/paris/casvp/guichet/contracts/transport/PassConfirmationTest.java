package fr.paris.casvp.guichet.contracts.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PassConfirmationTest {

    private static final Instant ORDERED = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-18T14:00:00Z");

    @Test
    void theOrdersPassNumberDoneBetweenTheOrderAndNowMatches() {
        assertThat(confirmation("NAV-2026-000007", ORDERED.plusSeconds(60)).mismatches("NAV-2026-000007", ORDERED, NOW)).isEmpty();
        assertThat(confirmation("NAV-2026-000007", NOW.plusSeconds(299)).mismatches("NAV-2026-000007", ORDERED, NOW))
                .as("within the clocks' skew").isEmpty();
    }

    @Test
    void everyDifferenceIsNamed() {
        assertThat(confirmation("NAV-2026-000008", ORDERED).mismatches("NAV-2026-000007", ORDERED, NOW))
                .containsExactly("pass number NAV-2026-000008 is not the order's (NAV-2026-000007)");
        assertThat(confirmation(null, null).mismatches("NAV-2026-000007", ORDERED, NOW))
                .containsExactly("no pass number: it cannot be checked against the order", "no time");
        assertThat(confirmation("NAV-2026-000007", ORDERED.minusSeconds(301)).mismatches("NAV-2026-000007", ORDERED, NOW))
                .singleElement().asString().contains("before the order");
        assertThat(confirmation("NAV-2026-000007", NOW.plusSeconds(301)).mismatches("NAV-2026-000007", ORDERED, NOW))
                .singleElement().asString().contains("in the future");
    }

    private static PassConfirmation confirmation(String passNumber, Instant at) {
        return new PassConfirmation(UUID.randomUUID(), passNumber, PassConfirmation.Status.DONE, null, at);
    }
}
