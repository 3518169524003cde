package fr.paris.casvp.guichet.transport.pass;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of {@code V1__transport.sql}. */
@Repository
class PassStore {

    record Pass(UUID id, String number, String receiptNumber, UUID beneficiaryId, String section, String navigoCardNumber,
                String zones, boolean receivesParisBenefit, UUID renewalOf, String status, Instant receivedAt, String filedBy,
                String decidedBy, Instant decidedAt, String refusalReasons, String refusalText, String product,
                LocalDate validFrom, LocalDate validUntil, BigDecimal participationDue, Instant participationPaidAt,
                String participationReference) {
    }

    record Order(UUID id, UUID passId, String action, String status, String reason, Instant orderedAt, Instant settledAt) {
    }

    record Step(String transition, Instant at, String agent, String detail) {
    }

    private final JdbcClient jdbc;

    PassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextNumber(int year) {
        int last = jdbc.sql("""
                        insert into transport_counter (year, last) values (:year, 1)
                        on conflict (year) do update set last = transport_counter.last + 1 returning last
                        """).param("year", year).query(Integer.class).single();
        return "NV-%d-%06d".formatted(year, last);
    }

    void insert(Pass p, Instant now) {
        jdbc.sql("""
                        insert into transport_pass (id, number, receipt_number, beneficiary_id, section, navigo_card_number, zones,
                            receives_paris_benefit, renewal_of, status, received_at, filed_by, filed_at, updated_at)
                        values (:id, :number, :receipt, :beneficiary, :section, :card, :zones, :paris, :renewalOf, :status,
                            :receivedAt, :filedBy, :now, :now)
                        """)
                .param("id", p.id()).param("number", p.number()).param("receipt", p.receiptNumber())
                .param("beneficiary", p.beneficiaryId()).param("section", p.section()).param("card", p.navigoCardNumber())
                .param("zones", p.zones()).param("paris", p.receivesParisBenefit()).param("renewalOf", p.renewalOf())
                .param("status", p.status()).param("receivedAt", Timestamp.from(p.receivedAt())).param("filedBy", p.filedBy())
                .param("now", Timestamp.from(now)).update();
    }

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

    /** Updates the columns given, and {@code updated_at}. */
    void update(UUID id, Map<String, Object> columns, Instant now) {
        StringBuilder sql = new StringBuilder("update transport_pass set updated_at = :now");
        columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        var statement = jdbc.sql(sql.append(" where id = :id").toString()).param("now", Timestamp.from(now)).param("id", id);
        for (var column : columns.entrySet()) {
            Object value = column.getValue() instanceof Instant instant ? Timestamp.from(instant) : column.getValue();
            statement = statement.param(column.getKey(), value);
        }
        statement.update();
    }

    void insertOrder(UUID orderId, UUID passId, String action, Instant at) {
        jdbc.sql("insert into transport_pass_order (id, pass_id, action, status, ordered_at) values (:id, :pass, :action, 'SENT', :at)")
                .param("id", orderId).param("pass", passId).param("action", action).param("at", Timestamp.from(at)).update();
    }

    Optional<Order> lockOrder(UUID orderId) {
        return jdbc.sql("select * from transport_pass_order where id = :id for update").param("id", orderId)
                .query((rs, n) -> order(rs)).optional();
    }

    void settleOrder(UUID orderId, String status, String reason, Instant at) {
        jdbc.sql("update transport_pass_order set status = :status, reason = :reason, settled_at = :at where id = :id")
                .param("status", status).param("reason", reason).param("at", Timestamp.from(at)).param("id", orderId).update();
    }

    List<Order> orders(UUID passId) {
        return jdbc.sql("select * from transport_pass_order where pass_id = :id order by seq").param("id", passId)
                .query((rs, n) -> order(rs)).list();
    }

    void addStep(UUID passId, String transition, Instant at, String agent, String detail) {
        jdbc.sql("""
                        insert into transport_step (pass_id, seq, transition, at, agent, detail)
                        values (:id, (select coalesce(max(seq), 0) + 1 from transport_step where pass_id = :id), :t, :at, :agent, :detail)
                        """)
                .param("id", passId).param("t", transition).param("at", Timestamp.from(at)).param("agent", agent)
                .param("detail", detail).update();
    }

    List<Step> steps(UUID passId) {
        return jdbc.sql("select * from transport_step where pass_id = :id order by seq").param("id", passId)
                .query((rs, n) -> new Step(rs.getString("transition"), rs.getTimestamp("at").toInstant(), rs.getString("agent"),
                        rs.getString("detail"))).list();
    }

    /** Active passes that end within the horizon and have not been reminded. */
    List<Pass> toRemind(LocalDate horizon) {
        return jdbc.sql("""
                        select * from transport_pass where status = 'ACTIVE' and renewal_reminded_at is null
                           and valid_until <= :horizon for update skip locked
                        """).param("horizon", horizon).query(this::pass).list();
    }

    List<Pass> expiredBefore(LocalDate today) {
        return jdbc.sql("select * from transport_pass where status = 'ACTIVE' and valid_until < :today for update skip locked")
                .param("today", today).query(this::pass).list();
    }

    private Pass pass(ResultSet rs, int n) throws SQLException {
        return new Pass(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("receipt_number"),
                rs.getObject("beneficiary_id", UUID.class), rs.getString("section"), rs.getString("navigo_card_number"),
                rs.getString("zones"), rs.getBoolean("receives_paris_benefit"), rs.getObject("renewal_of", UUID.class),
                rs.getString("status"), instant(rs, "received_at"), rs.getString("filed_by"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("refusal_reasons"), rs.getString("refusal_text"), rs.getString("product"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getBigDecimal("participation_due"), instant(rs, "participation_paid_at"),
                rs.getString("participation_reference"));
    }

    private static Order order(ResultSet rs) throws SQLException {
        return new Order(rs.getObject("id", UUID.class), rs.getObject("pass_id", UUID.class), rs.getString("action"),
                rs.getString("status"), rs.getString("reason"), instant(rs, "ordered_at"), instant(rs, "settled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
