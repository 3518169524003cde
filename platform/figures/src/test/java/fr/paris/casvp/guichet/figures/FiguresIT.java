package fr.paris.casvp.guichet.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.figures.DatedFigure;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.FamilyView;
import fr.paris.casvp.guichet.testsupport.MutableClock;
import fr.paris.casvp.guichet.testsupport.MutableClockConfiguration;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** The dated figures on a real PostgreSQL: shipped once, in force by date, stale when due, changed by two administrators. */
@SpringBootTest
@RealInfrastructure(database = "figures", kafka = false)
@Import(MutableClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class FiguresIT {

    private static final Agent FIRST = new Agent("admin1", Set.of(Agent.ADMINISTRATOR), null);
    private static final Agent SECOND = new Agent("admin2", Set.of(Agent.ADMINISTRATOR), null);
    private static final Agent SUPERVISOR = new Agent("superviseur", Set.of(Agent.SUPERVISOR), null);

    @Autowired
    Figures figures;
    @Autowired
    FigureStore store;
    @Autowired
    FigureProposals proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    FigureCatalogue catalogue;

    @BeforeEach
    void today() {
        clock.set(LocalDate.of(2026, 12, 5).atTime(10, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theRowsShippedAreAddedOnceAndARecordedValueIsNeverRewrittenByARelease() {
        assertThat(store.all()).extracting(FigureRow::recordedBy).containsOnly(FigureRow.RELEASE).hasSize(3);

        int again = store.ship(DatedFigures.read("figures-test/shipped.csv"), clock.instant());
        int changed = store.ship(List.of(new DatedFigure("amount.single", LocalDate.of(2018, 1, 1), new BigDecimal("99"), "autre"),
                new DatedFigure("amount.single", LocalDate.of(2027, 1, 1), new BigDecimal("90"), "Délibération à venir")), clock.instant());

        assertThat(again).as("a second start").isZero();
        assertThat(changed).as("only the new day").isEqualTo(1);
        assertThat(figures.table().value("amount.single", LocalDate.of(2026, 12, 5))).isEqualByComparingTo("84");
        assertThatThrownBy(() -> jdbc.sql("update dated_figure set value = 1 where name = 'amount.single'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never rewritten");
        assertThatThrownBy(() -> jdbc.sql("delete from dated_figure").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never rewritten");
    }

    @Test
    void aValueDueAndNotRecordedIsStaleUntilTwoAdministratorsRecordIt() {
        // The SMIC of 1 January 2026 is the latest: nothing due before 1 January 2027.
        assertThat(figures.stale(LocalDate.of(2026, 12, 5))).isEmpty();
        assertThat(figures.stale(LocalDate.of(2027, 1, 2))).extracting(DatedFigures.Stale::name).containsExactly("smic.net.monthly");
        clock.set(LocalDate.of(2027, 1, 15).atTime(9, 0));
        FamilyView smic = figures.families(clock.today()).get(1);
        assertThat(smic.figures().get(0).stale().dueSince()).isEqualTo(LocalDate.of(2027, 1, 1));

        FigureProposal proposed = proposals.propose(new FigureProposals.NewValue("smic.net.monthly", LocalDate.of(2027, 1, 1),
                new BigDecimal("1460.00"), " Décret n° 2026-1 "), FIRST);
        Object impact = proposals.impact(proposed.id(), SUPERVISOR);

        assertThat(impact).isEqualTo(new FigureConsequences.ValueChange("smic.net.monthly", "SMIC mensuel net", LocalDate.of(2027, 1, 1),
                new BigDecimal("1443.11"), new BigDecimal("1460.00"), FiguresTestApplication.EFFECTS));
        assertThat(figures.stale(clock.today())).as("proposed, not yet approved").hasSize(1);
        assertThatThrownBy(() -> proposals.approve(proposed.id(), FIRST)).isInstanceOf(Refusal.class)
                .hasMessageContaining("another administrator");
        assertThatThrownBy(() -> proposals.approve(proposed.id(), SUPERVISOR)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).getStatusCode().value()).isEqualTo(403));

        FigureProposal approved = proposals.approve(proposed.id(), SECOND);

        assertThat(approved.status()).isEqualTo(FigureProposal.Status.APPROVED);
        assertThat(approved.appliedAt()).as("its day has come").isNotNull();
        assertThat(figures.stale(clock.today())).isEmpty();
        assertThat(figures.table().value("smic.net.monthly", clock.today())).isEqualByComparingTo("1460.00");
        FamilyView.Row latest = figures.families(clock.today()).get(1).figures().get(0).history().get(0);
        assertThat(latest).extracting(FamilyView.Row::source, FamilyView.Row::recordedBy).containsExactly("Décret n° 2026-1", "admin1");
        assertThat(store.all()).filteredOn(row -> row.recordedBy().equals("admin1")).extracting(FigureRow::approvedBy)
                .containsExactly("admin2");
        assertThatThrownBy(() -> proposals.withdraw(proposed.id(), SECOND)).isInstanceOf(Refusal.class);
    }

    @Test
    void theGaugesSayWhichFigureIsStaleAndSinceWhenUntilItIsRecorded() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StaleFigureGauges gauges = new StaleFigureGauges(figures, catalogue, meters, clock);
        clock.set(LocalDate.of(2027, 1, 15).atTime(9, 0));
        gauges.refresh();

        assertThat(meters.get("guichet.dated.figure.stale").tags("figure", "smic.net.monthly", "family", "smic").gauge().value()).isEqualTo(1);
        assertThat(meters.get("guichet.dated.figure.due.timestamp").tags("figure", "smic.net.monthly").gauge().value())
                .as("1 January 2027, midnight in Paris").isEqualTo(1_798_758_000d);
        assertThat(meters.get("guichet.dated.figure.stale").tags("figure", "amount.single", "family", "amounts").gauge().value()).isZero();
        assertThat(meters.get("guichet.dated.figure.due.timestamp").tags("figure", "amount.single").gauge().value()).isNaN();

        FigureProposal proposed = proposals.propose(new FigureProposals.NewValue("smic.net.monthly", LocalDate.of(2027, 1, 1),
                new BigDecimal("1460.00"), "Décret n° 2026-1"), FIRST);
        proposals.approve(proposed.id(), SECOND);
        gauges.refresh();

        assertThat(meters.get("guichet.dated.figure.stale").tags("figure", "smic.net.monthly").gauge().value()).isZero();
    }

    @Test
    void aValueDatedAheadIsInForceOnItsDayAndAppliedThen() {
        FigureProposal proposed = proposals.propose(new FigureProposals.NewValue("amount.single", LocalDate.of(2027, 3, 1),
                new BigDecimal("90"), "Délibération 2026 DASES 12"), FIRST);
        FigureProposal approved = proposals.approve(proposed.id(), SECOND);

        assertThat(approved.appliedAt()).as("its day has not come").isNull();
        assertThat(proposals.applyDue()).isZero();
        assertThat(figures.table().value("amount.single", LocalDate.of(2027, 2, 28))).isEqualByComparingTo("84");
        assertThat(figures.table().value("amount.single", LocalDate.of(2027, 3, 1))).isEqualByComparingTo("90");

        clock.set(LocalDate.of(2027, 3, 1).atTime(0, 5));

        assertThat(proposals.applyDue()).isEqualTo(1);
        assertThat(proposals.applyDue()).as("once").isZero();
        assertThat(proposals.list(FigureProposal.Status.APPROVED, SUPERVISOR)).singleElement()
                .extracting(FigureProposal::appliedAt).isNotNull();
    }

    @Test
    void aBadProposalNamesEachBadFieldAndAnOpenOneIsNotProposedTwice() {
        ProblemException bad = (ProblemException) catchThrowable(() -> proposals.propose(
                new FigureProposals.NewValue("smic.gross", LocalDate.of(1999, 12, 31), new BigDecimal("-1.001"), " "), FIRST));

        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) bad.getBody().getProperties().get("errors");
        assertThat(errors).extracting(FieldError::field).containsExactly("name", "effectiveFrom", "value", "source");
        assertThatThrownBy(() -> proposals.propose(new FigureProposals.NewValue("amount.single", LocalDate.of(2018, 1, 1),
                BigDecimal.TEN, "x"), FIRST)).isInstanceOf(ProblemException.class);
        proposals.propose(new FigureProposals.NewValue("amount.single", LocalDate.of(2027, 1, 1), BigDecimal.TEN, "x"), FIRST);
        assertThatThrownBy(() -> proposals.propose(new FigureProposals.NewValue("amount.single", LocalDate.of(2027, 1, 1),
                BigDecimal.ONE, "y"), SECOND)).isInstanceOf(Refusal.class).hasMessageContaining("already proposed");
        assertThatThrownBy(() -> proposals.propose(new FigureProposals.NewValue("amount.single", LocalDate.of(2027, 2, 1),
                BigDecimal.ONE, "y"), SUPERVISOR)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).getStatusCode().value()).as("a supervisor reads only").isEqualTo(403));
    }
}
