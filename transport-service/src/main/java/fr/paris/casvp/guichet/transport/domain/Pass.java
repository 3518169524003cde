package fr.paris.casvp.guichet.transport.domain;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.FourEyes;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent.Transition;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A Navigo pass for seniors and disabled people (RM II.3.1 / III.3.1) and the rules of its life: requested at the
 * counter → decided by the section director (never the agent who filed it; a grant on the registry's data and the
 * tariffs of the decision date, {@link Navigo}) → ordered to the transport operator → active once loaded on the card →
 * reminded before expiry → renewed or expired; cancelled at any time; the participation due (before June 2018)
 * recorded and its payment tracked.
 *
 * <p>Each method checks that its step is possible now, changes the pass and adds the step to {@link #steps()}; a
 * refused step throws a {@link Refusal} and changes nothing. No database here: the store loads and saves the pass, the
 * application service publishes its steps and sends its orders.
 */
public final class Pass {

    /** The right cannot be granted on the registry's data; {@code reasons} lists the rule's codes. */
    public static final URI NOT_ELIGIBLE = ProblemTypes.NOT_ELIGIBLE;

    private final UUID id;
    private final String number;
    private final String receiptNumber;
    private final UUID beneficiaryId;
    private final String section;
    private final String zones;
    private final boolean receivesParisBenefit;
    private final UUID renewalOf;
    private final Instant receivedAt;
    private final String filedBy;
    private String navigoCardNumber;
    private PassStatus status;
    private Decision decision;
    private Participation participation;
    private Instant renewalRemindedAt;
    private Instant updatedAt;
    private final List<OperatorOrder> orders;
    private final List<PassStep> steps = new ArrayList<>();

    /**
     * The section director's decision: who and when; the refusal's reasons, or the grant's product and validity.
     *
     * @param refusalText the explanation of a refusal (required for the reason OTHER); null when none
     */
    public record Decision(String decidedBy, Instant decidedAt, List<String> refusalReasons, String refusalText,
                           String product, LocalDate validFrom, LocalDate validUntil) {
    }

    /** The annual participation due (null or 0: none), and when and how it was paid. */
    public record Participation(BigDecimal due, Instant paidAt, String reference) {
    }

    /** A pass as stored, with its orders. */
    public Pass(UUID id, String number, String receiptNumber, UUID beneficiaryId, String section, String navigoCardNumber,
                String zones, boolean receivesParisBenefit, UUID renewalOf, PassStatus status, Instant receivedAt,
                String filedBy, Decision decision, Participation participation, Instant renewalRemindedAt,
                Instant updatedAt, List<OperatorOrder> orders) {
        this.id = id;
        this.number = number;
        this.receiptNumber = receiptNumber;
        this.beneficiaryId = beneficiaryId;
        this.section = section;
        this.navigoCardNumber = navigoCardNumber;
        this.zones = zones;
        this.receivesParisBenefit = receivesParisBenefit;
        this.renewalOf = renewalOf;
        this.status = status;
        this.receivedAt = receivedAt;
        this.filedBy = filedBy;
        this.decision = decision;
        this.participation = participation;
        this.renewalRemindedAt = renewalRemindedAt;
        this.updatedAt = updatedAt;
        this.orders = new ArrayList<>(orders);
    }

    /**
     * A new request, in the beneficiary's section.
     *
     * @param renewalOf the pass it renews (one that ends, or ended, within the renewal window); null for a first request
     */
    public static Pass request(UUID id, String number, String receiptNumber, UUID beneficiaryId, String section,
                               String navigoCardNumber, String zones, boolean receivesParisBenefit, UUID renewalOf,
                               Instant receivedAt, Actor by, Instant now) {
        Pass pass = new Pass(id, number, receiptNumber, beneficiaryId, section, normaliseCard(navigoCardNumber), zones,
                receivesParisBenefit, renewalOf, PassStatus.REQUESTED, receivedAt, by.username(), null, null, null, now,
                List.of());
        pass.step(Transition.REQUESTED, PassStatus.REQUESTED, List.of(), now, by, renewalOf == null ? null : "renouvellement");
        return pass;
    }

    /** A card number as recorded: without spaces or dashes, in capitals. */
    public static String normaliseCard(String card) {
        return card.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether a card number is one: 8 to 20 letters and digits, once normalised. */
    public static boolean isCardNumber(String card) {
        return card != null && normaliseCard(card).matches("[0-9A-Z]{8,20}");
    }

    /** Whether {@code by} may decide now: the pass is requested, and they did not file it (RM I/B art. 5). */
    public void requireDecidableBy(Actor by) {
        requireStatus(PassStatus.REQUESTED);
        FourEyes.requireDecider(by, filedBy, null);
    }

    /** The section director refuses, with the rule's reasons (and a text for OTHER). */
    public void refuse(List<String> reasons, String reasonText, Actor by, Instant now) {
        requireDecidableBy(by);
        decision = new Decision(by.username(), now, List.copyOf(reasons),
                reasonText == null || reasonText.isBlank() ? null : reasonText.strip(), null, null, null);
        updatedAt = now;
        step(Transition.REFUSED, PassStatus.REFUSED, reasons, now, by, null);
    }

    /**
     * The section director grants on {@link Navigo}'s result for the decision {@code date}; refused, naming the rule's reasons,
     * when the registry's data do not give the right. The pass is ordered to the operator.
     *
     * @return the order to send
     */
    public OperatorOrder grant(Navigo.Result result, LocalDate date, Actor by, Instant now) {
        requireDecidableBy(by);
        if (!result.eligible()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, NOT_ELIGIBLE, "Not eligible",
                    "On the registry's data, the right cannot be granted on " + date + ": " + String.join(", ", result.reasons())
                            + ". Refuse the request with these reasons, or correct the file in the registry first.")
                    .with("reasons", result.reasons());
        }
        decision = new Decision(by.username(), now, null, null, result.product(), result.validFrom(), result.validUntil());
        participation = new Participation(result.annualParticipation(), null, null);
        updatedAt = now;
        step(Transition.GRANTED, PassStatus.ORDERED, List.of(), now, by, result.product() + " " + result.zones());
        return order(PassOrder.Action.LOAD, now, by);
    }

    /** A newer pass renews this one, if it is active or expired; whether it did. */
    public boolean renewedBy(String newerNumber, Actor by, Instant now) {
        if (!Set.of(PassStatus.ACTIVE, PassStatus.EXPIRED).contains(status)) {
            return false;
        }
        updatedAt = now;
        step(Transition.RENEWED, PassStatus.RENEWED, List.of(), now, by, newerNumber);
        return true;
    }

    /**
     * A card lost, stolen or replaced while the pass is on it (issue #36: no screen, and the API knew only the card of a
     * rejected order): the operator is asked to take the pass off the old card, before {@link #changeCard} loads it on
     * the new one. Nothing to take off after a rejected order.
     */
    public Optional<OperatorOrder> releaseCard(Actor by, Instant now) {
        requireStatus(PassStatus.ORDER_REJECTED, PassStatus.ORDERED, PassStatus.ACTIVE);
        return status == PassStatus.ORDER_REJECTED ? Optional.empty() : Optional.of(order(PassOrder.Action.CANCEL, now, by));
    }

    /**
     * The new card's number, and the pass ordered on it: after a rejected order (unknown card...), or once the old card
     * was released ({@link #releaseCard}).
     */
    public OperatorOrder changeCard(String cardNumber, Actor by, Instant now) {
        requireStatus(PassStatus.ORDER_REJECTED, PassStatus.ORDERED, PassStatus.ACTIVE);
        navigoCardNumber = normaliseCard(cardNumber);
        status = PassStatus.ORDERED;
        updatedAt = now;
        return order(PassOrder.Action.LOAD, now, by);
    }

    /**
     * Cancelled, at the person's request or for a reason of the section; a pass ordered or loaded is cancelled with the
     * operator too.
     *
     * @return the order to send, if any
     */
    public Optional<OperatorOrder> cancel(String reason, Actor by, Instant now) {
        requireStatus(PassStatus.REQUESTED, PassStatus.ORDERED, PassStatus.ACTIVE, PassStatus.ORDER_REJECTED);
        boolean withTheOperator = status == PassStatus.ORDERED || status == PassStatus.ACTIVE;
        status = PassStatus.CANCELLED;
        updatedAt = now;
        Optional<OperatorOrder> order = withTheOperator
                ? Optional.of(order(PassOrder.Action.CANCEL, now, by)) : Optional.empty();
        step(Transition.CANCELLED, PassStatus.CANCELLED, List.of(), now, by, reason.strip());
        return order;
    }

    /** The participation due was paid: the payment's reference. Refused when nothing waits for payment. */
    public void participationPaid(String reference, Actor by, Instant now) {
        if (participation == null || participation.due() == null || participation.due().signum() == 0
                || participation.paidAt() != null) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "Nothing to pay",
                    "The pass " + number + " has no participation waiting for payment.");
        }
        participation = new Participation(participation.due(), now, reference.strip());
        updatedAt = now;
        step(Transition.PARTICIPATION_PAID, status, List.of(), now, by, reference.strip());
    }

    /** Whether this pass has an order that waits for the operator's answer. */
    public boolean awaits(UUID orderId) {
        return orders.stream().anyMatch(o -> o.id().equals(orderId) && o.status() == OperatorOrder.State.SENT);
    }

    /**
     * The operator's answer to one of the pass's orders: the order is settled; a loaded pass becomes active, a rejected
     * load waits for a corrected card.
     *
     * @return the settled order
     */
    public OperatorOrder settle(UUID orderId, boolean done, String reason, Instant at) {
        OperatorOrder order = orders.stream().filter(o -> o.id().equals(orderId)).findFirst().orElseThrow();
        OperatorOrder settled = new OperatorOrder(order.id(), order.passId(), order.action(),
                done ? OperatorOrder.State.DONE : OperatorOrder.State.REJECTED, reason, order.orderedAt(), at);
        orders.set(orders.indexOf(order), settled);
        // Only the latest load speaks for the pass: the answer to a load on a card since replaced changes nothing.
        boolean latestLoad = orders.stream().filter(o -> o.action() == PassOrder.Action.LOAD).reduce((first, next) -> next)
                .map(o -> o.id().equals(orderId)).orElse(false);
        if (order.action() != PassOrder.Action.LOAD || status != PassStatus.ORDERED || !latestLoad) {
            return settled;
        }
        updatedAt = at;
        if (done) {
            step(Transition.ACTIVATED, PassStatus.ACTIVE, List.of(), at, null, reason);
        } else {
            step(Transition.ORDER_REJECTED, PassStatus.ORDER_REJECTED, List.of("OPERATOR_REJECTED"), at, null, reason);
        }
        return settled;
    }

    /** Its validity has ended. */
    public void expire(Instant now) {
        requireStatus(PassStatus.ACTIVE);
        updatedAt = now;
        step(Transition.EXPIRED, PassStatus.EXPIRED, List.of(), now, null, null);
    }

    /** The person is reminded, once, that the pass ends soon and may be renewed. */
    public void remindRenewal(Instant now) {
        requireStatus(PassStatus.ACTIVE);
        renewalRemindedAt = now;
        updatedAt = now;
        step(Transition.RENEWAL_DUE, PassStatus.ACTIVE, List.of(), now, null, "échéance " + decision.validUntil());
    }

    private OperatorOrder order(PassOrder.Action action, Instant now, Actor by) {
        OperatorOrder order = new OperatorOrder(UUID.randomUUID(), id, action, OperatorOrder.State.SENT, null, now, null);
        orders.add(order);
        if (action == PassOrder.Action.LOAD) {
            step(Transition.ORDERED, PassStatus.ORDERED, List.of(), now, by, navigoCardNumber.replaceAll(".(?=.{4})", "*"));
        }
        return order;
    }

    private void step(Transition transition, PassStatus next, List<String> reasons, Instant at, Actor by, String detail) {
        status = next;
        steps.add(new PassStep(transition, next, at, by == null ? null : by.label(), detail, List.copyOf(reasons)));
    }

    private void requireStatus(PassStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw Refusal.notPossibleNow("The pass " + number, status, allowed);
        }
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String receiptNumber() {
        return receiptNumber;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public String section() {
        return section;
    }

    public String navigoCardNumber() {
        return navigoCardNumber;
    }

    public String zones() {
        return zones;
    }

    public boolean receivesParisBenefit() {
        return receivesParisBenefit;
    }

    public UUID renewalOf() {
        return renewalOf;
    }

    public PassStatus status() {
        return status;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String filedBy() {
        return filedBy;
    }

    /** Null until decided. */
    public Decision decision() {
        return decision;
    }

    /** Null unless granted. */
    public Participation participation() {
        return participation;
    }

    public Instant renewalRemindedAt() {
        return renewalRemindedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<OperatorOrder> orders() {
        return List.copyOf(orders);
    }

    /** The steps taken since the pass was loaded or requested: to store and publish. */
    public List<PassStep> steps() {
        return List.copyOf(steps);
    }
}
