package fr.paris.casvp.guichet.housing.payment;

import fr.paris.casvp.guichet.monthlyrun.IdSlice;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The monthly payments and the runs, in the tables of {@code V1__housing.sql}. */
@Repository
public class PaymentStore {

    /** A grant due for a month: its file, the amount, who is paid. */
    record Due(UUID fileId, String fileNumber, UUID beneficiaryId, BigDecimal amount, String accountHolder, String iban) {
    }

    /** A batch of a slice: the grants to pay, and the last id read, after which the next batch starts (null: none read). */
    record Batch(List<Due> due, UUID lastRead) {
    }

    /** An order waiting for the treasury's answer. */
    record Ordered(UUID orderId, String reference, BigDecimal amount, Instant orderedAt) {
    }

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A file's payments, the latest month first. */
    public List<MonthlyPayment> ofFile(UUID fileId) {
        return jdbc.sql("select * from housing_payment where file_id = :id order by month desc").param("id", fileId)
                .query((rs, n) -> payment(rs)).list();
    }

    /** Records the run of a month, once; a month already started keeps its first record. */
    void startRun(YearMonth month, String by, Instant at) {
        jdbc.sql("""
                        insert into housing_payment_run (month, started_by, started_at) values (:month, :by, :at)
                        on conflict (month) do nothing
                        """).param("month", month.toString()).param("by", by).param("at", Timestamp.from(at)).update();
    }

    void completeRun(YearMonth month, Instant at) {
        jdbc.sql("update housing_payment_run set completed_at = :at where month = :month and completed_at is null")
                .param("at", Timestamp.from(at)).param("month", month.toString()).update();
    }

    /** The months whose run was started and not completed (a stopped or killed instance). */
    List<YearMonth> unfinishedRuns() {
        return jdbc.sql("select month from housing_payment_run where completed_at is null order by month").query(String.class).list()
                .stream().map(YearMonth::parse).toList();
    }

    /**
     * The grants of the slice that cover the month, from {@code from} on, in id order, at most {@code size} read, with
     * those already paid that month left out (read under the slice's lock, which the run takes).
     */
    Batch due(YearMonth month, IdSlice slice, UUID from, int size) {
        List<Due> read = jdbc.sql("""
                        select f.id, f.number, f.beneficiary_id, f.monthly_amount, f.account_holder, f.iban from housing_file f
                         where f.id >= :from and f.id <= :last
                           and f.status = 'GRANTED' and f.valid_from <= :first and f.valid_until >= :lastDay
                         order by f.id limit :size
                        """)
                .param("from", from).param("last", slice.last()).param("first", month.atDay(1)).param("lastDay", month.atEndOfMonth())
                .param("size", size)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("beneficiary_id", UUID.class), rs.getBigDecimal("monthly_amount"), rs.getString("account_holder"),
                        rs.getString("iban"))).list();
        if (read.isEmpty()) {
            return new Batch(List.of(), null);
        }
        Set<UUID> paid = new HashSet<>(jdbc.sql("select file_id from housing_payment where month = :month and file_id = any(:ids)")
                .param("month", month.toString()).param("ids", read.stream().map(Due::fileId).toArray(UUID[]::new))
                .query(UUID.class).list());
        return new Batch(read.stream().filter(d -> !paid.contains(d.fileId())).toList(), read.get(read.size() - 1).fileId());
    }

    void insert(UUID orderId, UUID fileId, YearMonth month, String reference, BigDecimal amount, Instant at) {
        jdbc.sql("""
                        insert into housing_payment (order_id, file_id, month, reference, amount, status, ordered_at)
                        values (:id, :file, :month, :reference, :amount, 'ORDERED', :at)
                        """)
                .param("id", orderId).param("file", fileId).param("month", month.toString()).param("reference", reference)
                .param("amount", amount).param("at", Timestamp.from(at)).update();
    }

    /** Whether this service ordered the order of that id (the treasury's answers to other services' orders are passed by). */
    boolean ordered(UUID orderId) {
        return jdbc.sql("select exists (select 1 from housing_payment where order_id = :id)").param("id", orderId).query(Boolean.class).single();
    }

    /** The order, locked until the end of the transaction, when it still waits for its answer. */
    Optional<Ordered> lockOrdered(UUID orderId) {
        return jdbc.sql("select * from housing_payment where order_id = :id and status = 'ORDERED' for update")
                .param("id", orderId).query((rs, n) -> new Ordered(rs.getObject("order_id", UUID.class), rs.getString("reference"),
                        rs.getBigDecimal("amount"), rs.getTimestamp("ordered_at").toInstant())).optional();
    }

    void settle(UUID orderId, boolean paid, String reason, Instant at) {
        jdbc.sql("update housing_payment set status = :status, reason = :reason, settled_at = :at where order_id = :id")
                .param("status", paid ? "PAID" : "FAILED").param("reason", reason).param("at", Timestamp.from(at))
                .param("id", orderId).update();
    }

    /** What the run of a month did: empty when it was never started. */
    Optional<RunReport> report(YearMonth month) {
        return jdbc.sql("""
                        select r.month, r.started_by, r.started_at, r.completed_at,
                               count(p.order_id) as payments, coalesce(sum(p.amount), 0) as total,
                               count(*) filter (where p.status = 'PAID') as paid, count(*) filter (where p.status = 'FAILED') as failed
                          from housing_payment_run r left join housing_payment p on p.month = r.month
                         where r.month = :month group by r.month, r.started_by, r.started_at, r.completed_at
                        """).param("month", month.toString())
                .query((rs, n) -> new RunReport(rs.getString("month"), rs.getTimestamp("completed_at") == null ? "RUNNING" : "COMPLETED",
                        rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), instant(rs, "completed_at"),
                        rs.getInt("payments"), rs.getBigDecimal("total"), rs.getInt("paid"), rs.getInt("failed"))).optional();
    }

    private static MonthlyPayment payment(ResultSet rs) throws SQLException {
        return new MonthlyPayment(rs.getString("month"), rs.getString("reference"), rs.getBigDecimal("amount"),
                rs.getString("status"), rs.getString("reason"), rs.getTimestamp("ordered_at").toInstant(), instant(rs, "settled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
