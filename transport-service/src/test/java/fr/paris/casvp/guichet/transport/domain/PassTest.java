package fr.paris.casvp.guichet.transport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent.Transition;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The life of a Navigo pass, step by step, without a database (RM II.3.1 / III.3.1). */
class PassTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Actor AGENT = new Actor("agent13", "agent13 (AGENT, 13)");
    private static final Actor DIRECTOR = new Actor("director13", "director13 (SECTION_DIRECTOR, 13)");
    private static final Navigo.Result ELIGIBLE = new Navigo.Result(true, "Navigo Émeraude", "1-2", new BigDecimal("0.00"),
            LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30), List.of());

    @Test
    void aRequestNormalisesTheCardAndSaysWhenItRenews() {
        Pass first = requested(null);
        Pass renewal = requested(UUID.randomUUID());

        assertThat(first.navigoCardNumber()).isEqualTo("AB12345678");
        assertThat(first.status()).isEqualTo(PassStatus.REQUESTED);
        assertThat(first.steps()).singleElement().extracting(PassStep::detail).isNull();
        assertThat(renewal.steps()).singleElement().extracting(PassStep::detail).isEqualTo("renouvellement");
        assertThat(Pass.isCardNumber("ab-1234 5678")).isTrue();
        assertThat(Pass.isCardNumber("123")).isFalse();
        assertThat(Pass.isCardNumber(null)).isFalse();
    }

    @Test
    void whoFiledTheRequestDoesNotDecideIt() {
        Pass pass = requested(null);

        refused(() -> pass.refuse(List.of("OTHER"), "x", AGENT, NOW), Refusal.Kind.FORBIDDEN, ProblemTypes.FOUR_EYES);
    }

    @Test
    void aGrantOrdersThePassWithTheMaskedCardInTheHistory() {
        Pass pass = requested(null);

        OperatorOrder order = pass.grant(ELIGIBLE, TODAY, DIRECTOR, NOW);

        assertThat(order.action()).isEqualTo(PassOrder.Action.LOAD);
        assertThat(order.status()).isEqualTo(OperatorOrder.State.SENT);
        assertThat(pass.status()).isEqualTo(PassStatus.ORDERED);
        assertThat(pass.decision().product()).isEqualTo("Navigo Émeraude");
        assertThat(pass.decision().validUntil()).isEqualTo(LocalDate.of(2027, 11, 30));
        assertThat(pass.steps()).extracting(PassStep::transition)
                .containsExactly(Transition.REQUESTED, Transition.GRANTED, Transition.ORDERED);
        assertThat(pass.steps().get(2).detail()).isEqualTo("******5678");
        refused(() -> pass.grant(ELIGIBLE, TODAY, DIRECTOR, NOW), Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION);
    }

    @Test
    void aGrantTheRegistrysDataDoNotAllowIsRefusedWithTheRulesReasons() {
        Pass pass = requested(null);
        Navigo.Result notEligible = new Navigo.Result(false, null, "1-2", null, null, null,
                List.of(Navigo.RESIDENCE_TOO_SHORT));

        Refusal refusal = refused(() -> pass.grant(notEligible, TODAY, DIRECTOR, NOW), Refusal.Kind.UNPROCESSABLE,
                Pass.NOT_ELIGIBLE);

        assertThat(refusal.members()).containsEntry("reasons", List.of(Navigo.RESIDENCE_TOO_SHORT));
        assertThat(refusal.detail()).contains("on " + TODAY);
        assertThat(pass.status()).isEqualTo(PassStatus.REQUESTED);
    }

    @Test
    void theOperatorsAnswerActivatesTheLoadedPassOrAsksForAnotherCard() {
        Pass active = requested(null);
        OperatorOrder load = active.grant(ELIGIBLE, TODAY, DIRECTOR, NOW);
        assertThat(active.awaits(load.id())).isTrue();

        OperatorOrder done = active.settle(load.id(), true, null, NOW.plusSeconds(60));

        assertThat(done.status()).isEqualTo(OperatorOrder.State.DONE);
        assertThat(active.awaits(load.id())).isFalse();
        assertThat(active.status()).isEqualTo(PassStatus.ACTIVE);

        Pass rejected = requested(null);
        OperatorOrder first = rejected.grant(ELIGIBLE, TODAY, DIRECTOR, NOW);
        rejected.settle(first.id(), false, "carte inconnue", NOW);
        assertThat(rejected.status()).isEqualTo(PassStatus.ORDER_REJECTED);
        assertThat(rejected.steps()).last().extracting(PassStep::reasons).isEqualTo(List.of("OPERATOR_REJECTED"));

        OperatorOrder again = rejected.changeCard("ZZ 9999 0000", AGENT, NOW);
        assertThat(again.action()).isEqualTo(PassOrder.Action.LOAD);
        assertThat(rejected.navigoCardNumber()).isEqualTo("ZZ99990000");
        assertThat(rejected.status()).isEqualTo(PassStatus.ORDERED);
    }

    @Test
    void aCancelledPassIsCancelledWithTheOperatorOnlyOnceOrdered() {
        Pass requested = requested(null);
        assertThat(requested.cancel(" déménagement ", AGENT, NOW)).isEmpty();
        assertThat(requested.steps()).last().extracting(PassStep::detail).isEqualTo("déménagement");

        Pass ordered = requested(null);
        ordered.grant(ELIGIBLE, TODAY, DIRECTOR, NOW);
        Optional<OperatorOrder> cancel = ordered.cancel("décès", AGENT, NOW);
        assertThat(cancel).hasValueSatisfying(order -> assertThat(order.action()).isEqualTo(PassOrder.Action.CANCEL));
        assertThat(ordered.status()).isEqualTo(PassStatus.CANCELLED);
        refused(() -> ordered.cancel("encore", AGENT, NOW), Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION);
    }

    @Test
    void aParticipationIsPaidOnceAndOnlyWhenOneIsDue() {
        Pass free = requested(null);
        free.grant(ELIGIBLE, TODAY, DIRECTOR, NOW);
        refused(() -> free.participationPaid("CHQ-1", AGENT, NOW), Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION);

        Pass due = requested(null);
        due.grant(new Navigo.Result(true, "Améthyste", "1-5", new BigDecimal("60.00"), LocalDate.of(2017, 12, 1),
                LocalDate.of(2018, 11, 30), List.of()), LocalDate.of(2017, 11, 28), DIRECTOR, NOW);
        due.participationPaid(" CHQ-1 ", AGENT, NOW);
        assertThat(due.participation().reference()).isEqualTo("CHQ-1");
        assertThat(due.steps()).last().satisfies(step -> {
            assertThat(step.transition()).isEqualTo(Transition.PARTICIPATION_PAID);
            assertThat(step.status()).as("unchanged").isEqualTo(PassStatus.ORDERED);
        });
        refused(() -> due.participationPaid("CHQ-2", AGENT, NOW), Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION);
    }

    @Test
    void anActivePassIsRemindedThenExpiresAndOnlyAnActiveOrExpiredOneIsRenewed() {
        Pass pass = requested(null);
        pass.settle(pass.grant(ELIGIBLE, TODAY, DIRECTOR, NOW).id(), true, null, NOW);

        pass.remindRenewal(NOW);
        assertThat(pass.renewalRemindedAt()).isEqualTo(NOW);
        assertThat(pass.steps()).last().extracting(PassStep::detail).isEqualTo("échéance 2027-11-30");
        pass.expire(NOW);
        assertThat(pass.status()).isEqualTo(PassStatus.EXPIRED);
        assertThat(pass.renewedBy("NV-2027-000001", DIRECTOR, NOW)).isTrue();
        assertThat(pass.status()).isEqualTo(PassStatus.RENEWED);
        assertThat(requested(null).renewedBy("NV-2027-000001", DIRECTOR, NOW)).isFalse();
    }

    private static Pass requested(UUID renewalOf) {
        return Pass.request(UUID.randomUUID(), "NV-2026-000001", "R-1", UUID.randomUUID(), "13", "ab-1234 5678", "1-2",
                false, renewalOf, NOW, AGENT, NOW);
    }

    private static Refusal refused(Executable step, Refusal.Kind kind, URI type) {
        Refusal[] thrown = new Refusal[1];
        assertThatThrownBy(step::execute).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.type()).isEqualTo(type);
            thrown[0] = refusal;
        });
        return thrown[0];
    }
}
