package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.transport.domain.HistoryEntry;
import fr.paris.casvp.guichet.transport.domain.OperatorOrder;
import fr.paris.casvp.guichet.transport.domain.Pass;
import fr.paris.casvp.guichet.transport.domain.PassStatus;
import fr.paris.casvp.guichet.transport.domain.PassStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The passes in the tables of {@code V1__transport.sql}: loaded with their orders, saved back with their new steps.
 * History is read for the API ({@link #history}); the domain does not need it.
 */
@Repository
class PassStore {

    private final JdbcClient jdbc;

    PassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code NV-<year>-<6 digits>}, in order of request within the year. */
    String nextNumber(int year) {
        int last = jdbc.sql("""
                        insert into transport_counter (year, last) values (:year, 1)
                        on conflict (year) do update set last = transport_counter.last + 1 returning last
                        """).param("year", year).query(Integer.class).single();
        return "NV-%d-%06d".formatted(year, last);
    }

    /** Stores a new request and its first step. */
    void insert(Pass p) {
        jdbc.sql("""
                        insert into transport_pass (id, number, receipt_number, beneficiary_id, section, navigo_card_number, zones,
                            receives_paris_benefit, renewal_of, status, received_at, filed_by, filed_at, updated_at)
                        values (:id, :number, :receipt, :beneficiary, :section, :card, :zones, :paris, :renewalOf, :status,
                            :receivedAt, :filedBy, :now, :now)
                        """)
                .param("id", p.id()).param("number", p.number()).param("receipt", p.receiptNumber())
                .param("beneficiary", p.beneficiaryId()).param("section", p.section()).param("card", p.navigoCardNumber())
                .param("zones", p.zones()).param("paris", p.receivesParisBenefit()).param("renewalOf", p.renewalOf())
                .param("status", p.status().name()).param("receivedAt", Timestamp.from(p.receivedAt()))
                .param("filedBy", p.filedBy()).param("now", Timestamp.from(p.updatedAt())).update();
        addSteps(p);
    }

    /** Saves what a step changed, and the new steps (orders are added and settled with {@link #insert(OperatorOrder)}). */
    void save(Pass p) {
        Pass.Decision d = p.decision();
        Pass.Participation participation = p.participation();
        jdbc.sql("""
                        update transport_pass set status = :status, navigo_card_number = :card, decided_by = :decidedBy,
                               decided_at = :decidedAt, refusal_reasons = :reasons, refusal_text = :text, product = :product,
                               valid_from = :validFrom, valid_until = :validUntil, participation_due = :due,
                               participation_paid_at = :paidAt, participation_reference = :reference,
                               renewal_reminded_at = :reminded, updated_at = :updatedAt
                         where id = :id
                        """)
                .param("status", p.status().name()).param("card", p.navigoCardNumber())
                .param("decidedBy", d == null ? null : d.decidedBy()).param("decidedAt", d == null ? null : timestamp(d.decidedAt()))
                .param("reasons", d == null || d.refusalReasons() == null ? null : String.join(",", d.refusalReasons()))
                .param("text", d == null ? null : d.refusalText()).param("product", d == null ? null : d.product())
                .param("validFrom", d == null ? null : d.validFrom()).param("validUntil", d == null ? null : d.validUntil())
                .param("due", participation == null ? null : participation.due())
                .param("paidAt", participation == null ? null : timestamp(participation.paidAt()))
                .param("reference", participation == null ? null : participation.reference())
                .param("reminded", timestamp(p.renewalRemindedAt())).param("updatedAt", timestamp(p.updatedAt()))
                .param("id", p.id()).update();
        addSteps(p);
    }

    /** @param lock whether to lock the pass until the end of the transaction: its steps happen one at a time */
    Optional<Pass> find(UUID id, boolean lock) {
        return jdbc.sql("select * from transport_pass where id = :id" + (lock ? " for update" : "")).param("id", id)
                .query(this::pass).optional();
    }

    /** The beneficiary's latest granted pass, if any. */
    Optional<Pass> latestGranted(UUID beneficiaryId) {
        return jdbc.sql("""
                        select * from transport_pass where beneficiary_id = :b and valid_until is not null
                           and status in ('ORDERED', 'ACTIVE', 'EXPIRED', 'ORDER_REJECTED')
                         order by valid_until desc limit 1
                        """).param("b", beneficiaryId).query(this::pass).optional();
    }

    /** A section's passes (every section's when null), newest first, 200 at most. */
    List<Pass> search(String section, UUID beneficiaryId, String status) {
        return jdbc.sql("""
                        select * from transport_pass
                         where (cast(:section as text) is null or section = :section)
                           and (cast(:beneficiary as uuid) is null or beneficiary_id = :beneficiary)
                           and (cast(:status as text) is null or status = :status)
                         order by received_at desc limit 200
                        """)
                .param("section", section).param("beneficiary", beneficiaryId).param("status", status).query(this::pass).list();
    }

    void insert(OperatorOrder order) {
        jdbc.sql("""
                        insert into transport_pass_order (id, pass_id, action, status, ordered_at)
                        values (:id, :pass, :action, :status, :at)
                        """)
                .param("id", order.id()).param("pass", order.passId()).param("action", order.action().name())
                .param("status", order.status().name()).param("at", Timestamp.from(order.orderedAt())).update();
    }

    /** Whether this service ordered the order of that id (an answer to an order it did not make is passed by). */
    boolean ordered(UUID orderId) {
        return jdbc.sql("select exists (select 1 from transport_pass_order where id = :id)").param("id", orderId).query(Boolean.class).single();
    }

    /** The order, locked until the end of the transaction: one answer at a time. */
    Optional<OperatorOrder> lockOrder(UUID orderId) {
        return jdbc.sql("select * from transport_pass_order where id = :id for update").param("id", orderId)
                .query((rs, n) -> order(rs)).optional();
    }

    void settle(OperatorOrder order) {
        jdbc.sql("update transport_pass_order set status = :status, reason = :reason, settled_at = :at where id = :id")
                .param("status", order.status().name()).param("reason", order.reason())
                .param("at", timestamp(order.settledAt())).param("id", order.id()).update();
    }

    List<HistoryEntry> history(UUID passId) {
        return jdbc.sql("select * from transport_step where pass_id = :id order by seq").param("id", passId)
                .query((rs, n) -> new HistoryEntry(rs.getString("transition"), rs.getTimestamp("at").toInstant(),
                        rs.getString("agent"), rs.getString("detail"))).list();
    }

    /** Active passes that end within the horizon and have not been reminded, locked (others skipped). */
    List<Pass> toRemind(LocalDate horizon) {
        return jdbc.sql("""
                        select * from transport_pass where status = 'ACTIVE' and renewal_reminded_at is null
                           and valid_until <= :horizon for update skip locked
                        """).param("horizon", horizon).query(this::pass).list();
    }

    /** Active passes whose validity ended before {@code today}, locked (others skipped). */
    List<Pass> expiredBefore(LocalDate today) {
        return jdbc.sql("select * from transport_pass where status = 'ACTIVE' and valid_until < :today for update skip locked")
                .param("today", today).query(this::pass).list();
    }

    /** The number of the pass's last recorded step (0 when none). */
    int lastStepSeq(UUID passId) {
        return jdbc.sql("select coalesce(max(seq), 0) from transport_step where pass_id = :id").param("id", passId)
                .query(Integer.class).single();
    }

    private void addSteps(Pass p) {
        for (PassStep step : p.steps()) {
            jdbc.sql("""
                            insert into transport_step (pass_id, seq, transition, at, agent, detail)
                            values (:id, (select coalesce(max(seq), 0) + 1 from transport_step where pass_id = :id), :t, :at,
                                    :agent, :detail)
                            """)
                    .param("id", p.id()).param("t", step.transition().name()).param("at", Timestamp.from(step.at()))
                    .param("agent", step.agent()).param("detail", step.detail()).update();
        }
    }

    private List<OperatorOrder> orders(UUID passId) {
        return jdbc.sql("select * from transport_pass_order where pass_id = :id order by seq").param("id", passId)
                .query((rs, n) -> order(rs)).list();
    }

    private Pass pass(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String decidedBy = rs.getString("decided_by");
        String reasons = rs.getString("refusal_reasons");
        String text = rs.getString("refusal_text");
        Pass.Decision decision = decidedBy == null ? null : new Pass.Decision(decidedBy, instant(rs, "decided_at"),
                reasons == null ? null : Arrays.asList(reasons.split(",")), text == null || text.isEmpty() ? null : text,
                rs.getString("product"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class));
        Pass.Participation participation = rs.getBigDecimal("participation_due") == null ? null
                : new Pass.Participation(rs.getBigDecimal("participation_due"), instant(rs, "participation_paid_at"),
                rs.getString("participation_reference"));
        return new Pass(id, rs.getString("number"), rs.getString("receipt_number"),
                rs.getObject("beneficiary_id", UUID.class), rs.getString("section"), rs.getString("navigo_card_number"),
                rs.getString("zones"), rs.getBoolean("receives_paris_benefit"), rs.getObject("renewal_of", UUID.class),
                PassStatus.valueOf(rs.getString("status")), instant(rs, "received_at"), rs.getString("filed_by"), decision,
                participation, instant(rs, "renewal_reminded_at"), instant(rs, "updated_at"), orders(id));
    }

    private static OperatorOrder order(ResultSet rs) throws SQLException {
        return new OperatorOrder(rs.getObject("id", UUID.class), rs.getObject("pass_id", UUID.class),
                PassOrder.Action.valueOf(rs.getString("action")), OperatorOrder.State.valueOf(rs.getString("status")),
                rs.getString("reason"), instant(rs, "ordered_at"), instant(rs, "settled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
