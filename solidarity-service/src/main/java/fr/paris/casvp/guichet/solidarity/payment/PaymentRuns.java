package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.solidarity.allowance.Allowance;
import fr.paris.casvp.guichet.solidarity.allowance.SolidarityParameters;
import fr.paris.casvp.guichet.solidarity.file.HouseholdFacts;
import fr.paris.casvp.guichet.solidarity.file.Snapshots;
import fr.paris.casvp.guichet.solidarity.file.SolidarityEvents;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.ProblemException;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly payment run (RM II.1.1): for a month, every grant that covers it gets one row in {@code psol_payment},
 * with the amount computed from that month's parameters and the beneficiary's current data in the replica: ORDERED with
 * a payment order on {@code payment-orders.v1} (through the outbox, in the same transaction), or SKIPPED with the reason
 * (not above 2 €, suspended, ended, a death, a move, more than 3 months away...).
 *
 * <p>Idempotent and crash-safe: the row's key is (grant, month), and each batch writes its rows and their orders in one
 * transaction; a run that was interrupted (process killed) is still RUNNING in {@code psol_payment_run} and resumes at
 * start-up where it stopped; running a completed month again creates nothing. Batches take a PostgreSQL advisory lock
 * on the month, so two instances never compute the same batch at once.
 */
@Service
public class PaymentRuns {

    private static final Logger log = LoggerFactory.getLogger(PaymentRuns.class);
    private static final int BATCH = 1000;
    /** The smallest uuid in PostgreSQL's order (unsigned bytes). */
    private static final UUID FIRST = new UUID(0, 0);
    static final String ISSUER = "solidarity-service";

    /** What a run did so far: every grant of the month, what was ordered (and its total), what was skipped and why. */
    public record Report(String month, String status, Instant startedAt, String startedBy, Instant completedAt, long grants,
                         long processed, long ordered, BigDecimal orderedTotal, long skipped, Map<String, Long> skippedByReason,
                         long paid, long failed) {
    }

    private record Due(UUID grantId, String number, UUID beneficiaryId, String holder, String iban, String status,
                       LocalDate statusFrom, String statusReason, String snapshot) {
    }

