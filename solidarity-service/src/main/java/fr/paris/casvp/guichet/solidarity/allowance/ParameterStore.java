package fr.paris.casvp.guichet.solidarity.allowance;

import fr.paris.casvp.guichet.figures.FigureStore;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.DatedParameter;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dated parameters of Paris Solidarité, kept by the platform ({@code platform/figures}, table {@code dated_figure}):
 * the values in force on a date. A row is never rewritten nor deleted: a new value is a new row, added once a second
 * administrator approved it. The rows this service recorded before the platform kept them ({@code solidarity_parameter},
 * seeded with the tables of docs/rules.md, and its proposals) are copied at each start, once each.
 */
@Repository
public class ParameterStore {

    private final FigureStore figures;

    /** @param figures the platform's store: its tables exist once it is made */
    ParameterStore(JdbcClient jdbc, FigureStore figures) {
        this.figures = figures;
        jdbc.sql("""
                insert into dated_figure (name, effective_from, value, source, recorded_by, recorded_at, approved_by)
                select name, effective_from, value, source, recorded_by, recorded_at, approved_by from solidarity_parameter
                on conflict (name, effective_from) do nothing
                """).update();
        jdbc.sql("""
                insert into figure_proposal (id, name, effective_from, value, source, status, proposed_by, proposed_at, decided_by,
                                             decided_at, applied_at)
                select id, name, effective_from, value, source, status, proposed_by, proposed_at, decided_by, decided_at, applied_at
                  from solidarity_parameter_proposal
                on conflict (id) do nothing
                """).update();
    }

    /** The values in force on {@code date}; asking for one that has none is refused (422) naming it. */
    public Allowance.Parameters on(LocalDate date) {
        return DatedParameter.inForce(all(), date);
    }

    public List<DatedParameter> all() {
        return figures.all().stream().map(row -> new DatedParameter(row.name(), row.effectiveFrom(), row.value(), row.source(),
                row.recordedBy(), row.recordedAt())).toList();
    }
}
