package fr.paris.casvp.guichet.aid.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent.Transition;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder.PayeeKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The life of an application for exceptional aid, step by step, without a database (RM V.2.1, RM I/B art. 3-6). */
class ApplicationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Actor AGENT = new Actor("agent13", "agent13 (AGENT, 13)");
    private static final Actor WORKER = new Actor("worker13", "worker13 (SOCIAL_WORKER, 13)");
    private static final Actor DIRECTOR = new Actor("director13", "director13 (SECTION_DIRECTOR, 13)");
    private static final Actor OTHER_DIRECTOR = new Actor("director13b", "director13b (SECTION_DIRECTOR, 13)");
    private static final Payee BENEFICIARY = Payee.of(PayeeKind.BENEFICIARY, null, "FR76 3000 6000 0112 3456 7890 189",
            "Jeanne Martin");
    private static final CapRule.Cap ROOM = new CapRule.Cap(new BigDecimal("3287"), BigDecimal.ZERO, new BigDecimal("3287"),
            TODAY.minusYears(1), TODAY, null);

    @Test
    void aFiledApplicationIsReceivedWithItsReceiptAndItsFirstStep() {
        Application application = filed(List.of(), NOW);

        assertThat(application.status()).isEqualTo(Status.RECEIVED);
        assertThat(application.section()).isEqualTo("13");
        assertThat(application.requestedAmount()).isEqualByComparingTo("450").hasToString("450.00");
        assertThat(application.payee().accountHolder()).as("the beneficiary's names by default").isEqualTo("Jeanne Martin");
        assertThat(application.payee().iban()).isEqualTo("FR7630006000011234567890189");
        assertThat(application.steps()).singleElement().satisfies(step -> {
            assertThat(step.transition()).isEqualTo(Transition.RECEIVED);
            assertThat(step.statusChanged()).as("the receipt is published").isTrue();
            assertThat(step.detail()).isNull();
        });
    }

    @Test
    void anApplicationReceivedEarlierKeepsItsTimeAndSaysWhy() {
        Instant earlier = NOW.minus(Duration.ofDays(2));
        Application queued = Application.file(UUID.randomUUID(), "AE-2026-000001", "R-1", Beneficiaries.resident(
                        LocalDate.of(2020, 1, 1)), Category.DISASTER, " incendie-2026-17 ", new BigDecimal("450"), " Incendie ",
                BENEFICIARY, List.of(), earlier, true, AGENT, NOW);

        assertThat(queued.receivedAt()).isEqualTo(earlier);
        assertThat(queued.disasterEvent()).isEqualTo("INCENDIE-2026-17");
        assertThat(queued.capEvent()).isEqualTo("INCENDIE-2026-17");
        assertThat(queued.reason()).isEqualTo("Incendie");
        assertThat(queued.steps().get(0).detail()).isEqualTo("reçue le " + earlier + " (file d'attente du guichet)");
    }

    @Test
    void documentsAreRecordedUntilTheDecisionAndTheFileIsThenComplete() {
        Application application = filed(List.of("avis d'imposition"), NOW);

        application.recordMissingDocuments(List.of(" quittance de loyer "), AGENT, NOW);
        assertThat(application.missingDocuments()).containsExactly("quittance de loyer");
        application.recordMissingDocuments(List.of(), AGENT, NOW);

        assertThat(application.missingDocuments()).isEmpty();
        assertThat(application.steps()).last().satisfies(step -> {
            assertThat(step.detail()).isEqualTo("dossier complet");
            assertThat(step.statusChanged()).isFalse();
        });
        application.examine("Facture d'énergie impayée", null, WORKER, NOW);
        application.refuse(RefusalReason.RESOURCES_SUFFICIENT, null, DIRECTOR, NOW, TODAY);
        refused(() -> application.recordMissingDocuments(List.of(), AGENT, NOW), Refusal.Kind.CONFLICT,
                ProblemTypes.INVALID_TRANSITION);
    }

    @Test
    void anExaminationPutsTheApplicationUnderExaminationWithTheProposedAmount() {
        Application application = filed(List.of(), NOW);

        application.examine(" Situation vérifiée ", new BigDecimal("300"), WORKER, NOW);

        assertThat(application.status()).isEqualTo(Status.UNDER_EXAMINATION);
        assertThat(application.examination()).hasValueSatisfying(examination -> {
            assertThat(examination.examinedBy()).isEqualTo("worker13");
            assertThat(examination.assessment()).isEqualTo("Situation vérifiée");
            assertThat(examination.proposedAmount()).hasToString("300.00");
        });
    }

    @Test
    void onlyAnExaminedApplicationIsDecided() {
        Application application = filed(List.of(), NOW);

        Refusal refusal = refused(() -> application.requireDecidableBy(DIRECTOR), Refusal.Kind.CONFLICT,
                ProblemTypes.INVALID_TRANSITION);
        assertThat(refusal.members()).containsEntry("status", "RECEIVED");
    }

    @Test
    void whoFiledOrExaminedAnApplicationDoesNotDecideIt() {
        Application application = examined();

        assertThat(refused(() -> application.requireDecidableBy(AGENT), Refusal.Kind.FORBIDDEN, ProblemTypes.FOUR_EYES)
                .detail()).startsWith("You filed");
        assertThat(refused(() -> application.requireDecidableBy(WORKER), Refusal.Kind.FORBIDDEN, ProblemTypes.FOUR_EYES)
                .detail()).startsWith("You examined");
    }

    @Test
    void anIncompleteFileIsNotDecidedAndTheMissingDocumentsAreNamed() {
        Application application = filed(List.of("RIB"), NOW);
        application.examine("À compléter", null, WORKER, NOW);

        Refusal refusal = refused(() -> application.grant(new BigDecimal("100"), null, ROOM, DIRECTOR, NOW, TODAY),
                Refusal.Kind.UNPROCESSABLE, AidProblems.INCOMPLETE_FILE);
        assertThat(refusal.members()).containsEntry("missingDocuments", List.of("RIB"));
    }

    @Test
    void aGrantWithinTheCapOrdersItsPayment() {
        Application application = examined();

        Application.Grant grant = application.grant(new BigDecimal("450"), null, ROOM, DIRECTOR, NOW, TODAY);

        assertThat(grant.decision().outcome()).isEqualTo(Decision.Outcome.GRANTED);
        assertThat(grant.decision().amount()).hasToString("450.00");
        assertThat(grant.decision().decisionDate()).isEqualTo(TODAY);
        assertThat(grant.payment().reference()).isEqualTo("AE-2026-000001-1");
        assertThat(grant.payment().payee()).isEqualTo(BENEFICIARY);
        assertThat(application.status()).isEqualTo(Status.PAYMENT_ORDERED);
        assertThat(application.steps()).extracting(Step::transition).endsWith(Transition.GRANTED, Transition.PAYMENT_ORDERED);
    }

    @Test
    void aGrantAboveWhatRemainsOfTheCapIsRefusedAndChangesNothing() {
        Application application = examined();
        int steps = application.steps().size();
        CapRule.Cap used = new CapRule.Cap(new BigDecimal("3287"), new BigDecimal("2500"), new BigDecimal("787"),
                TODAY.minusYears(1).plusDays(1), TODAY, null);

        Refusal refusal = refused(() -> application.grant(new BigDecimal("787.01"), null, used, DIRECTOR, NOW, TODAY),
                Refusal.Kind.UNPROCESSABLE, AidProblems.CAP_EXCEEDED);

        assertThat(refusal.members()).containsEntry("remaining", new BigDecimal("787.00"));
        assertThat(application.status()).isEqualTo(Status.UNDER_EXAMINATION);
        assertThat(application.steps()).hasSize(steps);
        assertThat(application.grant(new BigDecimal("787"), null, used, DIRECTOR, NOW, TODAY).payment()).isNotNull();
    }

    @Test
    void aRefusalIsAppealedByAnotherAgentAndDecidedAgainByAnotherDirector() {
        Application application = examined();
        application.refuse(RefusalReason.OTHER, " Dette ancienne ", DIRECTOR, NOW, TODAY);
        assertThat(application.status()).isEqualTo(Status.REFUSED);

        refused(() -> application.appeal("Je conteste", DIRECTOR, NOW), Refusal.Kind.FORBIDDEN, ProblemTypes.FOUR_EYES);
        application.appeal("Je conteste", OTHER_DIRECTOR, NOW);
        assertThat(application.status()).isEqualTo(Status.APPEALED);

        assertThat(refused(() -> application.requireDecidableBy(OTHER_DIRECTOR), Refusal.Kind.FORBIDDEN,
                ProblemTypes.FOUR_EYES).detail()).contains("appeal");
        Application.Grant grant = application.grant(new BigDecimal("200"), null, ROOM, DIRECTOR, NOW, TODAY);
        assertThat(grant.decision().onAppeal()).isTrue();
        assertThat(application.latestDecision()).isEqualTo(grant.decision());
        assertThat(application.decisions()).extracting(Decision::outcome)
                .containsExactly(Decision.Outcome.REFUSED, Decision.Outcome.GRANTED);
    }

    @Test
    void thePaymentIsSettledOnceAndAFailureSaysWhy() {
        Application paid = examined();
        Payment payment = paid.grant(new BigDecimal("450"), null, ROOM, DIRECTOR, NOW, TODAY).payment();

        Payment settled = paid.settle(payment.id(), true, null, NOW.plusSeconds(60));

        assertThat(settled.state()).isEqualTo(Payment.State.PAID);
        assertThat(paid.status()).isEqualTo(Status.PAID);
        assertThat(paid.updatedAt()).isEqualTo(NOW.plusSeconds(60));

        Application failed = examined();
        Payment order = failed.grant(new BigDecimal("450"), null, ROOM, DIRECTOR, NOW, TODAY).payment();
        String reason = "AC04 Closed account " + "x".repeat(60);
        failed.settle(order.id(), false, reason, NOW.plusSeconds(60));
        assertThat(failed.status()).isEqualTo(Status.PAYMENT_FAILED);
        assertThat(failed.steps()).last().satisfies(step -> {
            assertThat(step.reasonCode()).hasSize(60);
            assertThat(step.detail()).isEqualTo("AE-2026-000001-1 : " + reason);
        });
    }

    @Test
    void aCorrectedPayeeTakesEffectOnlyOnceAnotherAgentConfirmsIt() {
        Application application = examined();
        Payment first = application.grant(new BigDecimal("450"), null, ROOM, DIRECTOR, NOW, TODAY).payment();
        application.settle(first.id(), false, "AC04", NOW);
        refused(() -> application.confirmPayee(WORKER, NOW), Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION);
        Payee landlord = Payee.of(PayeeKind.CREDITOR, "SCI Glacière", "FR1420041010050500013M02606", "Jeanne Martin");

        assertThat(application.payeeChangeChanged()).isFalse();
        application.proposePayee(landlord, AGENT, NOW);
        assertThat(application.payeeChangeChanged()).as("the store writes the proposal").isTrue();
        assertThat(application.payee()).as("not before it is confirmed").isEqualTo(BENEFICIARY);
        refused(() -> application.confirmPayee(AGENT, NOW), Refusal.Kind.FORBIDDEN, ProblemTypes.FOUR_EYES);
        Payment second = application.confirmPayee(WORKER, NOW);

        assertThat(application.payee()).isEqualTo(landlord);
        assertThat(application.payeeChange()).isEmpty();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.reference()).isEqualTo("AE-2026-000001-2");
        assertThat(second.amount()).hasToString("450.00");
        assertThat(second.payee()).isEqualTo(landlord);
        assertThat(application.status()).isEqualTo(Status.PAYMENT_ORDERED);
    }

    @Test
    void aPendingApplicationWithDocumentsMissingLapsesAndNoOtherDoes() {
        Application incomplete = filed(List.of("RIB"), NOW);
        Application complete = filed(List.of(), NOW);
        Application decided = examined();
        decided.refuse(RefusalReason.RESOURCES_SUFFICIENT, null, DIRECTOR, NOW, TODAY);

        assertThat(incomplete.lapseIfIncomplete(NOW)).isTrue();
        assertThat(incomplete.status()).isEqualTo(Status.LAPSED);
        assertThat(incomplete.steps()).last().extracting(Step::detail).isEqualTo("pièces manquantes : RIB");
        assertThat(complete.lapseIfIncomplete(NOW)).isFalse();
        assertThat(decided.lapseIfIncomplete(NOW)).isFalse();
    }

    @Test
    void aLetterNeedsADecision() {
        refused(() -> filed(List.of(), NOW).latestDecision(), Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION);
    }

    private static Application filed(List<String> missingDocuments, Instant receivedAt) {
        return Application.file(UUID.randomUUID(), "AE-2026-000001", "R-1", Beneficiaries.resident(LocalDate.of(2020, 1, 1)),
                Category.ENERGY, null, new BigDecimal("450"), "Facture d'électricité", BENEFICIARY, missingDocuments,
                receivedAt, false, AGENT, NOW);
    }

    private static Application examined() {
        Application application = filed(List.of(), NOW);
        application.examine("Facture d'énergie impayée", null, WORKER, NOW);
        return application;
    }

    private static Refusal refused(Executable step, Refusal.Kind kind, java.net.URI type) {
        Refusal[] thrown = new Refusal[1];
        assertThatThrownBy(step::execute).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.type()).isEqualTo(type);
            thrown[0] = refusal;
        });
        return thrown[0];
    }
}