    private record Payment(UUID grantId, BigDecimal amount, String status, String skipReason, UUID orderId, String reference) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final Snapshots snapshots;
    private final SolidarityParameters parameters;
    private final SolidarityEvents events;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "psol-payment-run"));

    PaymentRuns(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, Snapshots snapshots,
                SolidarityParameters parameters, SolidarityEvents events, Outbox outbox, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.snapshots = snapshots;
        this.parameters = parameters;
        this.events = events;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Starts the run of a month in the background (or resumes it); a completed month is only reported. */
    public Report start(YearMonth month, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        parameters.on(month.atDay(1)).value("payment.threshold"); // 422 now rather than a failed run when the month has no parameters
        jdbc.sql("""
                        insert into psol_payment_run (month, status, started_by, started_at) values (:month, 'RUNNING', :by, :at)
                        on conflict (month) do nothing
                        """)
                .param("month", month.atDay(1)).param("by", agent.toString()).param("at", Timestamp.from(clock.instant())).update();
        Report report = report(month).orElseThrow();
        if (report.status().equals("RUNNING")) {
            runner.submit(() -> runSafely(month));
        }
        return report;
    }

    /** At start-up, the runs a stopped process left unfinished complete. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (LocalDate month : jdbc.sql("select month from psol_payment_run where status = 'RUNNING' order by month")
                .query(LocalDate.class).list()) {
            log.info("Resuming the payment run of {}", YearMonth.from(month));
            runner.submit(() -> runSafely(YearMonth.from(month)));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void runSafely(YearMonth month) {
        try {
            long started = System.nanoTime();
            int done = runToCompletion(month);
            log.info("Payment run of {}: {} grant(s) processed in {} ms", month, done, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Payment run of {} stopped; it resumes at the next start or request", month, e);
        }
    }

    /** Processes every grant of the month not processed yet, batch by batch, then marks the run completed. */
    public int runToCompletion(YearMonth month) {
        Allowance.Parameters monthParameters = parameters.on(month.atDay(1));
        int total = 0;
        UUID after = FIRST;
        while (!Thread.currentThread().isInterrupted()) {
            UUID from = after;
            List<Due> batch = transactions.execute(status -> {
                List<Due> due = due(month, from);
                write(month, due, monthParameters);
                return due;
            });
            if (batch.isEmpty()) {
                break;
            }
            total += batch.size();
            after = batch.get(batch.size() - 1).grantId();
        }
        jdbc.sql("update psol_payment_run set status = 'COMPLETED', completed_at = :at where month = :month and status = 'RUNNING'")
                .param("at", Timestamp.from(clock.instant())).param("month", month.atDay(1)).update();
        return total;
    }

    private List<Due> due(YearMonth month, UUID after) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "psol-payment-run:" + month)
                .query(Object.class).single();
        return jdbc.sql("""
                        select g.id, g.number, g.beneficiary_id, g.payee_account_holder, g.payee_iban, g.status, g.status_from,
                               g.status_reason, r.snapshot::text
                          from psol_grant g
                          left join beneficiary_replica r on r.beneficiary_id = g.beneficiary_id::text and not r.erased
                         where g.first_month <= :month and g.last_month >= :month and g.id > :after
                           and not exists (select 1 from psol_payment p where p.grant_id = g.id and p.month = :month)
                         order by g.id limit :batch
                        """)
                .param("month", month.atDay(1)).param("after", after).param("batch", BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    private void write(YearMonth month, List<Due> due, Allowance.Parameters monthParameters) {
        Map<UUID, BeneficiarySnapshot> people = new HashMap<>();
        for (Due d : due) {
            if (d.snapshot() != null) {
                people.put(d.beneficiaryId(), snapshots.parse(d.snapshot()));
            }
        }
        Map<UUID, BeneficiarySnapshot> partners = partners(people.values());
        Instant now = clock.instant();
        List<Payment> payments = new ArrayList<>(due.size());
        List<OutboxEvent> orders = new ArrayList<>();
        for (Due d : due) {
            Payment payment = payment(month, d, people.get(d.beneficiaryId()), partners, monthParameters);
            payments.add(payment);
            if (payment.orderId() != null) {
                String beneficiary = events.treasuryPseudonym(d.beneficiaryId());
                PaymentOrder order = new PaymentOrder(payment.orderId(), payment.reference(), ISSUER, beneficiary,
                        new PaymentOrder.Payee(PaymentOrder.PayeeKind.BENEFICIARY, d.holder(), d.iban()), payment.amount(), "EUR",
                        "CASVP PARIS SOLIDARITE " + month.format(DateTimeFormatter.ofPattern("MM/yyyy")), now);
                orders.add(new OutboxEvent(UUID.randomUUID(), Topic.PAYMENT_ORDERS.topicName(), beneficiary, PaymentOrder.TYPE,
                        "solidarity/payments/" + payment.orderId(), now, json.writeValueAsString(order)));
            }
        }
        jdbcTemplate.batchUpdate("""
                        insert into psol_payment (grant_id, month, amount, status, skip_reason, order_id, reference, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """, payments, payments.size(), (statement, p) -> {
            statement.setObject(1, p.grantId());
            statement.setObject(2, month.atDay(1));
            statement.setBigDecimal(3, p.amount());
            statement.setString(4, p.status());
            statement.setString(5, p.skipReason());
            statement.setObject(6, p.orderId());
            statement.setString(7, p.reference());
            statement.setTimestamp(8, Timestamp.from(now));
        });
        outbox.addAll(orders);
    }

    private Payment payment(YearMonth month, Due d, BeneficiarySnapshot person, Map<UUID, BeneficiarySnapshot> partners,
                            Allowance.Parameters monthParameters) {
        LocalDate firstDay = month.atDay(1);
        if (!d.status().equals("ACTIVE") && d.statusFrom() != null && !d.statusFrom().isAfter(firstDay)) {
            return skipped(d, BigDecimal.ZERO, d.status() + (d.statusReason() == null ? "" : ":" + d.statusReason()));
        }
        if (person == null || person.situation() == null) {
            return skipped(d, BigDecimal.ZERO, "BENEFICIARY_UNKNOWN");
        }
        Optional<UUID> partnerId = HouseholdFacts.partnerOf(person);
        BeneficiarySnapshot partner = partnerId.map(partners::get).orElse(null);
        HouseholdFacts facts = HouseholdFacts.of(person, partner, partnerId.isPresent() && partner == null, month);
        if (!facts.stops().isEmpty()) {
            return skipped(d, BigDecimal.ZERO, String.join(",", facts.stops()));
        }
        Allowance.Result result = Allowance.compute(facts.household(), monthParameters);
        if (result.monthlyAmount().signum() == 0) {
            BigDecimal computed = result.ceiling() == null ? BigDecimal.ZERO
                    : result.ceiling().subtract(result.countedResources()).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            return skipped(d, computed, String.join(",", result.reasons()));
        }
        return new Payment(d.grantId(), result.monthlyAmount(), "ORDERED", null, UUID.randomUUID(),
                d.number() + "-" + month.format(DateTimeFormatter.ofPattern("yyyyMM")));
    }

    private static Payment skipped(Due d, BigDecimal amount, String reason) {
        return new Payment(d.grantId(), amount, "SKIPPED", reason, null, null);
    }

    private Map<UUID, BeneficiarySnapshot> partners(Iterable<BeneficiarySnapshot> people) {
        List<String> ids = new ArrayList<>();
        for (BeneficiarySnapshot person : people) {
            HouseholdFacts.partnerOf(person).ifPresent(id -> ids.add(id.toString()));
        }
        Map<UUID, BeneficiarySnapshot> partners = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select beneficiary_id, snapshot::text from beneficiary_replica where beneficiary_id in (:ids) and not erased")
                    .param("ids", ids)
                    .query((rs, n) -> partners.put(UUID.fromString(rs.getString(1)), snapshots.parse(rs.getString(2)))).list();
        }
        return partners;
    }

    public Optional<Report> report(YearMonth month) {
        LocalDate m = month.atDay(1);
        return jdbc.sql("select * from psol_payment_run where month = :month").param("month", m).query((rs, n) -> {
            Map<String, Long> reasons = new LinkedHashMap<>();
            jdbc.sql("""
                            select skip_reason, count(*) from psol_payment where month = :month and status = 'SKIPPED'
                             group by skip_reason order by count(*) desc, skip_reason
                            """).param("month", m).query((r, i) -> reasons.put(r.getString(1), r.getLong(2))).list();
            var counts = jdbc.sql("""
                            select count(*), count(*) filter (where status <> 'SKIPPED'),
                                   coalesce(sum(amount) filter (where status <> 'SKIPPED'), 0),
                                   count(*) filter (where status = 'SKIPPED'), count(*) filter (where status = 'PAID'),
                                   count(*) filter (where status = 'FAILED')
                              from psol_payment where month = :month
                            """).param("month", m)
                    .query((r, i) -> new long[] {r.getLong(1), r.getLong(2), r.getBigDecimal(3).movePointRight(2).longValueExact(),
                            r.getLong(4), r.getLong(5), r.getLong(6)}).single();
            long grants = jdbc.sql("select count(*) from psol_grant where first_month <= :month and last_month >= :month")
                    .param("month", m).query(Long.class).single();
            return new Report(month.toString(), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                    rs.getString("started_by"), rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
                    grants, counts[0], counts[1], BigDecimal.valueOf(counts[2], 2), counts[3], reasons, counts[4], counts[5]);
        }).optional();
    }

    /** The treasury's answer to one of this service's orders; another issuer's is ignored; a second answer changes nothing. */
    /**
     * The treasury's answer to one of this service's monthly payments; another issuer's, or an answer already applied,
     * is ignored.
     *
     * @return why it does not match its order (then nothing is changed: the caller parks it); empty when applied or ignored
     */
    @Transactional
    public PartnerAnswer settle(PaymentConfirmation confirmation) {
        var order = jdbc.sql("select reference, amount, created_at from psol_payment where order_id = :id and status = 'ORDERED' for update")
                .param("id", confirmation.orderId())
                .query((rs, n) -> new OrderedPayment(rs.getString("reference"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
        if (order.isEmpty()) {
            return PartnerAnswer.ignored();
        }
        List<String> mismatches = confirmation.mismatches(order.get().reference(), order.get().amount(), order.get().orderedAt(),
                clock.instant());
        if (!mismatches.isEmpty()) {
            return PartnerAnswer.parked(order.get().reference(), mismatches);
        }
        boolean paid = confirmation.status() == PaymentConfirmation.Status.PAID;
        jdbc.sql("""
                        update psol_payment set status = :status, failure_reason = :reason, settled_at = :at
                         where order_id = :id and status = 'ORDERED'
                        """)
                .param("status", confirmation.status().name()).param("reason", paid ? null : confirmation.reason())
                .param("at", Timestamp.from(confirmation.settledAt())).param("id", confirmation.orderId())
                .update();
        return PartnerAnswer.applied(order.get().reference());
    }

    private record OrderedPayment(String reference, BigDecimal amount, Instant orderedAt) {
    }

    static ProblemException notStarted(YearMonth month) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No run", "No payment run for " + month + ".");
    }
}
