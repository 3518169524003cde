package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.monthlyrun.IdSlice;
import fr.paris.casvp.guichet.solidarity.domain.Grant;
import fr.paris.casvp.guichet.solidarity.domain.MonthlyPayment;
import fr.paris.casvp.guichet.solidarity.domain.PaymentRunReport;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly payment runs in the tables of {@code V1__solidarity.sql}: a run per month ({@code psol_payment_run}), a
 * payment per grant and month ({@code psol_payment}, whose key makes a month's payment once), and the grants due with
 * their beneficiaries' snapshots, read from the replica in the same query.
 */
@Repository
class PaymentStore {

    /** A grant due in the month, and its beneficiary's latest snapshot (null when the replica does not hold them). */
    record DueWithPerson(MonthlyPayment.Due due, BeneficiarySnapshot person) {
    }

    /** A batch of a slice: the grants to pay, and the last id read, after which the next batch starts (null: none read). */
    record Batch(List<DueWithPerson> due, UUID lastRead) {
    }

    /** A payment ordered and not answered yet. */
    record Ordered(String reference, BigDecimal amount, Instant orderedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ObjectReader snapshots;

    PaymentStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.snapshots = json.readerFor(BeneficiarySnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Records the run of the month as RUNNING, unless it exists. */
    void startRun(YearMonth month, String startedBy, Instant at) {
        jdbc.sql("""
                        insert into psol_payment_run (month, status, started_by, started_at) values (:month, 'RUNNING', :by, :at)
                        on conflict (month) do nothing
                        """)
                .param("month", month.atDay(1)).param("by", startedBy).param("at", Timestamp.from(at)).update();
    }

    void completeRun(YearMonth month, Instant at) {
        jdbc.sql("update psol_payment_run set status = 'COMPLETED', completed_at = :at where month = :month and status = 'RUNNING'")
                .param("at", Timestamp.from(at)).param("month", month.atDay(1)).update();
    }

    /** The month of the latest payment run, if there was one. */
    Optional<YearMonth> latestRun() {
        return jdbc.sql("select max(month) from psol_payment_run").query(LocalDate.class).optional().map(YearMonth::from);
    }

    /** The months whose run a stopped process left unfinished. */
    List<YearMonth> unfinishedRuns() {
        return jdbc.sql("select month from psol_payment_run where status = 'RUNNING' order by month")
                .query(LocalDate.class).list().stream().map(YearMonth::from).toList();
    }

    /**
     * The grants of the month in this slice from {@code from} on, in id order (read under the slice's lock, taken by the
     * run: two runners, of this instance or another, never compute the same batch at once), with those already paid this
     * month left out.
     *
     * <p>The grants are read by their key, then their payments looked up by key: a query joining the month's payments
     * was planned as a hash of all of them once the table grew, each batch then costing as much as the month so far.
     *
     * @return the grants due, and the last id read (the next batch starts after it), empty when the slice is done
     */
    Batch due(YearMonth month, IdSlice range, UUID from, int size) {
        List<DueWithPerson> read = jdbc.sql("""
                        select g.id, g.number, g.beneficiary_id, g.payee_account_holder, g.payee_iban, g.status, g.status_from,
                               g.status_reason, r.snapshot::text
                          from psol_grant g
                          left join beneficiary_replica r on r.beneficiary_id = g.beneficiary_id::text and not r.erased
                         where g.id >= :from and g.id <= :last and g.first_month <= :month and g.last_month >= :month
                         order by g.id limit :size
                        """)
                .param("month", month.atDay(1)).param("from", from).param("last", range.last()).param("size", size)
                .query((rs, n) -> new DueWithPerson(new MonthlyPayment.Due(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), Grant.Status.valueOf(rs.getString(6)),
                        rs.getObject(7, LocalDate.class), rs.getString(8)),
                        rs.getString(9) == null ? null : snapshots.readValue(rs.getString(9))))
                .list();
        if (read.isEmpty()) {
            return new Batch(List.of(), null);
        }
        Set<UUID> paid = new HashSet<>(jdbc.sql("select grant_id from psol_payment where month = :month and grant_id = any(:ids)")
                .param("month", month.atDay(1)).param("ids", read.stream().map(d -> d.due().grantId()).toArray(UUID[]::new))
                .query(UUID.class).list());
        return new Batch(paid.isEmpty() ? read : read.stream().filter(d -> !paid.contains(d.due().grantId())).toList(),
                read.get(read.size() - 1).due().grantId());
    }

    /** The latest snapshots of these beneficiaries (the partners of a batch), in one query. */
    Map<UUID, BeneficiarySnapshot> snapshots(Collection<UUID> ids) {
        Map<UUID, BeneficiarySnapshot> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select beneficiary_id, snapshot::text from beneficiary_replica where beneficiary_id in (:ids) and not erased")
                    .param("ids", ids.stream().map(UUID::toString).toList())
                    .query((rs, n) -> found.put(UUID.fromString(rs.getString(1)), snapshots.readValue(rs.getString(2)))).list();
        }
        return found;
    }

    /** The arrears (positive) and overpayments (negative) not paid yet of these grants, summed by grant. */
    Map<UUID, BigDecimal> pendingAdjustments(Collection<UUID> grants) {
        Map<UUID, BigDecimal> pending = new HashMap<>();
        if (!grants.isEmpty()) {
            jdbc.sql("""
                            select grant_id, sum(difference) from psol_adjustment
                             where grant_id in (:grants) and settled_month is null group by grant_id
                            """)
                    .param("grants", grants)
                    .query((rs, n) -> pending.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).list();
        }
        return pending;
    }

    /** The adjustments of these grants, paid with the month's payment. */
    void settleAdjustments(Collection<UUID> grants, YearMonth month) {
        if (!grants.isEmpty()) {
            jdbc.sql("update psol_adjustment set settled_month = :month where grant_id in (:grants) and settled_month is null")
                    .param("month", month.atDay(1)).param("grants", grants).update();
        }
    }

    /** Records a batch's payments, in one statement; {@code adjustments}: what each carries besides its month. */
    void insert(YearMonth month, List<MonthlyPayment> payments, Map<UUID, BigDecimal> adjustments, Instant at) {
        jdbcTemplate.batchUpdate("""
                        insert into psol_payment (grant_id, month, amount, status, skip_reason, order_id, reference, created_at,
                                                  adjustments)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, payments, payments.size(), (statement, p) -> {
            statement.setObject(1, p.grantId());
            statement.setObject(2, month.atDay(1));
            statement.setBigDecimal(3, p.amount());
            statement.setString(4, p.status().name());
            statement.setString(5, p.skipReason());
            statement.setObject(6, p.orderId());
            statement.setString(7, p.reference());
            statement.setTimestamp(8, Timestamp.from(at));
            statement.setBigDecimal(9, adjustments.getOrDefault(p.grantId(), BigDecimal.ZERO));
        });
    }

    /** Whether this service ordered the order of that id (the treasury's answers to other services' orders are passed by). */
    boolean ordered(UUID orderId) {
        return jdbc.sql("select exists (select 1 from psol_payment where order_id = :id)").param("id", orderId).query(Boolean.class).single();
    }

    /** The payment of this order, if it waits for the treasury's answer, locked. */
    Optional<Ordered> lockOrdered(UUID orderId) {
        return jdbc.sql("select reference, amount, created_at from psol_payment where order_id = :id and status = 'ORDERED' for update")
                .param("id", orderId)
                .query((rs, n) -> new Ordered(rs.getString("reference"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** The treasury's answer: PAID, or FAILED with its reason. */
    void settle(UUID orderId, MonthlyPayment.Status status, String failureReason, Instant at) {
        jdbc.sql("""
                        update psol_payment set status = :status, failure_reason = :reason, settled_at = :at
                         where order_id = :id and status = 'ORDERED'
                        """)
                .param("status", status.name()).param("reason", failureReason).param("at", Timestamp.from(at))
                .param("id", orderId).update();
    }

    /** What the run of the month did so far; empty when it was never started. */
    Optional<PaymentRunReport> report(YearMonth month) {
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
            return new PaymentRunReport(month.toString(), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                    rs.getString("started_by"), rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
                    grants, counts[0], counts[1], BigDecimal.valueOf(counts[2], 2), counts[3], reasons, counts[4], counts[5]);
        }).optional();
    }
}
