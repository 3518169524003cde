package fr.paris.casvp.guichet.housing.file;

import fr.paris.casvp.guichet.housing.domain.Assessment;
import fr.paris.casvp.guichet.housing.domain.Household;
import fr.paris.casvp.guichet.housing.domain.HousingFile;
import fr.paris.casvp.guichet.housing.domain.Variant;
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
import tools.jackson.databind.json.JsonMapper;

/** The files in the tables of {@code V1__housing.sql}: loaded, saved back with their new steps; their history for the API. */
@Repository
class FileStore {

    /** A step of a file's history, as stored. */
    record HistoryEntry(String transition, Instant at, String agent, String detail) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FileStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** {@code PL-<year>-<6 digits>}, in order of filing within the year. */
    String nextNumber(int year) {
        int last = jdbc.sql("""
                        insert into housing_counter (year, last) values (:year, 1)
                        on conflict (year) do update set last = housing_counter.last + 1 returning last
                        """).param("year", year).query(Integer.class).single();
        return "PL-%d-%06d".formatted(year, last);
    }

    void insert(HousingFile f) {
        jdbc.sql("""
                        insert into housing_file (id, number, receipt_number, beneficiary_id, section, declared, account_holder, iban,
                            renewal, status, received_at, filed_by, updated_at)
                        values (:id, :number, :receipt, :beneficiary, :section, cast(:declared as jsonb), :holder, :iban, :renewal,
                            :status, :receivedAt, :filedBy, :updatedAt)
                        """)
                .param("id", f.id()).param("number", f.number()).param("receipt", f.receiptNumber())
                .param("beneficiary", f.beneficiaryId()).param("section", f.section())
                .param("declared", json.writeValueAsString(f.declared())).param("holder", f.payee().accountHolder())
                .param("iban", f.payee().iban()).param("renewal", f.renewal()).param("status", f.status().name())
                .param("receivedAt", Timestamp.from(f.receivedAt())).param("filedBy", f.filedBy())
                .param("updatedAt", Timestamp.from(f.updatedAt())).update();
        addSteps(f);
    }

    void save(HousingFile f) {
        HousingFile.Examination e = f.examination();
        HousingFile.Decision d = f.decision();
        jdbc.sql("""
                        update housing_file set status = :status, examined_by = :examinedBy, examined_at = :examinedAt,
                               examined = cast(:examined as jsonb), assessment = cast(:assessment as jsonb), examination_notes = :notes,
                               decided_by = :decidedBy, decided_at = :decidedAt, variant = :variant, monthly_amount = :amount,
                               valid_from = :validFrom, valid_until = :validUntil, refusal_reasons = :reasons, refusal_text = :text,
                               updated_at = :updatedAt
                         where id = :id
                        """)
                .param("status", f.status().name())
                .param("examinedBy", e == null ? null : e.examinedBy()).param("examinedAt", e == null ? null : timestamp(e.examinedAt()))
                .param("examined", e == null ? null : json.writeValueAsString(e.household()))
                .param("assessment", e == null ? null : json.writeValueAsString(e.assessment()))
                .param("notes", e == null ? null : e.notes())
                .param("decidedBy", d == null ? null : d.decidedBy()).param("decidedAt", d == null ? null : timestamp(d.decidedAt()))
                .param("variant", d == null || d.variant() == null ? null : d.variant().name())
                .param("amount", d == null ? null : d.monthlyAmount())
                .param("validFrom", d == null ? null : d.validFrom()).param("validUntil", d == null ? null : d.validUntil())
                .param("reasons", d == null || d.refusalReasons().isEmpty() ? null : String.join(",", d.refusalReasons()))
                .param("text", d == null ? null : d.refusalText())
                .param("updatedAt", timestamp(f.updatedAt())).param("id", f.id()).update();
        addSteps(f);
    }

