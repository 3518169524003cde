package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.contracts.payment.PaymentOrder.PayeeKind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The tables of {@code V1__aid.sql}. */
@Repository
class ApplicationStore {

    /** The payee as recorded: who is paid, on which account. */
    record Payee(PayeeKind kind, String accountHolder, String iban) {
    }

    record Stored(UUID id, String number, String receiptNumber, UUID beneficiaryId, UUID householdId, String section,
                  Category category, String disasterEvent, BigDecimal requestedAmount, String reason, Payee payee,
                  List<String> missingDocuments, Status status, Instant receivedAt, String filedBy, Instant filedAt,
                  String examinedBy, Instant examinedAt, String assessment, BigDecimal proposedAmount, Instant updatedAt) {
    }

    record Decision(UUID id, String outcome, BigDecimal amount, RefusalReason reasonCode, String reasonText,
                    String decidedBy, Instant decidedAt, LocalDate decisionDate, boolean onAppeal) {
    }

    record PaymentOrderRow(UUID id, UUID applicationId, int attempt, String reference, Payee payee, BigDecimal amount,
                           String status, String failureReason, Instant orderedAt, Instant settledAt) {
    }

    record Step(int seq, String transition, Status status, Instant at, String agent, String detail) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** {@code AE-<year>-<6 digits>}, in order of filing within the year. */
    String nextNumber(int year) {
        int last = jdbc.sql("""
                        insert into aid_application_counter (year, last) values (:year, 1)
                        on conflict (year) do update set last = aid_application_counter.last + 1 returning last
                        """)
                .param("year", year).query(Integer.class).single();
        return "AE-%d-%06d".formatted(year, last);
    }

    void insert(Stored a) {
        jdbc.sql("""
                        insert into aid_application (id, number, receipt_number, beneficiary_id, household_id, section, category,
                            disaster_event, requested_amount, reason, payee_kind, payee_account_holder, payee_iban,
                            missing_documents, status, received_at, filed_by, filed_at, updated_at)
                        values (:id, :number, :receipt, :beneficiary, :household, :section, :category, :event, :requested,
                            :reason, :payeeKind, :holder, :iban, cast(:missing as jsonb), :status, :receivedAt, :filedBy,
                            :filedAt, :filedAt)
                        """)
                .param("id", a.id()).param("number", a.number()).param("receipt", a.receiptNumber())
                .param("beneficiary", a.beneficiaryId()).param("household", a.householdId()).param("section", a.section())
                .param("category", a.category().name()).param("event", a.disasterEvent())
                .param("requested", a.requestedAmount()).param("reason", a.reason())
                .param("payeeKind", a.payee().kind().name()).param("holder", a.payee().accountHolder())
                .param("iban", a.payee().iban()).param("missing", json.writeValueAsString(a.missingDocuments()))
                .param("status", a.status().name()).param("receivedAt", Timestamp.from(a.receivedAt()))
                .param("filedBy", a.filedBy()).param("filedAt", Timestamp.from(a.filedAt()))
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from aid_application where id = :id").param("id", id).query(this::stored).optional();
    }

    /** Reads the application and locks it until the end of the transaction: its steps happen one at a time. */
    Optional<Stored> lock(UUID id) {
        return jdbc.sql("select * from aid_application where id = :id for update").param("id", id).query(this::stored).optional();
    }

    List<Stored> search(String section, Status status, UUID beneficiaryId, int limit) {
        return jdbc.sql("""
                        select * from aid_application
                         where (cast(:section as text) is null or section = :section)
                           and (cast(:status as text) is null or status = :status)
                           and (cast(:beneficiary as uuid) is null or beneficiary_id = :beneficiary)
                         order by received_at desc limit :limit
                        """)
                .param("section", section).param("status", status == null ? null : status.name())
                .param("beneficiary", beneficiaryId).param("limit", limit)
                .query(this::stored).list();
    }

