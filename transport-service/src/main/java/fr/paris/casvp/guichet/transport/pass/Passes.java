package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.NationalBenefitType;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.beneficiary.Residence;
import fr.paris.casvp.guichet.contracts.receipt.Receipt;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.intake.FiledApplication;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.transport.PassConfirmation;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent.Transition;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.transport.navigo.DatedTariffs;
import fr.paris.casvp.guichet.transport.navigo.Navigo;
import fr.paris.casvp.guichet.transport.navigo.TariffNames;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import fr.paris.casvp.guichet.web.ProblemException;
import fr.paris.casvp.guichet.web.ReceptionTime;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of a Navigo pass for seniors and disabled people (RM II.3.1 / III.3.1): requested at the counter → decided
 * by the section director (never the agent who filed it) → ordered to the transport operator → active once loaded on
 * the card → reminded 3 months before expiry → renewed or expired; cancellation at any time; the participation due
 * (before June 2018) recorded and its payment tracked. Each step is an event on {@code transport.events.v1}.
 */
@Service
public class Passes {

    static final ZoneId PARIS = ParisTime.ZONE;
    static final URI INVALID_TRANSITION = URI.create("urn:guichet:problem:invalid-transition");
    static final URI NOT_ELIGIBLE = URI.create("urn:guichet:problem:not-eligible");
    static final URI BENEFICIARY_UNKNOWN = URI.create("urn:guichet:problem:beneficiary-unknown");
    static final String[] COUNTER = {Agent.AGENT, Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};
    static final Set<String> REFUSAL_CODES = Set.of(Navigo.NOT_ELDERLY_OR_DISABLED, Navigo.RESIDENCE_TOO_SHORT,
            Navigo.INCOME_TAX_ABOVE_CEILING, Navigo.NO_FIXED_ADDRESS, "OTHER");
    /** National benefits that qualify for the reduced participation (the Paris ones are declared by the agent). */
    static final Set<NationalBenefitType> QUALIFYING = Set.of(NationalBenefitType.ASPA, NationalBenefitType.ASI,
            NationalBenefitType.AAH, NationalBenefitType.WIDOWHOOD_ALLOWANCE);
    private static final Logger log = LoggerFactory.getLogger(Passes.class);

    /**
     * @param receivesParisBenefit the agent saw the proof of Paris Solidarité or Complément Santé Paris (another
     *                             service's data, or another institution's: declared, not looked up)
     */
    /** Lengths, in characters, checked below and written in the OpenAPI document. */
    static final int REASON = 2000;
    static final int REFERENCE = 100;

    public record Request(UUID beneficiaryId, String navigoCardNumber, String zones, boolean receivesParisBenefit,
                         Instant receivedAt) {
    }

    public enum Outcome { GRANTED, REFUSED }

    public record Decision(Outcome outcome, List<String> reasonCodes, @Schema(maxLength = REASON) String reasonText) {
    }

    public record Cancellation(@Schema(maxLength = REASON) String reason) {
    }

    public record ParticipationPayment(@Schema(maxLength = REFERENCE) String reference) {
    }

    public record CardChange(String navigoCardNumber) {
    }

    public record PassView(UUID id, String number, Receipt receipt, UUID beneficiaryId, String section, String navigoCardNumber,
                           String zones, boolean renewal, String status, Instant receivedAt, String filedBy, String decidedBy,
                           Instant decidedAt, List<String> refusalReasons, String refusalText, String product,
                           LocalDate validFrom, LocalDate validUntil, BigDecimal participationDue, Instant participationPaidAt,
                           List<PassStore.Order> orders, List<PassStore.Step> history) implements FiledApplication {
    }

    private final PassStore store;
    private final PassEvents events;
    private final Receipts receipts;
    private final DatedTariffs tariffs;
    private final BeneficiaryReplica replica;
    private final ObjectReader snapshots;
    private final Clock clock;

