package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.aid.domain.Application;
import fr.paris.casvp.guichet.aid.domain.CapRule;
import fr.paris.casvp.guichet.aid.domain.Category;
import fr.paris.casvp.guichet.aid.domain.Decision;
import fr.paris.casvp.guichet.aid.domain.Payee;
import fr.paris.casvp.guichet.aid.domain.PayeeChange;
import fr.paris.casvp.guichet.aid.domain.Payment;
import fr.paris.casvp.guichet.aid.domain.RefusalReason;
import fr.paris.casvp.guichet.aid.domain.Status;
import fr.paris.casvp.guichet.aid.domain.Step;
import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent.Transition;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder.PayeeKind;
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

/**
 * The applications in the tables of {@code V1__aid.sql} ({@code V3__payee_change.sql} for a payee waiting for its
 * confirmation): loaded whole (with decisions, payments, pending payee and history) and saved back, the new steps,
 * decisions and payments added.
 */
@Repository
class ApplicationStore {

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

    /** Stores a new application and its first steps. */
    void insert(Application a) {
        jdbc.sql("""
                        insert into aid_application (id, number, receipt_number, beneficiary_id, household_id, section, category,
                            disaster_event, requested_amount, reason, payee_kind, payee_account_holder, payee_iban,
                            missing_documents, status, received_at, filed_by, filed_at, updated_at)
                        values (:id, :number, :receipt, :beneficiary, :household, :section, :category, :event, :requested,
                            :reason, :payeeKind, :holder, :iban, cast(:missing as jsonb), :status, :receivedAt, :filedBy,
                            :filedAt, :updatedAt)
                        """)
                .param("id", a.id()).param("number", a.number()).param("receipt", a.receiptNumber())
                .param("beneficiary", a.beneficiaryId()).param("household", a.householdId()).param("section", a.section())
                .param("category", a.category().name()).param("event", a.disasterEvent())
                .param("requested", a.requestedAmount()).param("reason", a.reason())
                .param("payeeKind", a.payee().kind().name()).param("holder", a.payee().accountHolder())
                .param("iban", a.payee().iban()).param("missing", json.writeValueAsString(a.missingDocuments()))
                .param("status", a.status().name()).param("receivedAt", Timestamp.from(a.receivedAt()))
                .param("filedBy", a.filedBy()).param("filedAt", Timestamp.from(a.filedAt()))
                .param("updatedAt", Timestamp.from(a.updatedAt()))
                .update();
        addSteps(a);
    }

    /**
     * Saves what a step changed: the application's state, its pending payee, and the new steps (its decisions and
     * payments are added with {@link #insert(Decision, UUID)} and {@link #insert(Payment)}).
     */
    void save(Application a) {
        Optional<Application.Examination> examination = a.examination();
        jdbc.sql("""
                        update aid_application set status = :status, missing_documents = cast(:missing as jsonb),
                               examined_by = :examinedBy, examined_at = :examinedAt, assessment = :assessment,
                               proposed_amount = :proposed, payee_kind = :payeeKind, payee_account_holder = :holder,
                               payee_iban = :iban, updated_at = :updatedAt
                         where id = :id
                        """)
                .param("status", a.status().name()).param("missing", json.writeValueAsString(a.missingDocuments()))
                .param("examinedBy", examination.map(Application.Examination::examinedBy).orElse(null))
                .param("examinedAt", examination.map(e -> Timestamp.from(e.examinedAt())).orElse(null))
                .param("assessment", examination.map(Application.Examination::assessment).orElse(null))
                .param("proposed", examination.map(Application.Examination::proposedAmount).orElse(null))
                .param("payeeKind", a.payee().kind().name()).param("holder", a.payee().accountHolder())
                .param("iban", a.payee().iban()).param("updatedAt", Timestamp.from(a.updatedAt())).param("id", a.id())
                .update();
        if (a.payeeChangeChanged()) {
            a.payeeChange().ifPresentOrElse(change -> savePayeeChange(a.id(), change),
                    () -> jdbc.sql("delete from aid_payee_change where application_id = :id").param("id", a.id()).update());
        }
        addSteps(a);
    }

    Optional<Application> find(UUID id) {
        return jdbc.sql("select * from aid_application where id = :id").param("id", id).query(this::application)
                .optional();
    }