    void setStatus(UUID id, Status status, Instant at) {
        jdbc.sql("update aid_application set status = :status, updated_at = :at where id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void setMissingDocuments(UUID id, List<String> missing, Instant at) {
        jdbc.sql("update aid_application set missing_documents = cast(:missing as jsonb), updated_at = :at where id = :id")
                .param("missing", json.writeValueAsString(missing)).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void setExamination(UUID id, String examinedBy, Instant at, String assessment, BigDecimal proposedAmount) {
        jdbc.sql("""
                        update aid_application set examined_by = :by, examined_at = :at, assessment = :assessment,
                               proposed_amount = :proposed, status = 'UNDER_EXAMINATION', updated_at = :at where id = :id
                        """)
                .param("by", examinedBy).param("at", Timestamp.from(at)).param("assessment", assessment)
                .param("proposed", proposedAmount).param("id", id).update();
    }

    void setPayee(UUID id, Payee payee, Instant at) {
        jdbc.sql("""
                        update aid_application set payee_kind = :kind, payee_account_holder = :holder, payee_iban = :iban,
                               updated_at = :at where id = :id
                        """)
                .param("kind", payee.kind().name()).param("holder", payee.accountHolder()).param("iban", payee.iban())
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** A payee proposed after a failed payment, waiting for a second agent. */
    record PayeeChange(Payee payee, String proposedBy, Instant proposedAt) {
    }

    /** Records (or replaces) the proposed payee of an application. */
    void proposePayee(UUID id, Payee payee, String proposedBy, Instant at) {
        jdbc.sql("""
                        insert into aid_payee_change (application_id, payee_kind, payee_account_holder, payee_iban, proposed_by, proposed_at)
                        values (:id, :kind, :holder, :iban, :by, :at)
                        on conflict (application_id) do update set payee_kind = excluded.payee_kind,
                            payee_account_holder = excluded.payee_account_holder, payee_iban = excluded.payee_iban,
                            proposed_by = excluded.proposed_by, proposed_at = excluded.proposed_at
                        """)
                .param("id", id).param("kind", payee.kind().name()).param("holder", payee.accountHolder())
                .param("iban", payee.iban()).param("by", proposedBy).param("at", Timestamp.from(at)).update();
    }

    Optional<PayeeChange> payeeChange(UUID id) {
        return jdbc.sql("select * from aid_payee_change where application_id = :id").param("id", id)
                .query((rs, n) -> new PayeeChange(new Payee(PayeeKind.valueOf(rs.getString("payee_kind")),
                        rs.getString("payee_account_holder"), rs.getString("payee_iban")), rs.getString("proposed_by"),
                        rs.getTimestamp("proposed_at").toInstant())).optional();
    }

    void deletePayeeChange(UUID id) {
        jdbc.sql("delete from aid_payee_change where application_id = :id").param("id", id).update();
    }

    void insertDecision(UUID applicationId, Decision d) {
        jdbc.sql("""
                        insert into aid_decision (id, application_id, outcome, amount, reason_code, reason_text, decided_by,
                            decided_at, decision_date, on_appeal)
                        values (:id, :application, :outcome, :amount, :code, :text, :by, :at, :date, :appeal)
                        """)
                .param("id", d.id()).param("application", applicationId).param("outcome", d.outcome())
                .param("amount", d.amount()).param("code", d.reasonCode() == null ? null : d.reasonCode().name())
                .param("text", d.reasonText()).param("by", d.decidedBy()).param("at", Timestamp.from(d.decidedAt()))
                .param("date", d.decisionDate()).param("appeal", d.onAppeal())
                .update();
    }

    List<Decision> decisions(UUID applicationId) {
        return jdbc.sql("select * from aid_decision where application_id = :id order by seq")
                .param("id", applicationId)
                .query((rs, n) -> new Decision(rs.getObject("id", UUID.class), rs.getString("outcome"),
                        rs.getBigDecimal("amount"),
                        rs.getString("reason_code") == null ? null : RefusalReason.valueOf(rs.getString("reason_code")),
                        rs.getString("reason_text"), rs.getString("decided_by"), instant(rs, "decided_at"),
                        rs.getObject("decision_date", LocalDate.class), rs.getBoolean("on_appeal")))
                .list();
    }

    /** Grants to these beneficiaries (a household's members), for its caps. */
    List<CapRule.Grant> grantsTo(Collection<UUID> beneficiaries) {
        return jdbc.sql("""
                        select d.decision_date, d.amount, case when a.category = 'DISASTER' then a.disaster_event end
                          from aid_decision d join aid_application a on a.id = d.application_id
                         where d.outcome = 'GRANTED' and a.beneficiary_id in (:beneficiaries)
                        """)
                .param("beneficiaries", beneficiaries)
                .query((rs, n) -> new CapRule.Grant(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getString(3)))
                .list();
    }

    void insertPaymentOrder(PaymentOrderRow o) {
        jdbc.sql("""
                        insert into aid_payment_order (id, application_id, attempt, reference, payee_kind, account_holder,
                            iban, amount, status, ordered_at)
                        values (:id, :application, :attempt, :reference, :kind, :holder, :iban, :amount, 'ORDERED', :at)
                        """)
                .param("id", o.id()).param("application", o.applicationId()).param("attempt", o.attempt())
                .param("reference", o.reference()).param("kind", o.payee().kind().name())
                .param("holder", o.payee().accountHolder()).param("iban", o.payee().iban()).param("amount", o.amount())
                .param("at", Timestamp.from(o.orderedAt()))
                .update();
    }

    List<PaymentOrderRow> paymentOrders(UUID applicationId) {
        return jdbc.sql("select * from aid_payment_order where application_id = :id order by attempt")
                .param("id", applicationId).query(this::paymentOrder).list();
    }

    Optional<PaymentOrderRow> lockPaymentOrder(UUID orderId) {
        return jdbc.sql("select * from aid_payment_order where id = :id for update")
                .param("id", orderId).query(this::paymentOrder).optional();
    }

    void settlePaymentOrder(UUID orderId, String status, String failureReason, Instant settledAt) {
        jdbc.sql("update aid_payment_order set status = :status, failure_reason = :reason, settled_at = :at where id = :id")
                .param("status", status).param("reason", failureReason).param("at", Timestamp.from(settledAt))
                .param("id", orderId).update();
    }

    void addStep(UUID applicationId, String transition, Status status, Instant at, String agent, String detail) {
        jdbc.sql("""
                        insert into aid_application_step (application_id, seq, transition, status, at, agent, detail)
                        values (:id, (select coalesce(max(seq), 0) + 1 from aid_application_step where application_id = :id),
                                :transition, :status, :at, :agent, :detail)
                        """)
                .param("id", applicationId).param("transition", transition).param("status", status.name())
                .param("at", Timestamp.from(at)).param("agent", agent).param("detail", detail)
                .update();
    }

    List<Step> steps(UUID applicationId) {
        return jdbc.sql("select * from aid_application_step where application_id = :id order by seq")
                .param("id", applicationId)
                .query((rs, n) -> new Step(rs.getInt("seq"), rs.getString("transition"), Status.valueOf(rs.getString("status")),
                        instant(rs, "at"), rs.getString("agent"), rs.getString("detail")))
                .list();
    }

    /** Pending applications whose file is still incomplete, received before {@code receivedBefore}. */
    List<UUID> incompleteReceivedBefore(Instant receivedBefore) {
        return jdbc.sql("""
                        select id from aid_application
                         where status in ('RECEIVED', 'UNDER_EXAMINATION') and jsonb_array_length(missing_documents) > 0
                           and received_at < :before
                        """)
                .param("before", Timestamp.from(receivedBefore)).query(UUID.class).list();
    }

    private Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("receipt_number"),
                rs.getObject("beneficiary_id", UUID.class), rs.getObject("household_id", UUID.class), rs.getString("section"),
                Category.valueOf(rs.getString("category")), rs.getString("disaster_event"),
                rs.getBigDecimal("requested_amount"), rs.getString("reason"),
                new Payee(PayeeKind.valueOf(rs.getString("payee_kind")), rs.getString("payee_account_holder"),
                        rs.getString("payee_iban")),
                json.readValue(rs.getString("missing_documents"), STRINGS), Status.valueOf(rs.getString("status")),
                instant(rs, "received_at"), rs.getString("filed_by"), instant(rs, "filed_at"), rs.getString("examined_by"),
                instant(rs, "examined_at"), rs.getString("assessment"), rs.getBigDecimal("proposed_amount"),
                instant(rs, "updated_at"));
    }

    private PaymentOrderRow paymentOrder(ResultSet rs, int n) throws SQLException {
        return new PaymentOrderRow(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getInt("attempt"), rs.getString("reference"),
                new Payee(PayeeKind.valueOf(rs.getString("payee_kind")), rs.getString("account_holder"), rs.getString("iban")),
                rs.getBigDecimal("amount"), rs.getString("status"), rs.getString("failure_reason"),
                instant(rs, "ordered_at"), instant(rs, "settled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