    Passes(PassStore store, PassEvents events, Receipts receipts, DatedTariffs tariffs, BeneficiaryReplica replica, JsonMapper json,
           Clock clock) {
        this.receipts = receipts;
        this.store = store;
        this.events = events;
        this.tariffs = tariffs;
        this.replica = replica;
        this.snapshots = json.readerFor(BeneficiarySnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = clock;
    }

    @Transactional
    public PassView request(Request request, Agent agent) {
        return request(request, agent, null, null);
    }

    /**
     * @param receiptNumber the receipt the gateway gave to a command it queued (null: a new one)
     * @param queuedAt      when the gateway received a queued command: its reception time unless the body gives one
     */
    @Transactional
    public PassView request(Request request, Agent agent, String receiptNumber, Instant queuedAt) {
        agent.requireRole(COUNTER);
        List<FieldError> errors = new ArrayList<>();
        if (request.beneficiaryId() == null) {
            errors.add(FieldError.of("beneficiaryId", "is required"));
        }
        cardNumber("navigoCardNumber", request.navigoCardNumber(), errors);
        if (!Navigo.ZONES_1_2.equals(request.zones()) && !Navigo.ZONES_1_5.equals(request.zones())) {
            errors.add(FieldError.of("zones", "must be \"1-2\" or \"1-5\""));
        }
        Instant now = clock.instant();
        Instant receivedAt = ReceptionTime.of(request.receivedAt(), queuedAt, now, 2, errors);
        Fields.check(errors);
        BeneficiarySnapshot beneficiary = beneficiary(request.beneficiaryId());
        String section = beneficiary.situation().section();
        agent.requireWrite(section);
        LocalDate received = LocalDate.ofInstant(receivedAt, PARIS);
        int window = tariffs.on(received).value(TariffNames.RENEWAL_WINDOW_MONTHS).intValueExact();
        UUID renewalOf = store.latestGranted(beneficiary.id())
                .filter(previous -> !previous.validUntil().isBefore(received.minusMonths(window))
                        && !previous.validUntil().isAfter(received.plusMonths(window)))
                .map(PassStore.Pass::id).orElse(null);
        PassStore.Pass pass = new PassStore.Pass(UUID.randomUUID(), store.nextNumber(received.getYear()),
                receiptNumber == null ? ReceiptNumber.next() : receiptNumber,
                beneficiary.id(), section, normaliseCard(request.navigoCardNumber()), request.zones(),
                request.receivesParisBenefit(), renewalOf, "REQUESTED", receivedAt, agent.username(), null, null, null, null,
                null, null, null, null, null, null);
        store.insert(pass, now);
        step(pass, Transition.REQUESTED, "REQUESTED", List.of(), now, agent, renewalOf == null ? null : "renouvellement");
        return view(pass.id());
    }

    /** The section director's decision: a grant is checked on the registry's data and the tariffs of the decision date. */
    @Transactional
    public PassView decide(UUID id, Decision decision, Agent agent) {
        agent.requireRole(Agent.SECTION_DIRECTOR);
        List<FieldError> errors = new ArrayList<>();
        if (decision.outcome() == null) {
            errors.add(FieldError.of("outcome", "is required: GRANTED or REFUSED"));
        } else if (decision.outcome() == Outcome.REFUSED) {
            if (decision.reasonCodes() == null || decision.reasonCodes().isEmpty() || !REFUSAL_CODES.containsAll(decision.reasonCodes())) {
                errors.add(FieldError.of("reasonCodes", "is required for a refusal, among " + REFUSAL_CODES));
            } else if (decision.reasonCodes().contains("OTHER")) {
                Fields.text("reasonText", decision.reasonText(), REASON, errors);
            }
        }
        Fields.check(errors);
        PassStore.Pass pass = lockForWrite(id, agent);
        requireStatus(pass, "REQUESTED");
        agent.requireFourEyes(pass.filedBy(), null);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        if (decision.outcome() == Outcome.REFUSED) {
            store.update(id, Map.of("status", "REFUSED", "decided_by", agent.username(), "decided_at", now,
                    "refusal_reasons", String.join(",", decision.reasonCodes()),
                    "refusal_text", decision.reasonText() == null ? "" : decision.reasonText().strip()), now);
            step(reload(id), Transition.REFUSED, "REFUSED", decision.reasonCodes(), now, agent, null);
            return view(id);
        }
        BeneficiarySnapshot beneficiary = beneficiary(pass.beneficiaryId());
        Navigo.Result result = Navigo.decide(facts(beneficiary, pass, today), tariffs.on(today));
        if (!result.eligible()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, NOT_ELIGIBLE, "Not eligible",
                    "On the registry's data, the right cannot be granted on " + today + ": " + String.join(", ", result.reasons())
                            + ". Refuse the request with these reasons, or correct the file in the registry first.")
                    .with("reasons", result.reasons());
        }
        Map<String, Object> granted = new HashMap<>(Map.of("status", "ORDERED", "decided_by", agent.username(), "decided_at", now,
                "product", result.product(), "valid_from", result.validFrom(), "valid_until", result.validUntil(),
                "participation_due", result.annualParticipation()));
        store.update(id, granted, now);
        PassStore.Pass decided = reload(id);
        step(decided, Transition.GRANTED, "ORDERED", List.of(), now, agent, result.product() + " " + result.zones());
        order(decided, PassOrder.Action.LOAD, now, agent);
        if (decided.renewalOf() != null) {
            store.find(decided.renewalOf(), true).filter(previous -> Set.of("ACTIVE", "EXPIRED").contains(previous.status()))
                    .ifPresent(previous -> {
                        store.update(previous.id(), Map.of("status", "RENEWED"), now);
                        step(reload(previous.id()), Transition.RENEWED, "RENEWED", List.of(), now, agent, decided.number());
                    });
        }
        return view(id);
    }

