package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.receipt.Receipt;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.intake.FiledApplication;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent.Transition;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.solidarity.allowance.Allowance;
import fr.paris.casvp.guichet.solidarity.allowance.SolidarityParameters;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import fr.paris.casvp.guichet.web.ProblemException;
import fr.paris.casvp.guichet.web.ReceptionTime;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paris Solidarité files: application → examination → decision by the section director → a grant from the month of
 * reception, for 12 months (first grant and first renewal), then up to 24 (RM II.1.1 d/1); refusals with their
 * reasons. Roles, sections and four-eyes as for every benefit (issue #4).
 */
@Service
public class Files {

    static final ZoneId PARIS = ParisTime.ZONE;
    static final URI INVALID_TRANSITION = URI.create("urn:guichet:problem:invalid-transition");
    static final URI NOT_ELIGIBLE = URI.create("urn:guichet:problem:not-eligible");
    static final String[] COUNTER = {Agent.AGENT, Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};
    static final String[] EXAMINERS = {Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};
    /** Refusal codes: the simulation's, and OTHER (explained in {@code reasonText}). */
    static final Set<String> REFUSAL_CODES = Set.of(Allowance.NOT_ELDERLY_OR_DISABLED, Allowance.RESIDENCE_TOO_SHORT,
            Allowance.RESOURCES_ABOVE_CEILING, Allowance.BELOW_PAYMENT_THRESHOLD, "STATUTORY_BENEFITS_NOT_CLAIMED", "OTHER");
    private static final int OLDEST_RECEPTION_MONTHS = 2;

    /** Lengths, in characters, checked below and written in the OpenAPI document. */
    static final int ASSESSMENT = 4000;
    static final int REASON_TEXT = 2000;

    public record PayeeRequest(String accountHolder, String iban) {
    }

    /** @param renewal the renewal of a grant that ends or ended */
    public record Filing(UUID beneficiaryId, boolean renewal, PayeeRequest payee, String section, Instant receivedAt) {
    }

    public record Examination(@Schema(maxLength = ASSESSMENT) String assessment) {
    }

    public enum Outcome { GRANTED, REFUSED }

    /** @param months the grant's length: 12 for a first grant and its first renewal; then 1 to 24 (24 by default) */
    public record Decision(Outcome outcome, Integer months, List<String> reasonCodes, @Schema(maxLength = REASON_TEXT) String reasonText) {
    }

    public record GrantView(UUID id, String number, String status, LocalDate firstMonth, LocalDate lastMonth,
                            BigDecimal monthlyAmount, LocalDate statusFrom, String statusReason, String payeeIban) {
    }

    public record ApplicationView(UUID id, String number, Receipt receipt, UUID beneficiaryId, String section,
                                  boolean renewal, String status, Instant receivedAt, String filedBy, String examinedBy,
                                  String assessment, String decidedBy, Instant decidedAt, List<String> refusalReasons,
                                  String refusalText, String payeeAccountHolder, String payeeIban, GrantView grant) implements FiledApplication {
    }

    private record Row(UUID id, String number, String receipt, UUID beneficiaryId, String section, boolean renewal,
                       String holder, String iban, String status, Instant receivedAt, String filedBy, String examinedBy,
                       String assessment, String decidedBy, Instant decidedAt, String refusalReasons, String refusalText) {
    }

    private final JdbcClient jdbc;
    private final Snapshots snapshots;
    private final SolidarityParameters parameters;
    private final SolidarityEvents events;
    private final Receipts receipts;
    private final Clock clock;

    Files(JdbcClient jdbc, Snapshots snapshots, SolidarityParameters parameters, SolidarityEvents events, Receipts receipts,
          Clock clock) {
        this.receipts = receipts;
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.parameters = parameters;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ApplicationView file(Filing filing, Agent agent) {
        return file(filing, agent, null, null);
    }

    /**
     * @param receiptNumber the receipt the gateway gave to a command it queued (null: a new one)
     * @param queuedAt      when the gateway received a queued command: its reception time unless the body gives one
     */
    @Transactional
    public ApplicationView file(Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
        agent.requireRole(COUNTER);
        List<FieldError> errors = new ArrayList<>();
        if (filing.beneficiaryId() == null) {
            errors.add(FieldError.of("beneficiaryId", "is required"));
        }
        if (filing.payee() == null || !Iban.isValid(filing.payee().iban())) {
            errors.add(FieldError.of("payee.iban", "is required and must be a valid IBAN (length and control digits)"));
        }
        if (filing.payee() != null && filing.payee().accountHolder() != null && filing.payee().accountHolder().strip().length() > 70) {
            errors.add(FieldError.of("payee.accountHolder", "must be at most 70 characters"));
        }
        Instant now = clock.instant();
        Instant receivedAt = ReceptionTime.of(filing.receivedAt(), queuedAt, now, OLDEST_RECEPTION_MONTHS, errors);
        Fields.check(errors);
        BeneficiarySnapshot beneficiary = snapshots.get(filing.beneficiaryId(), "beneficiaryId");
        String section = beneficiary.situation().section();
        if (filing.section() != null && !filing.section().equals(section)) {
            Fields.check(List.of(FieldError.of("section", "the beneficiary's file is followed by section " + section)));
        }
        agent.requireWrite(section);
        UUID id = UUID.randomUUID();
        String holder = filing.payee().accountHolder() == null || filing.payee().accountHolder().isBlank()
                ? beneficiary.situation().identity().firstNames() + " " + beneficiary.situation().identity().lastName()
                : filing.payee().accountHolder().strip();
        String number = nextNumber("PS", LocalDate.ofInstant(receivedAt, PARIS).getYear());
        jdbc.sql("""
                        insert into psol_application (id, number, receipt_number, beneficiary_id, section, renewal,
                            payee_account_holder, payee_iban, status, received_at, filed_by, filed_at, updated_at)
                        values (:id, :number, :receipt, :beneficiary, :section, :renewal, :holder, :iban, 'RECEIVED',
                            :receivedAt, :by, :now, :now)
                        """)
                .param("id", id).param("number", number).param("receipt", receiptNumber == null ? ReceiptNumber.next() : receiptNumber)
                .param("beneficiary", beneficiary.id()).param("section", section).param("renewal", filing.renewal())
                .param("holder", holder.length() > 70 ? holder.substring(0, 70) : holder)
                .param("iban", Iban.normalise(filing.payee().iban())).param("receivedAt", Timestamp.from(receivedAt))
                .param("by", agent.username()).param("now", Timestamp.from(now))
                .update();
        step(id, Transition.APPLICATION_RECEIVED, now, agent, null);
        events.publish(id, number, id, beneficiary.id(), section, Transition.APPLICATION_RECEIVED, "RECEIVED", null, null,
                null, null, null, receivedAt, now);
        receipt(id, now);
        return view(id);
    }

    @Transactional
    public ApplicationView examine(UUID id, Examination examination, Agent agent) {
        agent.requireRole(EXAMINERS);
        List<FieldError> errors = new ArrayList<>();
        Fields.text("assessment", examination.assessment(), ASSESSMENT, errors);
        Fields.check(errors);
        Row row = lockForWrite(id, agent);
        requireStatus(row, "RECEIVED", "UNDER_EXAMINATION");
        Instant now = clock.instant();
        jdbc.sql("""
                        update psol_application set status = 'UNDER_EXAMINATION', examined_by = :by, examined_at = :now,
                               assessment = :assessment, updated_at = :now where id = :id
                        """)
                .param("by", agent.username()).param("now", Timestamp.from(now))
                .param("assessment", examination.assessment().strip()).param("id", id).update();
        step(id, Transition.EXAMINED, now, agent, null);
        events.publish(id, row.number(), id, row.beneficiaryId(), row.section(), Transition.EXAMINED, "UNDER_EXAMINATION",
                null, null, null, null, null, row.receivedAt(), now);
        receipt(id, now);
        return view(id);
    }

    @Transactional
    public ApplicationView decide(UUID id, Decision decision, Agent agent) {
        agent.requireRole(Agent.SECTION_DIRECTOR);
        List<FieldError> errors = new ArrayList<>();
        if (decision.outcome() == null) {
            errors.add(FieldError.of("outcome", "is required: GRANTED or REFUSED"));
        } else if (decision.outcome() == Outcome.REFUSED) {
            if (decision.reasonCodes() == null || decision.reasonCodes().isEmpty()) {
                errors.add(FieldError.of("reasonCodes", "is required for a refusal: " + REFUSAL_CODES));
            } else if (!REFUSAL_CODES.containsAll(decision.reasonCodes())) {
                errors.add(FieldError.of("reasonCodes", "must be among " + REFUSAL_CODES));
            } else if (decision.reasonCodes().contains("OTHER")) {
                Fields.text("reasonText", decision.reasonText(), REASON_TEXT, errors);
            }
        }
        if (decision.months() != null && (decision.months() < 1 || decision.months() > 24)) {
            errors.add(FieldError.of("months", "must be 1 to 24"));
        }
        Fields.check(errors);
        Row row = lockForWrite(id, agent);
        requireStatus(row, "UNDER_EXAMINATION");
        agent.requireFourEyes(row.filedBy(), row.examinedBy());
        Instant now = clock.instant();
        if (decision.outcome() == Outcome.REFUSED) {
            jdbc.sql("""
                            update psol_application set status = 'REFUSED', decided_by = :by, decided_at = :now,
                                   refusal_reasons = :reasons, refusal_text = :text, updated_at = :now where id = :id
                            """)
                    .param("by", agent.username()).param("now", Timestamp.from(now))
                    .param("reasons", String.join(",", decision.reasonCodes()))
                    .param("text", decision.reasonText() == null ? null : decision.reasonText().strip()).param("id", id).update();
            step(id, Transition.REFUSED, now, agent, String.join(",", decision.reasonCodes()));
            events.publish(id, row.number(), id, row.beneficiaryId(), row.section(), Transition.REFUSED, "REFUSED", null, null,
                    null, null, decision.reasonCodes(), row.receivedAt(), now);
            receipt(id, now);
            return view(id);
        }
        YearMonth first = YearMonth.from(row.receivedAt().atZone(PARIS));
        BeneficiarySnapshot beneficiary = snapshots.get(row.beneficiaryId(), "beneficiaryId");
        HouseholdFacts facts = snapshots.facts(beneficiary, first);
        Allowance.Result result = Allowance.compute(facts.household(), parameters.on(first.atDay(1)));
        List<String> blocking = Stream.concat(facts.stops().stream(), result.eligible() ? Stream.empty() : result.reasons().stream()).toList();
        if (!blocking.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, NOT_ELIGIBLE, "Not eligible",
                    "On the registry's data, the household is not eligible for " + first + ": " + String.join(", ", blocking)
                            + ". Refuse the application with these reasons, or correct the file in the registry first.")
                    .with("reasons", blocking);
        }
        long previousGrants = jdbc.sql("select count(*) from psol_grant where beneficiary_id = :b")
                .param("b", row.beneficiaryId()).query(Long.class).single();
        int months;
        if (previousGrants < 2) {
            if (decision.months() != null && decision.months() != 12) {
                Fields.check(List.of(FieldError.of("months", "a first grant and its first renewal last 12 months (RM II.1.1 d/1)")));
            }
            months = 12;
        } else {
            months = decision.months() == null ? 24 : decision.months();
        }
        UUID grantId = UUID.randomUUID();
        String grantNumber = nextNumber("PSG", first.getYear());
        LocalDate last = first.plusMonths(months - 1).atDay(1);
        jdbc.sql("""
                        insert into psol_grant (id, number, application_id, beneficiary_id, section, payee_account_holder, payee_iban,
                            first_month, last_month, status, monthly_amount, last_snapshot_version, granted_by, granted_at)
                        values (:id, :number, :application, :beneficiary, :section, :holder, :iban, :first, :last, 'ACTIVE',
                            :amount, :version, :by, :now)
                        """)
                .param("id", grantId).param("number", grantNumber).param("application", id)
                .param("beneficiary", row.beneficiaryId()).param("section", row.section()).param("holder", row.holder())
                .param("iban", row.iban()).param("first", first.atDay(1)).param("last", last)
                .param("amount", result.monthlyAmount()).param("version", beneficiary.version())
                .param("by", agent.username()).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("update psol_application set status = 'GRANTED', decided_by = :by, decided_at = :now, updated_at = :now where id = :id")
                .param("by", agent.username()).param("now", Timestamp.from(now)).param("id", id).update();
        step(id, Transition.GRANTED, now, agent, grantNumber + " " + first + " → " + YearMonth.from(last));
        events.publish(grantId, grantNumber, id, row.beneficiaryId(), row.section(), Transition.GRANTED, "ACTIVE",
                result.monthlyAmount(), first.atDay(1), last, first.atDay(1), null, row.receivedAt(), now);
        receipt(id, now);
        return view(id);
    }

    @Transactional(readOnly = true)
    public ApplicationView get(UUID id, Agent agent) {
        Row row = find(id, false);
        agent.requireRead(row.section());
        return view(id);
    }

    @Transactional(readOnly = true)
    public List<ApplicationView> search(UUID beneficiaryId, String status, Agent agent) {
        return jdbc.sql("""
                        select id from psol_application
                         where (cast(:section as text) is null or section = :section)
                           and (cast(:beneficiary as uuid) is null or beneficiary_id = :beneficiary)
                           and (cast(:status as text) is null or status = :status)
                         order by received_at desc limit 200
                        """)
                .param("section", agent.isSupervisor() ? null : agent.section()).param("beneficiary", beneficiaryId)
                .param("status", status).query(UUID.class).list().stream().map(this::view).toList();
    }

    ApplicationView view(UUID id) {
        Row r = find(id, false);
        GrantView grant = jdbc.sql("select * from psol_grant where application_id = :id").param("id", id)
                .query((rs, n) -> grant(rs)).optional().orElse(null);
        return new ApplicationView(r.id(), r.number(), new Receipt(r.receipt(), r.receivedAt(), r.status()), r.beneficiaryId(),
                r.section(), r.renewal(), r.status(), r.receivedAt(), r.filedBy(), r.examinedBy(), r.assessment(), r.decidedBy(),
                r.decidedAt(), r.refusalReasons() == null ? List.of() : Arrays.asList(r.refusalReasons().split(",")),
                r.refusalText(), r.holder(), Iban.masked(r.iban()), grant);
    }

    static GrantView grant(ResultSet rs) throws SQLException {
        return new GrantView(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("status"),
                rs.getObject("first_month", LocalDate.class), rs.getObject("last_month", LocalDate.class),
                rs.getBigDecimal("monthly_amount"), rs.getObject("status_from", LocalDate.class), rs.getString("status_reason"),
                Iban.masked(rs.getString("payee_iban")));
    }

    /** The application's receipt on {@code receipts.v1}: the gateway answers it also while this service is down. */
    private void receipt(UUID id, Instant at) {
        Row r = find(id, false);
        receipts.publish(new ReceiptState(r.receipt(), "solidarity", r.status(), r.receivedAt(), r.id(), r.number(), r.section(),
                r.refusalReasons() == null ? null : Arrays.asList(r.refusalReasons().split(",")),
                snapshots.find(r.beneficiaryId()).map(b -> receipts.birthDateCheck(r.receipt(), b.situation().identity().birthDate()))
                        .orElse(null), at));
    }

    void step(UUID fileId, Transition transition, Instant at, Agent agent, String detail) {
        jdbc.sql("""
                        insert into psol_step (file_id, seq, transition, at, agent, detail)
                        values (:id, (select coalesce(max(seq), 0) + 1 from psol_step where file_id = :id), :transition, :at, :agent, :detail)
                        """)
                .param("id", fileId).param("transition", transition.name()).param("at", Timestamp.from(at))
                .param("agent", agent == null ? null : agent.toString()).param("detail", detail).update();
    }

    private String nextNumber(String kind, int year) {
        int last = jdbc.sql("""
                        insert into psol_counter (kind, year, last) values (:kind, :year, 1)
                        on conflict (kind, year) do update set last = psol_counter.last + 1 returning last
                        """)
                .param("kind", kind).param("year", year).query(Integer.class).single();
        return "%s-%d-%06d".formatted(kind, year, last);
    }

    private Row lockForWrite(UUID id, Agent agent) {
        Row row = find(id, true);
        agent.requireWrite(row.section());
        return row;
    }

    private Row find(UUID id, boolean lock) {
        return jdbc.sql("select * from psol_application where id = :id" + (lock ? " for update" : "")).param("id", id)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("receipt_number"),
                        rs.getObject("beneficiary_id", UUID.class), rs.getString("section"), rs.getBoolean("renewal"),
                        rs.getString("payee_account_holder"), rs.getString("payee_iban"), rs.getString("status"),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("filed_by"), rs.getString("examined_by"),
                        rs.getString("assessment"), rs.getString("decided_by"),
                        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("refusal_reasons"), rs.getString("refusal_text")))
                .optional()
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                        "No Paris Solidarité application " + id + "."));
    }

    private static void requireStatus(Row row, String... allowed) {
        if (!Set.of(allowed).contains(row.status())) {
            throw new ProblemException(HttpStatus.CONFLICT, INVALID_TRANSITION, "Not possible now",
                    "The application " + row.number() + " is " + row.status() + "; this step needs it to be "
                            + Arrays.stream(allowed).collect(Collectors.joining(" or ")) + ".").with("status", row.status());
        }
    }
}
