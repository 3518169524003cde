package fr.paris.casvp.guichet.solidarity.allowance;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import fr.paris.casvp.guichet.web.ProblemException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated parameters of Paris Solidarité (table {@code solidarity_parameter}, seeded with the tables of docs/rules.md). A
 * SUPERVISOR adds a value that takes effect at a future date; a value in force is never rewritten (also refused by a
 * trigger in the database).
 */
@Component
public class SolidarityParameters {

    static final ZoneId PARIS = ParisTime.ZONE;

    public record Parameter(String name, LocalDate effectiveFrom, BigDecimal value, String source, String recordedBy,
                            Instant recordedAt) {
    }

    /** A value to add: {@code effectiveFrom} after today. */
    public record NewValue(String name, LocalDate effectiveFrom, BigDecimal value, String source) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SolidarityParameters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The values in force on {@code date}; asking for one that has none is a 422 naming it. */
    public Allowance.Parameters on(LocalDate date) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("""
                        select distinct on (name) name, value from solidarity_parameter
                         where effective_from <= :date order by name, effective_from desc
                        """)
                .param("date", date)
                .query((rs, n) -> values.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return name -> {
            BigDecimal value = values.get(name);
            if (value == null) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.REQUEST_REFUSED,
                        "No parameter in force", "No value of " + name + " is in force on " + date + ".");
            }
            return value;
        };
    }

    public List<Parameter> all() {
        return jdbc.sql("select * from solidarity_parameter order by name, effective_from")
                .query((rs, n) -> new Parameter(rs.getString("name"), rs.getObject("effective_from", LocalDate.class),
                        rs.getBigDecimal("value"), rs.getString("source"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Adds (or corrects, while it is not in force) a value for a future date. */
    @Transactional
    public Parameter add(NewValue value, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        List<FieldError> errors = new ArrayList<>();
        if (value.name() == null || !ParameterNames.ALL.contains(value.name())) {
            errors.add(FieldError.of("name", "must be one of " + ParameterNames.ALL));
        }
        if (value.effectiveFrom() == null || !value.effectiveFrom().isAfter(today)) {
            errors.add(FieldError.of("effectiveFrom", "must be after today: a value in force is never rewritten"));
        }
        if (value.value() == null || value.value().signum() < 0 || value.value().stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.of("value", "is required: zero or more, with at most 2 decimals"));
        }
        Fields.text("source", value.source(), 500, errors);
        Fields.check(errors);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into solidarity_parameter (name, effective_from, value, source, recorded_by, recorded_at)
                        values (:name, :from, :value, :source, :by, :at)
                        on conflict (name, effective_from) do update
                           set value = excluded.value, source = excluded.source, recorded_by = excluded.recorded_by,
                               recorded_at = excluded.recorded_at
                        """)
                .param("name", value.name()).param("from", value.effectiveFrom()).param("value", value.value())
                .param("source", value.source().strip()).param("by", agent.toString()).param("at", Timestamp.from(now))
                .update();
        return new Parameter(value.name(), value.effectiveFrom(), value.value(), value.source().strip(), agent.toString(), now);
    }
}