    /** After a rejected order (unknown card...): the corrected card number, and the order sent again. */
    @Transactional
    public PassView changeCard(UUID id, CardChange change, Agent agent) {
        agent.requireRole(COUNTER);
        List<FieldError> errors = new ArrayList<>();
        cardNumber("navigoCardNumber", change.navigoCardNumber(), errors);
        Fields.check(errors);
        PassStore.Pass pass = lockForWrite(id, agent);
        requireStatus(pass, "ORDER_REJECTED");
        Instant now = clock.instant();
        store.update(id, Map.of("navigo_card_number", normaliseCard(change.navigoCardNumber()), "status", "ORDERED"), now);
        order(reload(id), PassOrder.Action.LOAD, now, agent);
        return view(id);
    }

    @Transactional
    public PassView cancel(UUID id, Cancellation cancellation, Agent agent) {
        agent.requireRole(COUNTER);
        List<FieldError> errors = new ArrayList<>();
        Fields.text("reason", cancellation.reason(), REASON, errors);
        Fields.check(errors);
        PassStore.Pass pass = lockForWrite(id, agent);
        requireStatus(pass, "REQUESTED", "ORDERED", "ACTIVE", "ORDER_REJECTED");
        Instant now = clock.instant();
        store.update(id, Map.of("status", "CANCELLED"), now);
        PassStore.Pass cancelled = reload(id);
        if (pass.status().equals("ORDERED") || pass.status().equals("ACTIVE")) {
            order(cancelled, PassOrder.Action.CANCEL, now, agent);
        }
        step(cancelled, Transition.CANCELLED, "CANCELLED", List.of(), now, agent, cancellation.reason().strip());
        return view(id);
    }

    /** The participation due (paid Navigo, before June 2018) was paid: the reference of the payment. */
    @Transactional
    public PassView participationPaid(UUID id, ParticipationPayment payment, Agent agent) {
        agent.requireRole(COUNTER);
        List<FieldError> errors = new ArrayList<>();
        Fields.text("reference", payment.reference(), REFERENCE, errors);
        Fields.check(errors);
        PassStore.Pass pass = lockForWrite(id, agent);
        if (pass.participationDue() == null || pass.participationDue().signum() == 0 || pass.participationPaidAt() != null) {
            throw new ProblemException(HttpStatus.CONFLICT, INVALID_TRANSITION, "Nothing to pay",
                    "The pass " + pass.number() + " has no participation waiting for payment.");
        }
        Instant now = clock.instant();
        store.update(id, Map.of("participation_paid_at", now, "participation_reference", payment.reference().strip()), now);
        step(reload(id), Transition.PARTICIPATION_PAID, pass.status(), List.of(), now, agent, payment.reference().strip());
        return view(id);
    }

