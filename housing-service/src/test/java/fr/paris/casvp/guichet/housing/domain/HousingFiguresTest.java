package fr.paris.casvp.guichet.housing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.figures.DatedFigure;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dated figures shipped: each with its source, and stale once a revaluation was due and not recorded. */
class HousingFiguresTest {

    @Test
    void everyFigureTheRulesReadIsInForceSince2019WithItsSource() {
        List<DatedFigure> rows = DatedFigures.read(HousingFigures.RESOURCE);
        assertThat(rows).allSatisfy(row -> assertThat(row.source()).isNotBlank());
        HousingFigures figures = HousingFigures.shippedOn(LocalDate.of(2019, 1, 1));
        HousingFigures.CATALOGUE.forEach(family -> family.labels().keySet()
                .forEach(name -> assertThat(figures.value(name)).as(name).isPositive()));
        assertThatThrownBy(() -> HousingFigures.shippedOn(LocalDate.of(2018, 12, 31)).value("smic.net.monthly"))
                .isInstanceOf(Refusal.class).hasMessageContaining("No value of smic.net.monthly is in force on 2018-12-31");
    }

    @Test
    void theCnafsChargesOfOctober2026AreDueAndNotRecordedSoEveryAmountWithThemIsSaidToBeAtRisk() {
        assertThat(HousingFigures.shippedOn(LocalDate.of(2026, 9, 30)).stale()).isEmpty();
        List<DatedFigures.Stale> stale = HousingFigures.shippedOn(LocalDate.of(2026, 12, 5)).stale();
        assertThat(stale).extracting(DatedFigures.Stale::name).containsExactly("charges.per-child", "charges.shared", "charges.single");
        assertThat(stale.get(2).french()).isEqualTo("Charges forfaitaires, personne seule ou couple : la valeur en vigueur, 60,59 €"
                + " depuis le 1er octobre 2025, devait être revalorisée le 1er octobre 2026 (chaque 1er octobre) et aucune nouvelle"
                + " valeur n'a été saisie. Les montants calculés avec ce chiffre peuvent être faux.");
        assertThat(HousingFigures.shippedOn(LocalDate.of(2027, 1, 1)).stale()).extracting(DatedFigures.Stale::name)
                .contains("smic.net.monthly", "aspa.annual.single", "aspa.annual.couple").doesNotContain("amount.single");
    }

    @Test
    void aFigureOfNoFamilyIsRefused() {
        assertThatThrownBy(() -> HousingFigures.on(LocalDate.of(2026, 1, 1),
                List.of(new DatedFigure("amount.unknown", LocalDate.of(2026, 1, 1), BigDecimal.ONE, "test"))))
                .hasMessage("Figures of no family: [amount.unknown]");
    }
}