    /** Reads the application and locks it until the end of the transaction: its steps happen one at a time. */
    Optional<Application> lock(UUID id) {
        return jdbc.sql("select * from aid_application where id = :id for update").param("id", id).query(this::application)
                .optional();
    }

    /** Takes the household's lock until the end of the transaction: its decisions are taken one after the other. */
    void lockHousehold(UUID key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "aid-cap:" + key)
                .query(Object.class).single();
    }

    /** A section's applications (every section's when null), newest first. */
    List<Application> search(String section, Status status, UUID beneficiaryId, int limit) {
        return jdbc.sql("""
                        select * from aid_application
                         where (cast(:section as text) is null or section = :section)
                           and (cast(:status as text) is null or status = :status)
                           and (cast(:beneficiary as uuid) is null or beneficiary_id = :beneficiary)
                         order by received_at desc limit :limit
                        """)
                .param("section", section).param("status", status == null ? null : status.name())
                .param("beneficiary", beneficiaryId).param("limit", limit)
                .query(this::application).list();
    }

    void insert(Decision d, UUID applicationId) {
        jdbc.sql("""
                        insert into aid_decision (id, application_id, outcome, amount, reason_code, reason_text, decided_by,
                            decided_at, decision_date, on_appeal)
                        values (:id, :application, :outcome, :amount, :code, :text, :by, :at, :date, :appeal)
                        """)
                .param("id", d.id()).param("application", applicationId).param("outcome", d.outcome().name())
                .param("amount", d.amount()).param("code", d.reasonCode() == null ? null : d.reasonCode().name())
                .param("text", d.reasonText()).param("by", d.decidedBy()).param("at", Timestamp.from(d.decidedAt()))
                .param("date", d.decisionDate()).param("appeal", d.onAppeal())
                .update();
    }

    /** The decisions on the applications of these beneficiaries (a household's members), for its cap. */
    List<CapRule.PastDecision> decisionsFor(Collection<UUID> beneficiaries) {
        return jdbc.sql("""
                        select d.decision_date, d.outcome, d.amount, case when a.category = 'DISASTER' then a.disaster_event end
                          from aid_decision d join aid_application a on a.id = d.application_id
                         where a.beneficiary_id in (:beneficiaries)
                        """)
                .param("beneficiaries", beneficiaries)
                .query((rs, n) -> new CapRule.PastDecision(rs.getObject(1, LocalDate.class),
                        Decision.Outcome.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getString(4)))
                .list();
    }

    void insert(Payment p) {
        jdbc.sql("""
                        insert into aid_payment_order (id, application_id, attempt, reference, payee_kind, account_holder,
                            iban, amount, status, ordered_at)
                        values (:id, :application, :attempt, :reference, :kind, :holder, :iban, :amount, :status, :at)
                        """)
                .param("id", p.id()).param("application", p.applicationId()).param("attempt", p.attempt())
                .param("reference", p.reference()).param("kind", p.payee().kind().name())
                .param("holder", p.payee().accountHolder()).param("iban", p.payee().iban()).param("amount", p.amount())
                .param("status", p.state().name()).param("at", Timestamp.from(p.orderedAt()))
                .update();
    }

    /** Whether this service ordered the order of that id (the treasury's answers to other services' orders are passed by). */
    boolean ordered(UUID orderId) {
        return jdbc.sql("select exists (select 1 from aid_payment_order where id = :id)").param("id", orderId).query(Boolean.class).single();
    }

    /** Reads a payment order and locks it until the end of the transaction: one answer at a time. */
    Optional<Payment> lockPayment(UUID orderId) {
        return jdbc.sql("select * from aid_payment_order where id = :id for update")
                .param("id", orderId).query(this::payment).optional();
    }

    void settle(Payment p) {
        jdbc.sql("update aid_payment_order set status = :status, failure_reason = :reason, settled_at = :at where id = :id")
                .param("status", p.state().name()).param("reason", p.failureReason())
                .param("at", Timestamp.from(p.settledAt())).param("id", p.id()).update();
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

    private void savePayeeChange(UUID id, PayeeChange change) {
        jdbc.sql("""
                        insert into aid_payee_change (application_id, payee_kind, payee_account_holder, payee_iban, proposed_by, proposed_at)
                        values (:id, :kind, :holder, :iban, :by, :at)
                        on conflict (application_id) do update set payee_kind = excluded.payee_kind,
                            payee_account_holder = excluded.payee_account_holder, payee_iban = excluded.payee_iban,
                            proposed_by = excluded.proposed_by, proposed_at = excluded.proposed_at
                        """)
                .param("id", id).param("kind", change.payee().kind().name()).param("holder", change.payee().accountHolder())
                .param("iban", change.payee().iban()).param("by", change.proposedBy())
                .param("at", Timestamp.from(change.proposedAt())).update();
    }

    private void addSteps(Application a) {
        for (Step step : a.steps()) {
            jdbc.sql("""
                            insert into aid_application_step (application_id, seq, transition, status, at, agent, detail)
                            values (:id, (select coalesce(max(seq), 0) + 1 from aid_application_step where application_id = :id),
                                    :transition, :status, :at, :agent, :detail)
                            """)
                    .param("id", a.id()).param("transition", step.transition().name()).param("status", step.status().name())
                    .param("at", Timestamp.from(step.at())).param("agent", step.agent()).param("detail", step.detail())
                    .update();
        }
    }

    private Application application(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String examinedBy = rs.getString("examined_by");
        return new Application(id, rs.getString("number"), rs.getString("receipt_number"),
                rs.getObject("beneficiary_id", UUID.class), rs.getObject("household_id", UUID.class), rs.getString("section"),
                Category.valueOf(rs.getString("category")), rs.getString("disaster_event"),
                rs.getBigDecimal("requested_amount"), rs.getString("reason"),
                new Payee(PayeeKind.valueOf(rs.getString("payee_kind")), rs.getString("payee_account_holder"),
                        rs.getString("payee_iban")),
                json.readValue(rs.getString("missing_documents"), STRINGS), Status.valueOf(rs.getString("status")),
                instant(rs, "received_at"), rs.getString("filed_by"), instant(rs, "filed_at"),
                examinedBy == null ? null : new Application.Examination(examinedBy, instant(rs, "examined_at"),
                        rs.getString("assessment"), rs.getBigDecimal("proposed_amount")),
                instant(rs, "updated_at"), payeeChange(id).orElse(null), decisions(id), payments(id), steps(id));
    }

    private Optional<PayeeChange> payeeChange(UUID id) {
        return jdbc.sql("select * from aid_payee_change where application_id = :id").param("id", id)
                .query((rs, n) -> new PayeeChange(new Payee(PayeeKind.valueOf(rs.getString("payee_kind")),
                        rs.getString("payee_account_holder"), rs.getString("payee_iban")), rs.getString("proposed_by"),
                        rs.getTimestamp("proposed_at").toInstant())).optional();
    }

    private List<Decision> decisions(UUID applicationId) {
        return jdbc.sql("select * from aid_decision where application_id = :id order by seq")
                .param("id", applicationId)
                .query((rs, n) -> new Decision(rs.getObject("id", UUID.class), Decision.Outcome.valueOf(rs.getString("outcome")),
                        rs.getBigDecimal("amount"),
                        rs.getString("reason_code") == null ? null : RefusalReason.valueOf(rs.getString("reason_code")),
                        rs.getString("reason_text"), rs.getString("decided_by"), instant(rs, "decided_at"),
                        rs.getObject("decision_date", LocalDate.class), rs.getBoolean("on_appeal")))
                .list();
    }

    private List<Payment> payments(UUID applicationId) {
        return jdbc.sql("select * from aid_payment_order where application_id = :id order by attempt")
                .param("id", applicationId).query(this::payment).list();
    }

    private List<Step> steps(UUID applicationId) {
        return jdbc.sql("select * from aid_application_step where application_id = :id order by seq")
                .param("id", applicationId)
                .query((rs, n) -> new Step(Transition.valueOf(rs.getString("transition")), Status.valueOf(rs.getString("status")),
                        instant(rs, "at"), rs.getString("agent"), rs.getString("detail"), null, null, false))
                .list();
    }

    private Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getInt("attempt"), rs.getString("reference"),
                new Payee(PayeeKind.valueOf(rs.getString("payee_kind")), rs.getString("account_holder"), rs.getString("iban")),
                rs.getBigDecimal("amount"), Payment.State.valueOf(rs.getString("status")), rs.getString("failure_reason"),
                instant(rs, "ordered_at"), instant(rs, "settled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