    /** @param lock whether to lock the file until the end of the transaction: its steps happen one at a time */
    Optional<HousingFile> find(UUID id, boolean lock) {
        return jdbc.sql("select * from housing_file where id = :id" + (lock ? " for update" : "")).param("id", id)
                .query(this::file).optional();
    }

    /** How many grants the beneficiary had before: the length of the next one depends on it (RM II 2.1 c/2). */
    int earlierGrants(UUID beneficiaryId) {
        return jdbc.sql("select count(*) from housing_file where beneficiary_id = :b and status = 'GRANTED'")
                .param("b", beneficiaryId).query(Integer.class).single();
    }

    /** The end of the beneficiary's latest grant, if any. */
    Optional<LocalDate> grantedUntil(UUID beneficiaryId) {
        return jdbc.sql("""
                        select valid_until from housing_file where beneficiary_id = :b and status = 'GRANTED'
                         order by valid_until desc limit 1
                        """)
                .param("b", beneficiaryId).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** A section's files (every section's when null), newest first, 200 at most. */
    List<HousingFile> search(String section, UUID beneficiaryId, String status) {
        return jdbc.sql("""
                        select * from housing_file
                         where (cast(:section as text) is null or section = :section)
                           and (cast(:beneficiary as uuid) is null or beneficiary_id = :beneficiary)
                           and (cast(:status as text) is null or status = :status)
                         order by received_at desc limit 200
                        """)
                .param("section", section).param("beneficiary", beneficiaryId).param("status", status).query(this::file).list();
    }

    List<HistoryEntry> history(UUID fileId) {
        return jdbc.sql("select * from housing_step where file_id = :id order by seq").param("id", fileId)
                .query((rs, n) -> new HistoryEntry(rs.getString("transition"), rs.getTimestamp("at").toInstant(),
                        rs.getString("agent"), rs.getString("detail"))).list();
    }

    /** The number of the file's last recorded step (0 when none). */
    int lastStepSeq(UUID fileId) {
        return jdbc.sql("select coalesce(max(seq), 0) from housing_step where file_id = :id").param("id", fileId)
                .query(Integer.class).single();
    }

    private void addSteps(HousingFile f) {
        for (HousingFile.Step step : f.steps()) {
            jdbc.sql("""
                            insert into housing_step (file_id, seq, transition, at, agent, detail)
                            values (:id, (select coalesce(max(seq), 0) + 1 from housing_step where file_id = :id), :t, :at, :agent, :detail)
                            """)
                    .param("id", f.id()).param("t", step.transition().name()).param("at", Timestamp.from(step.at()))
                    .param("agent", step.agent()).param("detail", step.detail()).update();
        }
    }

    private HousingFile file(ResultSet rs, int n) throws SQLException {
        String examinedBy = rs.getString("examined_by");
        HousingFile.Examination examination = examinedBy == null ? null : new HousingFile.Examination(examinedBy,
                instant(rs, "examined_at"), json.readValue(rs.getString("examined"), Household.class),
                json.readValue(rs.getString("assessment"), Assessment.class), rs.getString("examination_notes"));
        String decidedBy = rs.getString("decided_by");
        String reasons = rs.getString("refusal_reasons");
        String variant = rs.getString("variant");
        HousingFile.Decision decision = decidedBy == null ? null : new HousingFile.Decision(decidedBy, instant(rs, "decided_at"),
                variant == null ? null : Variant.valueOf(variant), rs.getBigDecimal("monthly_amount"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                reasons == null ? List.of() : Arrays.asList(reasons.split(",")), rs.getString("refusal_text"));
        return new HousingFile(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("receipt_number"),
                rs.getObject("beneficiary_id", UUID.class), rs.getString("section"),
                json.readValue(rs.getString("declared"), Household.class),
                new HousingFile.Payee(rs.getString("account_holder"), rs.getString("iban")), rs.getBoolean("renewal"),
                instant(rs, "received_at"), rs.getString("filed_by"), HousingFile.Status.valueOf(rs.getString("status")),
                examination, decision, instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
