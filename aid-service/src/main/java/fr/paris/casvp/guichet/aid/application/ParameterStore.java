package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.aid.domain.CapRule;
import fr.paris.casvp.guichet.aid.domain.DatedParameter;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.figures.FigureStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dated parameters of the aid, kept by the platform ({@code platform/figures}, table {@code dated_figure}): the value
 * in force on a date. A figure changes by a new row from its effective date, proposed by an administrator and approved by
 * another in "Paramètres" ({@link AidFigureCatalogue}). The rows the service's migration wrote before the platform kept
 * them ({@code aid_parameter}, from the annex in force on 1 January 2018) are copied at each start, once each.
 */
@Repository
class ParameterStore {

    static final String CAP_RESIDENT_3_YEARS = "cap.resident-3-years";
    static final String CAP_RESIDENT_UNDER_3_YEARS = "cap.resident-under-3-years";
    static final String CAP_NO_FIXED_ADDRESS = "cap.no-fixed-address";
    static final String CAP_DISASTER_PER_EVENT = "cap.disaster-per-event";
    static final String RESIDENCE_YEARS_FOR_HIGHER_CAP = "residence.years-for-higher-cap";
    static final String DOMICILE_MINIMUM_MONTHS = "domicile.minimum-months";
    static final String LAPSE_MONTHS = "lapse.months";

    private final JdbcClient jdbc;
    private final FigureStore figures;

    /** @param figures the platform's store: its tables exist once it is made */
    ParameterStore(JdbcClient jdbc, FigureStore figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        jdbc.sql("""
                insert into dated_figure (name, effective_from, value, source, recorded_by)
                select name, effective_from, value, source, 'migration' from aid_parameter
                on conflict (name, effective_from) do nothing
                """).update();
    }

    BigDecimal value(String name, LocalDate date) {
        return jdbc.sql("""
                        select value from dated_figure where name = :name and effective_from <= :date
                        order by effective_from desc limit 1
                        """)
                .param("name", name).param("date", date)
                .query(BigDecimal.class).optional()
                .orElseThrow(() -> new Refusal(Refusal.Kind.UNPROCESSABLE, ProblemTypes.REQUEST_REFUSED,
                        "No parameter in force", "No value of " + name + " is in force on " + date + "."));
    }

    int integer(String name, LocalDate date) {
        return value(name, date).intValueExact();
    }

    /** The cap rule's figures in force on {@code date}. */
    CapRule.Figures capFigures(LocalDate date) {
        return new CapRule.Figures(value(CAP_RESIDENT_3_YEARS, date), value(CAP_RESIDENT_UNDER_3_YEARS, date),
                value(CAP_NO_FIXED_ADDRESS, date), value(CAP_DISASTER_PER_EVENT, date),
                integer(RESIDENCE_YEARS_FOR_HIGHER_CAP, date));
    }

    List<DatedParameter> all() {
        return figures.all().stream().map(row -> new DatedParameter(row.name(), row.effectiveFrom(), row.value(), row.source()))
                .toList();
    }
}
