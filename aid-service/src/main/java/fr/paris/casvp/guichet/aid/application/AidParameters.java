package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.web.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dated parameters of the aid (table {@code aid_parameter}): the value in force on a date. */
@Component
class AidParameters {

    static final String CAP_RESIDENT_3_YEARS = "cap.resident-3-years";
    static final String CAP_RESIDENT_UNDER_3_YEARS = "cap.resident-under-3-years";
    static final String CAP_NO_FIXED_ADDRESS = "cap.no-fixed-address";
    static final String CAP_DISASTER_PER_EVENT = "cap.disaster-per-event";
    static final String RESIDENCE_YEARS_FOR_HIGHER_CAP = "residence.years-for-higher-cap";
    static final String DOMICILE_MINIMUM_MONTHS = "domicile.minimum-months";
    static final String LAPSE_MONTHS = "lapse.months";

    record Parameter(String name, LocalDate effectiveFrom, BigDecimal value, String source) {
    }

    private final JdbcClient jdbc;

    AidParameters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BigDecimal value(String name, LocalDate date) {
        return jdbc.sql("""
                        select value from aid_parameter where name = :name and effective_from <= :date
                        order by effective_from desc limit 1
                        """)
                .param("name", name).param("date", date)
                .query(BigDecimal.class).optional()
                .orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.REQUEST_REFUSED,
                        "No parameter in force", "No value of " + name + " is in force on " + date + "."));
    }

    int integer(String name, LocalDate date) {
        return value(name, date).intValueExact();
    }

    List<Parameter> all() {
        return jdbc.sql("select name, effective_from, value, source from aid_parameter order by name, effective_from")
                .query((rs, n) -> new Parameter(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getString(4)))
                .list();
    }
}
