package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.figures.DatedFigure;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table {@code dated_figure}: rows added, never rewritten nor deleted (a trigger refuses it too).
 */
public class FigureStore {

    private static final Logger log = LoggerFactory.getLogger(FigureStore.class);

    private final JdbcClient jdbc;

    public FigureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FigureRow> all() {
        return jdbc.sql("select * from dated_figure order by name, effective_from")
                .query((rs, n) -> new FigureRow(rs.getString("name"), rs.getObject("effective_from", LocalDate.class),
                        rs.getBigDecimal("value"), rs.getString("source"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("approved_by")))
                .list();
    }

    public boolean exists(String name, LocalDate effectiveFrom) {
        return jdbc.sql("select count(*) from dated_figure where name = :name and effective_from = :from")
                .param("name", name).param("from", effectiveFrom).query(Long.class).single() > 0;
    }

    /** Adds an approved row; one of the same figure and day is never rewritten (refused by the primary key). */
    public void insert(FigureRow row) {
        jdbc.sql("""
                        insert into dated_figure (name, effective_from, value, source, recorded_by, recorded_at, approved_by)
                        values (:name, :from, :value, :source, :by, :at, :approvedBy)
                        """)
                .param("name", row.name()).param("from", row.effectiveFrom()).param("value", row.value())
                .param("source", row.source()).param("by", row.recordedBy()).param("at", Timestamp.from(row.recordedAt()))
                .param("approvedBy", row.approvedBy()).update();
    }

    /**
     * Adds the rows shipped with the service that the table does not hold (several instances starting at once add each
     * once). A shipped row whose figure and day the table holds with another value is left as recorded, and said: the
     * table is what was decided; a release never rewrites it.
     *
     * @return how many rows were added
     */
    public int ship(List<DatedFigure> shipped, Instant now) {
        int added = 0;
        for (DatedFigure row : shipped) {
            added += jdbc.sql("""
                            insert into dated_figure (name, effective_from, value, source, recorded_by, recorded_at)
                            values (:name, :from, :value, :source, :by, :at) on conflict (name, effective_from) do nothing
                            """)
                    .param("name", row.name()).param("from", row.effectiveFrom()).param("value", row.value())
                    .param("source", row.source()).param("by", FigureRow.RELEASE).param("at", Timestamp.from(now)).update();
        }
        Map<String, BigDecimal> recorded = all().stream().collect(Collectors.toMap(row -> row.name() + "@" + row.effectiveFrom(),
                FigureRow::value));
        for (DatedFigure row : shipped) {
            BigDecimal value = recorded.get(row.name() + "@" + row.effectiveFrom());
            if (value != null && value.compareTo(row.value()) != 0) {
                log.warn("Dated figure {} from {}: the release ships {} but {} is recorded; kept as recorded", row.name(),
                        row.effectiveFrom(), row.value(), value);
            }
        }
        return added;
    }
}