    /**
     * The operator's answer to one of this service's orders, once; another's, or a second answer, changes nothing.
     *
     * @return applied (to the pass), parked (it does not match its order: nothing changed) or ignored
     */
    @Transactional
    public PartnerAnswer confirm(PassConfirmation confirmation) {
        Optional<PassStore.Order> found = store.lockOrder(confirmation.orderId());
        if (found.isEmpty() || !found.get().status().equals("SENT")) {
            log.info("Pass confirmation for order {} ignored: {}", confirmation.orderId(), found.isEmpty() ? "unknown" : "already answered");
            return PartnerAnswer.ignored();
        }
        PassStore.Order order = found.get();
        PassStore.Pass pass = store.find(order.passId(), true).orElseThrow();
        List<String> mismatches = confirmation.mismatches(pass.number(), order.orderedAt(), clock.instant());
        if (!mismatches.isEmpty()) {
            return PartnerAnswer.parked(pass.id(), mismatches);
        }
        Instant at = confirmation.at();
        boolean done = confirmation.status() == PassConfirmation.Status.DONE;
        store.settleOrder(order.id(), confirmation.status().name(), confirmation.reason(), at);
        if (!order.action().equals("LOAD") || !pass.status().equals("ORDERED")) {
            return PartnerAnswer.applied(pass.id());
        }
        store.update(pass.id(), Map.of("status", done ? "ACTIVE" : "ORDER_REJECTED"), at);
        step(reload(pass.id()), done ? Transition.ACTIVATED : Transition.ORDER_REJECTED, done ? "ACTIVE" : "ORDER_REJECTED",
                done ? List.of() : List.of("OPERATOR_REJECTED"), at, null, confirmation.reason());
        return PartnerAnswer.applied(pass.id());
    }

