package fr.paris.casvp.guichet.solidarity.revaluation;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.solidarity.domain.Grant;
import fr.paris.casvp.guichet.solidarity.domain.MonthlyPayment;
import fr.paris.casvp.guichet.solidarity.domain.Proposal;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proposals of new figures ({@code solidarity_parameter_proposal}), and what a new figure changes: the grants in
 * force and the applications still open, with their beneficiaries' snapshots, and the payments already made from its
 * effective date, which become arrears or overpayments ({@code psol_adjustment}).
 */
@Repository
class RevaluationStore {

    /** A grant in force, as the payment run computes it, with its section and its beneficiary's snapshot. */
    record GrantInForce(String section, MonthlyPayment.Due due, BeneficiarySnapshot person) {
    }

    /** An application not decided yet: its section, the month it was received and its beneficiary's snapshot. */
    record OpenApplication(String section, YearMonth month, BeneficiarySnapshot person) {
    }

    /** A month already run for a grant: what was paid for the month itself (adjustments of it included). */
    record PaidMonth(GrantInForce grant, YearMonth month, BigDecimal paid) {
    }

    private static final String GRANT_COLUMNS = """
            g.section, g.id, g.number, g.beneficiary_id, g.payee_account_holder, g.payee_iban, g.status, g.status_from,
            g.status_reason, r.snapshot::text as snapshot
            """;

    private final JdbcClient jdbc;
    private final ObjectReader snapshots;

    RevaluationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.snapshots = json.readerFor(BeneficiarySnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    void insert(Proposal proposal) {
        jdbc.sql("""
                        insert into solidarity_parameter_proposal (id, name, effective_from, value, source, status, proposed_by,
                                                                   proposed_at)
                        values (:id, :name, :from, :value, :source, :status, :by, :at)
                        """)
                .param("id", proposal.id()).param("name", proposal.name()).param("from", proposal.effectiveFrom())
                .param("value", proposal.value()).param("source", proposal.source()).param("status", proposal.status().name())
                .param("by", proposal.proposedBy()).param("at", Timestamp.from(proposal.proposedAt())).update();
    }

    void update(Proposal proposal) {
        jdbc.sql("""
                        update solidarity_parameter_proposal
                           set status = :status, decided_by = :by, decided_at = :at, applied_at = :applied where id = :id
                        """)
                .param("status", proposal.status().name()).param("by", proposal.decidedBy())
                .param("at", proposal.decidedAt() == null ? null : Timestamp.from(proposal.decidedAt()))
                .param("applied", proposal.appliedAt() == null ? null : Timestamp.from(proposal.appliedAt()))
                .param("id", proposal.id()).update();
    }

    Optional<Proposal> lock(UUID id) {
        return jdbc.sql("select * from solidarity_parameter_proposal where id = :id for update").param("id", id)
                .query((rs, n) -> proposal(rs)).optional();
    }

    Optional<Proposal> find(UUID id) {
        return jdbc.sql("select * from solidarity_parameter_proposal where id = :id").param("id", id)
                .query((rs, n) -> proposal(rs)).optional();
    }

    /** The latest first; only those of a status when one is given. */
    List<Proposal> list(Proposal.Status status) {
        return jdbc.sql("""
                        select * from solidarity_parameter_proposal where (:status::text is null or status = :status)
                         order by proposed_at desc limit 200
                        """)
                .param("status", status == null ? null : status.name()).query((rs, n) -> proposal(rs)).list();
    }

    /** Approved values whose effective date has come and whose consequences were not applied yet, oldest first, locked. */
    List<Proposal> dueToApply(LocalDate today) {
        return jdbc.sql("""
                        select * from solidarity_parameter_proposal
                         where status = 'APPROVED' and applied_at is null and effective_from <= :today
                         order by effective_from, decided_at for update skip locked
                        """)
                .param("today", today).query((rs, n) -> proposal(rs)).list();
    }

    /** The active grants covering the month. */
    List<GrantInForce> grantsInForce(YearMonth month) {
        return jdbc.sql("select " + GRANT_COLUMNS + """
                          from psol_grant g
                          left join beneficiary_replica r on r.beneficiary_id = g.beneficiary_id::text and not r.erased
                         where g.status = 'ACTIVE' and g.first_month <= :month and g.last_month >= :month
                        """)
                .param("month", month.atDay(1)).query((rs, n) -> grant(rs)).list();
    }

    /** Applications received or under examination, received on or after {@code from} (Paris). */
    List<OpenApplication> openApplications(LocalDate from) {
        return jdbc.sql("""
                        select a.section, a.received_at, r.snapshot::text as snapshot
                          from psol_application a
                          left join beneficiary_replica r on r.beneficiary_id = a.beneficiary_id::text and not r.erased
                         where a.status in ('RECEIVED', 'UNDER_EXAMINATION') and a.received_at >= :from
                        """)
                .param("from", Timestamp.from(from.atStartOfDay(ParisTime.ZONE).toInstant()))
                .query((rs, n) -> new OpenApplication(rs.getString("section"),
                        YearMonth.from(ParisTime.dateOf(rs.getTimestamp("received_at").toInstant())), snapshot(rs)))
                .list();
    }

    /**
     * The months already run from {@code from} on (a failed payment was not paid: left out), with what was paid for
     * each month itself: its payment without the adjustments it carried, plus the adjustments already made for it.
     */
    List<PaidMonth> paidSince(LocalDate from) {
        return jdbc.sql("select " + GRANT_COLUMNS + """
                             , p.month,
                               case when p.status = 'SKIPPED' then 0 else p.amount - p.adjustments end
                               + coalesce((select sum(a.difference) from psol_adjustment a
                                            where a.grant_id = p.grant_id and a.month = p.month), 0) as paid
                          from psol_payment p
                          join psol_grant g on g.id = p.grant_id
                          left join beneficiary_replica r on r.beneficiary_id = g.beneficiary_id::text and not r.erased
                         where p.month >= :from and p.status <> 'FAILED'
                        """)
                .param("from", from.withDayOfMonth(1))
                .query((rs, n) -> new PaidMonth(grant(rs), YearMonth.from(rs.getObject("month", LocalDate.class)),
                        rs.getBigDecimal("paid")))
                .list();
    }

    /** An arrear (positive) or an overpayment (negative) of a month, paid or deducted by the grant's next run. */
    void addAdjustment(UUID grantId, YearMonth month, BigDecimal paid, BigDecimal due, String reason, Instant at) {
        jdbc.sql("""
                        insert into psol_adjustment (id, grant_id, month, paid, due, difference, reason, created_at)
                        values (:id, :grant, :month, :paid, :due, :difference, :reason, :at)
                        on conflict (grant_id, month, reason) do nothing
                        """)
                .param("id", UUID.randomUUID()).param("grant", grantId).param("month", month.atDay(1)).param("paid", paid)
                .param("due", due).param("difference", due.subtract(paid)).param("reason", reason)
                .param("at", Timestamp.from(at)).update();
    }

    private GrantInForce grant(ResultSet rs) throws SQLException {
        return new GrantInForce(rs.getString("section"), new MonthlyPayment.Due(rs.getObject("id", UUID.class),
                rs.getString("number"), rs.getObject("beneficiary_id", UUID.class), rs.getString("payee_account_holder"),
                rs.getString("payee_iban"), Grant.Status.valueOf(rs.getString("status")),
                rs.getObject("status_from", LocalDate.class), rs.getString("status_reason")), snapshot(rs));
    }

    private BeneficiarySnapshot snapshot(ResultSet rs) throws SQLException {
        String snapshot = rs.getString("snapshot");
        return snapshot == null ? null : snapshots.readValue(snapshot);
    }

    private static Proposal proposal(ResultSet rs) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        Timestamp appliedAt = rs.getTimestamp("applied_at");
        return new Proposal(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("effective_from", LocalDate.class),
                rs.getBigDecimal("value"), rs.getString("source"), Proposal.Status.valueOf(rs.getString("status")),
                rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), appliedAt == null ? null : appliedAt.toInstant());
    }
}
