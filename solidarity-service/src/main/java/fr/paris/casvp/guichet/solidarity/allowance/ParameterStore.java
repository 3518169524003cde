package fr.paris.casvp.guichet.solidarity.allowance;

import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.DatedParameter;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dated parameters of Paris Solidarité (table {@code solidarity_parameter}, seeded with the tables of
 * docs/rules.md): the values in force on a date. A row is never rewritten nor deleted (also refused by a trigger in the
 * database): a new value is a new row, added once a second administrator approved it.
 */
@Repository
public class ParameterStore {

    private final JdbcClient jdbc;

    ParameterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values in force on {@code date}; asking for one that has none is refused (422) naming it. */
    public Allowance.Parameters on(LocalDate date) {
        return DatedParameter.inForce(all(), date);
    }

    public List<DatedParameter> all() {
        return jdbc.sql("select * from solidarity_parameter order by name, effective_from")
                .query((rs, n) -> new DatedParameter(rs.getString("name"), rs.getObject("effective_from", LocalDate.class),
                        rs.getBigDecimal("value"), rs.getString("source"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Adds a value approved by {@code approvedBy}; a row of the same figure and date is never rewritten (refused). */
    public void insert(DatedParameter parameter, String approvedBy) {
        jdbc.sql("""
                        insert into solidarity_parameter (name, effective_from, value, source, recorded_by, recorded_at, approved_by)
                        values (:name, :from, :value, :source, :by, :at, :approvedBy)
                        """)
                .param("name", parameter.name()).param("from", parameter.effectiveFrom()).param("value", parameter.value())
                .param("source", parameter.source()).param("by", parameter.recordedBy())
                .param("at", Timestamp.from(parameter.recordedAt())).param("approvedBy", approvedBy).update();
    }

    /** Whether a value of the figure from that day exists. */
    public boolean exists(String name, LocalDate effectiveFrom) {
        return jdbc.sql("select count(*) from solidarity_parameter where name = :name and effective_from = :from")
                .param("name", name).param("from", effectiveFrom).query(Long.class).single() > 0;
    }
}
