package fr.paris.casvp.guichet.solidarity.allowance;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.DatedParameter;
import fr.paris.casvp.guichet.solidarity.domain.ParameterNames;
import fr.paris.casvp.guichet.solidarity.domain.StaleFigure;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated parameters of Paris Solidarité, read by every agent; a SUPERVISOR adds a value that takes effect at a
 * future date (a value in force is never rewritten). And what the rule gives for facts a counter enters.
 */
@Service
public class ParameterService {

    /** A value to add: {@code effectiveFrom} after today. */
    record NewValue(String name, LocalDate effectiveFrom, BigDecimal value, String source) {
    }

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

    /** Adds (or corrects, while it is not in force) a value for a future date. */
    @Transactional
    DatedParameter add(NewValue value, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        LocalDate today = ParisTime.today(clock);
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
        DatedParameter parameter = new DatedParameter(value.name(), value.effectiveFrom(), value.value(),
                value.source().strip(), agent.toString(), now);
        store.save(parameter);
        return parameter;
    }

    /** What the rule gives, and the stale figures it rests on (those it read that were due for revaluation). */
    record Simulation(Allowance.Result result, List<StaleFigure> staleFigures) {
    }

    /** The amount a household would receive in a month, with the parameters of that month. */
    @Transactional(readOnly = true)
    Simulation simulate(Allowance.Household household) {
        LocalDate firstDay = household.month().atDay(1);
        Allowance.Parameters inForce = store.on(firstDay);
        Set<String> read = new HashSet<>();
        Allowance.Result result = Allowance.compute(household, name -> {
            read.add(name);
            return inForce.value(name);
        });
        return new Simulation(result, stale(firstDay).stream().filter(figure -> read.contains(figure.name())).toList());
    }

    /**
     * The figures stale on a date: a revaluation was due on or before it and none was recorded. On today's date, what
     * the status board and the metrics show; on a month's first day, what an amount of that month rests on.
     */
    @Transactional(readOnly = true)
    public List<StaleFigure> stale(LocalDate date) {
        return StaleFigure.on(date, store.all());
    }

    /** The figures stale today (Paris). */
    public List<StaleFigure> staleToday() {
        return stale(ParisTime.today(clock));
    }
}
