package fr.paris.casvp.guichet.housing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.housing.domain.Household.Category;
import fr.paris.casvp.guichet.housing.domain.Household.Tenure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A file's life, without Spring: each step in its status and by whom, the four-eyes rule, a grant the rules refuse. */
class HousingFileTest {

    private static final Actor AGENT = new Actor("agent13", "agent13 (AGENT, 13)");
    private static final Actor WORKER = new Actor("travailleur13", "travailleur13 (SOCIAL_WORKER, 13)");
    private static final Actor DIRECTOR = new Actor("directeur13", "directeur13 (SECTION_DIRECTOR, 13)");
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final HousingFigures FIGURES = HousingFigures.shippedOn(TODAY);
    /** An elderly tenant alone: 1 000 € of resources, 600 € of rent, 50 € of charges, 100 € of housing aid. */
    private static final Household TENANT = new Household(Category.ELDERLY, false, 0, 0, false, Tenure.TENANT, true,
            new BigDecimal("1000"), new BigDecimal("600"), new BigDecimal("50"), null, new BigDecimal("100"), true, false, false, Set.of(), null);

    @Test
    void filedExaminedAndGrantedByAnotherAgentForTwelveMonths() {
        HousingFile file = filed();
        file.examine(TENANT, ParisLogement.assess(TENANT, FIGURES), "Bail vu.", WORKER, NOW);
        LocalDate from = YearMonth.from(TODAY).plusMonths(1).atDay(1);
        file.grant(ParisLogement.assess(TENANT, FIGURES), TODAY, from, 12, DIRECTOR, NOW);

        assertThat(file.status()).isEqualTo(HousingFile.Status.GRANTED);
        assertThat(file.decision().monthlyAmount()).isEqualByComparingTo("84");
        assertThat(file.decision().validFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(file.decision().validUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(file.decision().covers(YearMonth.of(2027, 1))).isTrue();
        assertThat(file.decision().covers(YearMonth.of(2026, 12))).isFalse();
        assertThat(file.decision().covers(YearMonth.of(2028, 1))).isFalse();
        assertThat(file.steps()).extracting(HousingFile.Step::transition).containsExactly(HousingFile.Transition.RECEIVED,
                HousingFile.Transition.EXAMINED, HousingFile.Transition.GRANTED);
    }

    @Test
    void whoFiledOrExaminedDoesNotDecide() {
        HousingFile file = filed();
        file.examine(TENANT, ParisLogement.assess(TENANT, FIGURES), null, WORKER, NOW);
        LocalDate from = LocalDate.of(2027, 1, 1);

        assertThatThrownBy(() -> file.grant(ParisLogement.assess(TENANT, FIGURES), TODAY, from, 12, AGENT, NOW))
                .isInstanceOf(Refusal.class).hasMessageContaining("You filed");
        assertThatThrownBy(() -> file.grant(ParisLogement.assess(TENANT, FIGURES), TODAY, from, 12, WORKER, NOW))
                .isInstanceOf(Refusal.class).hasMessageContaining("You examined");
        assertThatThrownBy(() -> file.refuse(List.of("OTHER"), "Non.", WORKER, NOW)).isInstanceOf(Refusal.class);
        assertThat(file.status()).isEqualTo(HousingFile.Status.UNDER_EXAMINATION);
    }

    @Test
    void aGrantTheRulesRefuseIsRefusedAndAFileIsDecidedOnce() {
        HousingFile file = filed();
        Household rich = new Household(Category.ELDERLY, false, 0, 0, false, Tenure.TENANT, true, new BigDecimal("1500"),
                new BigDecimal("600"), null, null, null, true, false, false, Set.of(), null);
        file.examine(rich, ParisLogement.assess(rich, FIGURES), null, WORKER, NOW);

        assertThatThrownBy(() -> file.grant(ParisLogement.assess(rich, FIGURES), TODAY, LocalDate.of(2027, 1, 1), 12, DIRECTOR, NOW))
                .isInstanceOf(Refusal.class).hasMessageContaining("RESOURCES_ABOVE_CEILING")
                .extracting(refusal -> ((Refusal) refusal).kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE);
        file.refuse(List.of("RESOURCES_ABOVE_CEILING"), null, DIRECTOR, NOW);
        assertThat(file.status()).isEqualTo(HousingFile.Status.REFUSED);
        assertThatThrownBy(() -> file.examine(TENANT, ParisLogement.assess(TENANT, FIGURES), null, WORKER, NOW))
                .isInstanceOf(Refusal.class).extracting(refusal -> ((Refusal) refusal).kind()).isEqualTo(Refusal.Kind.CONFLICT);
    }

    @Test
    void aFileIsNotGrantedBeforeItIsExamined() {
        HousingFile file = filed();

        assertThatThrownBy(() -> file.grant(ParisLogement.assess(TENANT, FIGURES), TODAY, LocalDate.of(2027, 1, 1), 12, DIRECTOR, NOW))
                .isInstanceOf(Refusal.class).hasMessageContaining("is RECEIVED");
    }

    private static HousingFile filed() {
        return HousingFile.file(UUID.randomUUID(), "PL-2026-000001", "K7QD-2M9X-4TR", UUID.randomUUID(), "13", TENANT,
                new HousingFile.Payee("Anne Lefèvre", "FR7630006000011234567890189"), false, NOW, AGENT, NOW);
    }
}
