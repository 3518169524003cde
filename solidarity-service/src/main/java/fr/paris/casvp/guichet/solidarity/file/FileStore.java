package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.solidarity.domain.Application;
import fr.paris.casvp.guichet.solidarity.domain.Change;
import fr.paris.casvp.guichet.solidarity.domain.Grant;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Paris Solidarité files in the tables of {@code V1__solidarity.sql}: applications, their grants, and the history of
 * both ({@code psol_step}, on the application).
 */
@Repository
class FileStore {

    private final JdbcClient jdbc;

    FileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code <kind>-<year>-<6 digits>}: PS for an application, PSG for a grant, in order within the year. */
    String nextNumber(String kind, int year) {
        int last = jdbc.sql("""
                        insert into psol_counter (kind, year, last) values (:kind, :year, 1)
                        on conflict (kind, year) do update set last = psol_counter.last + 1 returning last
                        """)
                .param("kind", kind).param("year", year).query(Integer.class).single();
        return "%s-%d-%06d".formatted(kind, year, last);
    }

    void insert(Application a) {
        jdbc.sql("""
                        insert into psol_application (id, number, receipt_number, beneficiary_id, section, renewal,
                            payee_account_holder, payee_iban, status, received_at, filed_by, filed_at, updated_at)
                        values (:id, :number, :receipt, :beneficiary, :section, :renewal, :holder, :iban, :status,
                            :receivedAt, :by, :now, :now)
                        """)
                .param("id", a.id()).param("number", a.number()).param("receipt", a.receiptNumber())
                .param("beneficiary", a.beneficiaryId()).param("section", a.section()).param("renewal", a.renewal())
                .param("holder", a.accountHolder()).param("iban", a.iban()).param("status", a.status().name())
                .param("receivedAt", Timestamp.from(a.receivedAt())).param("by", a.filedBy())
                .param("now", Timestamp.from(a.updatedAt()))
                .update();
        addSteps(a.changes());
    }

    void save(Application a) {
        jdbc.sql("""
                        update psol_application set status = :status, examined_by = :examinedBy, examined_at = :examinedAt,
                               assessment = :assessment, decided_by = :decidedBy, decided_at = :decidedAt,
                               refusal_reasons = :reasons, refusal_text = :text, updated_at = :updatedAt
                         where id = :id
                        """)
                .param("status", a.status().name()).param("examinedBy", a.examinedBy())
                .param("examinedAt", timestamp(a.examinedAt())).param("assessment", a.assessment())
                .param("decidedBy", a.decidedBy()).param("decidedAt", timestamp(a.decidedAt()))
                .param("reasons", a.refusalReasons().isEmpty() ? null : String.join(",", a.refusalReasons()))
                .param("text", a.refusalText()).param("updatedAt", timestamp(a.updatedAt())).param("id", a.id())
                .update();
        addSteps(a.changes());
    }

    /** @param lock whether to lock the application until the end of the transaction: its steps happen one at a time */
    Optional<Application> find(UUID id, boolean lock) {
        return jdbc.sql("select * from psol_application where id = :id" + (lock ? " for update" : "")).param("id", id)
                .query(this::application).optional();
    }

    /** A section's applications (every section's when null), newest first, 200 at most. */
    List<Application> search(String section, UUID beneficiaryId, String status) {
        return jdbc.sql("""
                        select * from psol_application
                         where (cast(:section as text) is null or section = :section)
                           and (cast(:beneficiary as uuid) is null or beneficiary_id = :beneficiary)
                           and (cast(:status as text) is null or status = :status)
                         order by received_at desc limit 200
                        """)
                .param("section", section).param("beneficiary", beneficiaryId).param("status", status)
                .query(this::application).list();
    }

    /** The last month of the beneficiary's grant that still runs (active or suspended) in {@code month} or later. */
    Optional<LocalDate> runningGrantUntil(UUID beneficiaryId, LocalDate month) {
        return jdbc.sql("""
                        select last_month from psol_grant
                         where beneficiary_id = :b and status in ('ACTIVE', 'SUSPENDED') and last_month >= :month
                         order by last_month desc limit 1
                        """).param("b", beneficiaryId).param("month", month)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** How many grants the beneficiary has had. */
    long grantsOf(UUID beneficiaryId) {
        return jdbc.sql("select count(*) from psol_grant where beneficiary_id = :b").param("b", beneficiaryId)
                .query(Long.class).single();
    }

    void insert(Grant g) {
        jdbc.sql("""
                        insert into psol_grant (id, number, application_id, beneficiary_id, section, payee_account_holder, payee_iban,
                            first_month, last_month, status, monthly_amount, last_snapshot_version, granted_by, granted_at)
                        values (:id, :number, :application, :beneficiary, :section, :holder, :iban, :first, :last, :status,
                            :amount, :version, :by, :at)
                        """)
                .param("id", g.id()).param("number", g.number()).param("application", g.applicationId())
                .param("beneficiary", g.beneficiaryId()).param("section", g.section()).param("holder", g.accountHolder())
                .param("iban", g.iban()).param("first", g.firstMonth()).param("last", g.lastMonth())
                .param("status", g.status().name()).param("amount", g.monthlyAmount()).param("version", g.lastSnapshotVersion())
                .param("by", g.grantedBy()).param("at", Timestamp.from(g.grantedAt()))
                .update();
    }

    void save(Grant g) {
        jdbc.sql("""
                        update psol_grant set status = :status, status_from = :from, status_reason = :reason,
                               monthly_amount = :amount, last_snapshot_version = :version, renewal_reminded_at = :reminded
                         where id = :id
                        """)
                .param("status", g.status().name()).param("from", g.statusFrom()).param("reason", g.statusReason())
                .param("amount", g.monthlyAmount()).param("version", g.lastSnapshotVersion())
                .param("reminded", timestamp(g.renewalRemindedAt())).param("id", g.id())
                .update();
        addSteps(g.changes());
    }

    /** What the decision computed for a grant, for its letter; empty for a grant decided before it was kept. */
    record DecisionFigures(String category, BigDecimal ceiling, BigDecimal declared, BigDecimal counted, BigDecimal floor,
                           BigDecimal amount) {
    }

    void recordFigures(UUID grantId, DecisionFigures f) {
        jdbc.sql("""
                        update psol_grant set category = :category, ceiling = :ceiling, declared_resources = :declared,
                               counted_resources = :counted, resource_floor = :floor, granted_amount = :amount
                         where id = :id
                        """)
                .param("id", grantId).param("category", f.category()).param("ceiling", f.ceiling())
                .param("declared", f.declared()).param("counted", f.counted()).param("floor", f.floor())
                .param("amount", f.amount()).update();
    }

    Optional<DecisionFigures> figuresOf(UUID grantId) {
        return jdbc.sql("""
                        select category, ceiling, declared_resources, counted_resources, resource_floor, granted_amount
                          from psol_grant where id = :id and granted_amount is not null
                        """).param("id", grantId)
                .query((rs, n) -> new DecisionFigures(rs.getString("category"), rs.getBigDecimal("ceiling"),
                        rs.getBigDecimal("declared_resources"), rs.getBigDecimal("counted_resources"),
                        rs.getBigDecimal("resource_floor"), rs.getBigDecimal("granted_amount")))
                .optional();
    }

    Optional<Grant> grantOf(UUID applicationId) {
        return jdbc.sql("select * from psol_grant where application_id = :id").param("id", applicationId)
                .query((rs, n) -> grant(rs)).optional();
    }

    /** The running grants (active or suspended, not over before {@code month}) of these beneficiaries, locked. */
    List<Grant> runningGrantsOf(Collection<UUID> beneficiaries, LocalDate month) {
        return jdbc.sql("""
                        select * from psol_grant where beneficiary_id in (:ids) and status in ('ACTIVE', 'SUSPENDED')
                           and last_month >= :current for update
                        """)
                .param("ids", beneficiaries).param("current", month).query((rs, n) -> grant(rs)).list();
    }

    /** The active grants running in the month (or later), locked. */
    List<Grant> activeGrants(LocalDate month) {
        return jdbc.sql("select * from psol_grant where status = 'ACTIVE' and last_month >= :month order by id for update")
                .param("month", month).query((rs, n) -> grant(rs)).list();
    }

    /** Active grants whose last month is at the latest {@code horizon} and that were not reminded, locked (others skipped). */
    List<Grant> toRemind(LocalDate horizon) {
        return jdbc.sql("""
                        select * from psol_grant where status = 'ACTIVE' and renewal_reminded_at is null
                           and last_month <= :horizon for update skip locked
                        """)
                .param("horizon", horizon).query((rs, n) -> grant(rs)).list();
    }

    /** An application's number and the number of its last recorded step (0 when none). */
    record LastStep(String applicationNumber, int seq) {
    }

    LastStep lastStep(UUID applicationId) {
        return jdbc.sql("""
                        select a.number, (select coalesce(max(seq), 0) from psol_step where file_id = a.id) as seq
                          from psol_application a where a.id = :id
                        """).param("id", applicationId)
                .query((rs, n) -> new LastStep(rs.getString("number"), rs.getInt("seq"))).single();
    }

    private void addSteps(List<Change> changes) {
        for (Change change : changes) {
            jdbc.sql("""
                            insert into psol_step (file_id, seq, transition, at, agent, detail)
                            values (:id, (select coalesce(max(seq), 0) + 1 from psol_step where file_id = :id), :transition,
                                    :at, :agent, :detail)
                            """)
                    .param("id", change.applicationId()).param("transition", change.transition().name())
                    .param("at", Timestamp.from(change.at())).param("agent", change.agent()).param("detail", change.detail())
                    .update();
        }
    }

    private Application application(ResultSet rs, int n) throws SQLException {
        String reasons = rs.getString("refusal_reasons");
        return new Application(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("receipt_number"),
                rs.getObject("beneficiary_id", UUID.class), rs.getString("section"), rs.getBoolean("renewal"),
                rs.getString("payee_account_holder"), rs.getString("payee_iban"),
                Application.Status.valueOf(rs.getString("status")), instant(rs, "received_at"), rs.getString("filed_by"),
                rs.getString("examined_by"), instant(rs, "examined_at"), rs.getString("assessment"),
                rs.getString("decided_by"), instant(rs, "decided_at"),
                reasons == null ? List.of() : Arrays.asList(reasons.split(",")), rs.getString("refusal_text"),
                instant(rs, "updated_at"));
    }

    private static Grant grant(ResultSet rs) throws SQLException {
        return new Grant(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("application_id", UUID.class),
                rs.getObject("beneficiary_id", UUID.class), rs.getString("section"), rs.getString("payee_account_holder"),
                rs.getString("payee_iban"), rs.getObject("first_month", LocalDate.class),
                rs.getObject("last_month", LocalDate.class), Grant.Status.valueOf(rs.getString("status")),
                rs.getObject("status_from", LocalDate.class), rs.getString("status_reason"), rs.getBigDecimal("monthly_amount"),
                (Long) rs.getObject("last_snapshot_version"), instant(rs, "renewal_reminded_at"), rs.getString("granted_by"),
                instant(rs, "granted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
