package fr.paris.casvp.guichet.solidarity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A Paris Solidarité application from its reception to its decision, without a database (RM II.1.1, I/B art. 3-6). */
class ApplicationTest {

    private static final Instant RECEIVED = Instant.parse("2026-10-31T23:30:00Z");
    private static final Instant NOW = Instant.parse("2026-11-15T09:00:00Z");
    private static final Actor AGENT = new Actor("agent13", "agent13 (AGENT, 13)");
    private static final Actor WORKER = new Actor("worker13", "worker13 (SOCIAL_WORKER, 13)");
    private static final Actor DIRECTOR = new Actor("director13", "director13 (SECTION_DIRECTOR, 13)");

    @Test
    void aFiledApplicationIsPaidToTheBeneficiaryByDefault() {
        Application application = filed();

        assertThat(application.status()).isEqualTo(Application.Status.RECEIVED);
        assertThat(application.accountHolder()).isEqualTo("Paul Durand");
        assertThat(application.iban()).isEqualTo("FR7630006000011234567890189");
        assertThat(application.changes()).singleElement().extracting(Change::transition)
                .isEqualTo(Transition.APPLICATION_RECEIVED);
    }

    @Test
    void theFirstMonthIsTheMonthOfReceptionInParis() {
        assertThat(filed().firstMonth()).as("23:30 UTC on 31 October is 1 November in Paris").isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void whoFiledOrExaminedDoesNotDecideAndOnlyAnExaminedApplicationIsDecided() {
        Application application = filed();
        assertThatThrownBy(() -> application.requireDecidableBy(DIRECTOR)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.type()).isEqualTo(ProblemTypes.INVALID_TRANSITION));

        application.examine(" Ressources vérifiées ", WORKER, NOW);

        assertThat(application.assessment()).isEqualTo("Ressources vérifiées");
        assertThatThrownBy(() -> application.requireDecidableBy(WORKER)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.type()).isEqualTo(ProblemTypes.FOUR_EYES));
        assertThatThrownBy(() -> application.requireDecidableBy(AGENT)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.detail()).startsWith("You filed"));
    }

    @Test
    void aRefusalGivesItsReasons() {
        Application application = examined();

        application.refuse(List.of(Allowance.RESIDENCE_TOO_SHORT), null, DIRECTOR, NOW);

        assertThat(application.status()).isEqualTo(Application.Status.REFUSED);
        assertThat(application.refusalReasons()).containsExactly(Allowance.RESIDENCE_TOO_SHORT);
        assertThat(application.changes()).last().satisfies(change -> {
            assertThat(change.reasonCodes()).containsExactly(Allowance.RESIDENCE_TOO_SHORT);
            assertThat(change.detail()).isEqualTo(Allowance.RESIDENCE_TOO_SHORT);
        });
    }

    @Test
    void aHouseholdTheRegistrysDataDoNotMakeEligibleIsNotGranted() {
        Application application = examined();
        HouseholdFacts facts = HouseholdFacts.of(People.elderly("5000.00"), id -> Optional.empty(), application.firstMonth());

        assertThatThrownBy(() -> application.requireEligible(facts, compute(facts, application)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.type()).isEqualTo(Application.NOT_ELIGIBLE);
                    assertThat(refusal.members().get("reasons")).asList().contains(Allowance.RESOURCES_ABOVE_CEILING);
                });
    }

    @Test
    void aGrantRunsFromTheMonthOfReceptionForItsMonths() {
        Application application = examined();
        HouseholdFacts facts = HouseholdFacts.of(People.elderly("1100.00"), id -> Optional.empty(), application.firstMonth());
        Allowance.Result result = compute(facts, application);
        application.requireEligible(facts, result);

        Grant grant = application.grant(result, 12, UUID.randomUUID(), "PSG-2026-000001", 7, DIRECTOR, NOW);

        assertThat(application.status()).isEqualTo(Application.Status.GRANTED);
        assertThat(grant.firstMonth()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(grant.lastMonth()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(grant.monthlyAmount()).isEqualByComparingTo("29.00");
        assertThat(grant.lastSnapshotVersion()).isEqualTo(7);
        assertThat(grant.accountHolder()).isEqualTo("Paul Durand");
        assertThat(application.changes()).last().satisfies(change -> {
            assertThat(change.transition()).isEqualTo(Transition.GRANTED);
            assertThat(change.fileId()).isEqualTo(grant.id());
            assertThat(change.applicationId()).isEqualTo(application.id());
            assertThat(change.detail()).isEqualTo("PSG-2026-000001 2026-11 → 2027-10");
        });
    }

    private static Allowance.Result compute(HouseholdFacts facts, Application application) {
        return Allowance.compute(facts.household(), AllowanceTest.RulesTables.on(application.firstMonth().atDay(1)));
    }

    private static Application filed() {
        return Application.file(UUID.randomUUID(), "PS-2026-000001", "R-1", UUID.randomUUID(), "13", false, null,
                "Paul Durand", "FR76 3000 6000 0112 3456 7890 189", RECEIVED, AGENT, RECEIVED);
    }

    private static Application examined() {
        Application application = filed();
        application.examine("Ressources vérifiées", WORKER, NOW);
        return application;
    }
}