    /** Reminds the active passes that end within 3 months, once; expires the ones whose validity has ended. */
    @Transactional
    public int[] remindAndExpire() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        int window = tariffs.on(today).value(TariffNames.RENEWAL_WINDOW_MONTHS).intValueExact();
        List<PassStore.Pass> expired = store.expiredBefore(today);
        for (PassStore.Pass pass : expired) {
            store.update(pass.id(), Map.of("status", "EXPIRED"), now);
            step(reload(pass.id()), Transition.EXPIRED, "EXPIRED", List.of(), now, null, null);
        }
        List<PassStore.Pass> due = store.toRemind(today.plusMonths(window));
        for (PassStore.Pass pass : due) {
            store.update(pass.id(), Map.of("renewal_reminded_at", now), now);
            step(pass, Transition.RENEWAL_DUE, "ACTIVE", List.of(), now, null, "échéance " + pass.validUntil());
        }
        return new int[] {due.size(), expired.size()};
    }

    @Transactional(readOnly = true)
    public PassView get(UUID id, Agent agent) {
        PassStore.Pass pass = store.find(id, false).orElseThrow(() -> notFound(id));
        agent.requireRead(pass.section());
        return view(id);
    }

    @Transactional(readOnly = true)
    public List<PassView> search(UUID beneficiaryId, String status, Agent agent) {
        return store.search(agent.isSupervisor() ? null : agent.section(), beneficiaryId, status).stream()
                .map(p -> view(p.id())).toList();
    }

    private Navigo.Request facts(BeneficiarySnapshot beneficiary, PassStore.Pass pass, LocalDate date) {
        BeneficiarySituation s = beneficiary.situation();
        BigDecimal tax = s.incomeTax().stream().max(Comparator.comparingInt(BeneficiarySituation.IncomeTax::taxYear))
                .map(BeneficiarySituation.IncomeTax::amount)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.REQUEST_REFUSED,
                        "Income tax unknown", "The registry records no income tax (impôt soumis au barème) for this person: "
                        + "record the latest tax notice, even when nothing is due, before deciding.").with("field", "incomeTax"));
        boolean disabled = !s.disabilityEvidence().isEmpty() || s.nationalBenefits().stream().anyMatch(b -> b.type() == NationalBenefitType.AAH);
        boolean unfit = s.unfitForWorkSince() != null && !s.unfitForWorkSince().isAfter(date);
        boolean qualifying = pass.receivesParisBenefit() || s.nationalBenefits().stream().anyMatch(b -> QUALIFYING.contains(b.type()));
        return new Navigo.Request(date, s.identity().birthDate(), disabled, unfit, Residence.yearsInLastFive(s.parisResidence(), date),
                s.noFixedAddress() != null, tax, pass.renewalOf() != null, qualifying, s.warVeteran(), pass.zones());
    }

    private void order(PassStore.Pass pass, PassOrder.Action action, Instant now, Agent agent) {
        UUID orderId = UUID.randomUUID();
        store.insertOrder(orderId, pass.id(), action.name(), now);
        events.order(pass, orderId, action, now);
        if (action == PassOrder.Action.LOAD) {
            step(pass, Transition.ORDERED, "ORDERED", List.of(), now, agent, pass.navigoCardNumber().replaceAll(".(?=.{4})", "*"));
        }
    }

    private void step(PassStore.Pass pass, Transition transition, String status, List<String> reasons, Instant at, Agent agent,
                      String detail) {
        store.addStep(pass.id(), transition.name(), at, agent == null ? null : agent.toString(), detail);
        events.step(pass, transition, status, reasons, at);
        receipts.publish(new ReceiptState(pass.receiptNumber(), "transport", status, pass.receivedAt(), pass.id(), pass.number(),
                pass.section(), reasons == null || reasons.isEmpty() ? null : reasons,
                replica.snapshot(pass.beneficiaryId().toString()).map(snapshots::readValue).map(BeneficiarySnapshot.class::cast)
                        .filter(b -> b.situation() != null)
                        .map(b -> receipts.birthDateCheck(pass.receiptNumber(), b.situation().identity().birthDate())).orElse(null), at));
    }

    private BeneficiarySnapshot beneficiary(UUID id) {
        return replica.snapshot(id.toString()).<BeneficiarySnapshot>map(snapshots::readValue).filter(s -> s.situation() != null)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, BENEFICIARY_UNKNOWN, "Unknown beneficiary",
                        "Beneficiary " + id + " is not in this service's copy of the registry: register the person first.")
                        .with("field", "beneficiaryId"));
    }

    private PassStore.Pass lockForWrite(UUID id, Agent agent) {
        PassStore.Pass pass = store.find(id, true).orElseThrow(() -> notFound(id));
        agent.requireWrite(pass.section());
        return pass;
    }

    private PassStore.Pass reload(UUID id) {
        return store.find(id, false).orElseThrow();
    }

    private static void cardNumber(String field, String card, List<FieldError> errors) {
        if (card == null || !normaliseCard(card).matches("[0-9A-Z]{8,20}")) {
            errors.add(FieldError.of(field, "is required: the Navigo card's number (8 to 20 letters and digits)"));
        }
    }

    private static String normaliseCard(String card) {
        return card.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static void requireStatus(PassStore.Pass pass, String... allowed) {
        if (!Set.of(allowed).contains(pass.status())) {
            throw new ProblemException(HttpStatus.CONFLICT, INVALID_TRANSITION, "Not possible now",
                    "The pass " + pass.number() + " is " + pass.status() + "; this step needs it to be "
                            + String.join(" or ", Arrays.asList(allowed)) + ".").with("status", pass.status());
        }
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No Navigo pass " + id + ".");
    }

    PassView view(UUID id) {
        PassStore.Pass p = store.find(id, false).orElseThrow(() -> notFound(id));
        return new PassView(p.id(), p.number(), new Receipt(p.receiptNumber(), p.receivedAt(), p.status()), p.beneficiaryId(),
                p.section(), p.navigoCardNumber(), p.zones(), p.renewalOf() != null, p.status(), p.receivedAt(), p.filedBy(),
                p.decidedBy(), p.decidedAt(), p.refusalReasons() == null ? List.of() : Arrays.asList(p.refusalReasons().split(",")),
                p.refusalText() == null || p.refusalText().isEmpty() ? null : p.refusalText(), p.product(), p.validFrom(),
                p.validUntil(), p.participationDue(), p.participationPaidAt(), store.orders(id), store.steps(id));
    }
}
