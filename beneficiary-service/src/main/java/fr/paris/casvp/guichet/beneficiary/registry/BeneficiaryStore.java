package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.beneficiary.domain.Beneficiary;
import fr.paris.casvp.guichet.beneficiary.domain.FieldChange;
import fr.paris.casvp.guichet.beneficiary.domain.HistoryEntry;
import fr.paris.casvp.guichet.beneficiary.domain.NameKey;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The registry's tables. */
@Repository
class BeneficiaryStore {

    private static final String COLUMNS = "id, file_number, version, situation::text, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BeneficiaryStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Beneficiary> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from beneficiary where id = :id").param("id", id).query(this::stored).optional();
    }

    /** The row, locked until the end of the transaction: changes of one person are serialised. */
    Optional<Beneficiary> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from beneficiary where id = :id for update").param("id", id).query(this::stored).optional();
    }

    Optional<Beneficiary> findByNir(String nir) {
        return jdbc.sql("select " + COLUMNS + " from beneficiary where nir = :nir").param("nir", nir).query(this::stored).optional();
    }

    Optional<Beneficiary> findByFileNumber(String fileNumber) {
        return jdbc.sql("select " + COLUMNS + " from beneficiary where file_number = :fileNumber")
                .param("fileNumber", fileNumber).query(this::stored).optional();
    }

    List<Beneficiary> findByNameAndBirthDate(String nameKey, LocalDate birthDate) {
        return jdbc.sql("select " + COLUMNS + " from beneficiary where name_key = :nameKey and birth_date = :birthDate order by file_number")
                .param("nameKey", nameKey).param("birthDate", birthDate).query(this::stored).list();
    }

    /** By last name (first names optional) and birth date, accents and case aside. */
    List<Beneficiary> search(String lastName, String firstNames, LocalDate birthDate) {
        // Normalised names hold only A-Z and spaces: nothing in them is a LIKE wildcard.
        String prefix = NameKey.normalise(lastName) + "|" + (firstNames == null ? "" : NameKey.normalise(firstNames));
        return jdbc.sql("select " + COLUMNS + " from beneficiary"
                        + " where name_key like :prefix and birth_date = :birthDate order by file_number limit 50")
                .param("prefix", prefix + "%").param("birthDate", birthDate).query(this::stored).list();
    }

    /** Serialises homonym checks of the same name (two counters registering the same person at once). */
    void lockName(String nameKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:nameKey))").param("nameKey", nameKey).query(Object.class).single();
    }

    String nextFileNumber(int year) {
        long number = jdbc.sql("select nextval('beneficiary_file_number')").query(Long.class).single();
        return "B-%d-%06d".formatted(year, number);
    }

    void insert(Beneficiary beneficiary) {
        BeneficiarySituation s = beneficiary.situation();
        jdbc.sql("""
                        insert into beneficiary (id, file_number, nir, name_key, birth_date, section, version, situation, created_at, updated_at)
                        values (:id, :fileNumber, :nir, :nameKey, :birthDate, :section, :version, cast(:situation as jsonb), :createdAt, :updatedAt)
                        """)
                .param("id", beneficiary.id()).param("fileNumber", beneficiary.fileNumber())
                .param("nir", s.identity().nir()).param("nameKey", NameKey.of(s.identity().lastName(), s.identity().firstNames()))
                .param("birthDate", s.identity().birthDate()).param("section", s.section())
                .param("version", beneficiary.version()).param("situation", json.writeValueAsString(s))
                .param("createdAt", Timestamp.from(beneficiary.createdAt())).param("updatedAt", Timestamp.from(beneficiary.updatedAt()))
                .update();
    }

    void update(Beneficiary beneficiary) {
        BeneficiarySituation s = beneficiary.situation();
        jdbc.sql("""
                        update beneficiary set nir = :nir, name_key = :nameKey, birth_date = :birthDate, section = :section,
                               version = :version, situation = cast(:situation as jsonb), updated_at = :updatedAt
                         where id = :id
                        """)
                .param("id", beneficiary.id()).param("nir", s.identity().nir())
                .param("nameKey", NameKey.of(s.identity().lastName(), s.identity().firstNames()))
                .param("birthDate", s.identity().birthDate()).param("section", s.section())
                .param("version", beneficiary.version()).param("situation", json.writeValueAsString(s))
                .param("updatedAt", Timestamp.from(beneficiary.updatedAt()))
                .update();
    }

    /** A new version without a change of the situation (the household changed). */
    long bumpVersion(UUID id, Instant at) {
        return jdbc.sql("update beneficiary set version = version + 1, updated_at = :at where id = :id returning version")
                .param("id", id).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    void recordChange(UUID id, long version, Instant at, String agent, String operation, List<FieldChange> changes) {
        jdbc.sql("""
                        insert into beneficiary_change (beneficiary_id, version, changed_at, changed_by, operation, changes)
                        values (:id, :version, :at, :agent, :operation, cast(:changes as jsonb))
                        """)
                .param("id", id).param("version", version).param("at", Timestamp.from(at)).param("agent", agent)
                .param("operation", operation).param("changes", json.writeValueAsString(changes))
                .update();
    }

    List<HistoryEntry> history(UUID id) {
        return jdbc.sql("""
                        select version, changed_at, changed_by, operation, changes::text from beneficiary_change
                         where beneficiary_id = :id order by version
                        """)
                .param("id", id)
                .query((rs, n) -> new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        List.of(json.readValue(rs.getString(5), FieldChange[].class))))
                .list();
    }

    private Beneficiary stored(ResultSet rs, int rowNum) throws SQLException {
        return new Beneficiary(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                json.readValue(rs.getString(4), BeneficiarySituation.class), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant());
    }
}
