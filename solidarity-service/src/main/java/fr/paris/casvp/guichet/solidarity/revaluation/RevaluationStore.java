package fr.paris.casvp.guichet.solidarity.revaluation;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.solidarity.domain.Grant;
import fr.paris.casvp.guichet.solidarity.domain.MonthlyPayment;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a new figure changes: the grants in
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
}
