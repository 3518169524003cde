package fr.paris.casvp.guichet.solidarity.allowance;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.DatedParameter;
import fr.paris.casvp.guichet.solidarity.domain.FigureFamily;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated parameters of Paris Solidarité, read by every agent, and those whose revaluation is overdue (new values are
 * proposed and approved by administrators through {@code platform/figures}). And what the rule gives for facts a counter
 * enters.
 */
@Service
public class ParameterService {

    private final ParameterStore store;
    private final Clock clock;

    ParameterService(ParameterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<DatedParameter> all() {
        return store.all();
    }

    /** What the rule gives, and the stale figures it rests on (those it read that were due for revaluation). */
    record Simulation(Allowance.Result result, List<DatedFigures.Stale> staleFigures) {
    }

    /** The amount a household would receive in a month, with the parameters of that month. */
    @Transactional(readOnly = true)
    Simulation simulate(Allowance.Household household) {
        LocalDate firstDay = household.month().atDay(1);
        List<DatedParameter> rows = store.all(); // read once: the values of the month and which of them are stale
        Allowance.Parameters inForce = DatedParameter.inForce(rows, firstDay);
        Set<String> read = new HashSet<>();
        Allowance.Result result = Allowance.compute(household, name -> {
            read.add(name);
            return inForce.value(name);
        });
        return new Simulation(result, FigureFamily.staleOn(firstDay, rows).stream().filter(figure -> read.contains(figure.name())).toList());
    }

    /**
     * The figures stale on a date: a revaluation was due on or before it and none was recorded. On today's date, what
     * the status board and the metrics show; on a month's first day, what an amount of that month rests on.
     */
    @Transactional(readOnly = true)
    public List<DatedFigures.Stale> stale(LocalDate date) {
        return FigureFamily.staleOn(date, store.all());
    }

    /** The figures stale today (Paris). */
    public List<DatedFigures.Stale> staleToday() {
        return stale(ParisTime.today(clock));
    }
}
