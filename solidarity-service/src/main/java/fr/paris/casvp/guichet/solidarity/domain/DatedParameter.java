package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A figure of the rules, in force from a date until the next one of the same name: the text it comes from, who recorded
 * it and when.
 */
public record DatedParameter(String name, LocalDate effectiveFrom, BigDecimal value, String source, String recordedBy,
                             Instant recordedAt) {

    /**
     * The values in force on {@code date} among these rows (the table, or the table with a proposed value: the impact
     * of a change before it is approved); asking for one that has none is refused (422) naming it.
     */
    public static Allowance.Parameters inForce(Collection<DatedParameter> rows, LocalDate date) {
        Map<String, BigDecimal> values = rows.stream().filter(row -> !row.effectiveFrom().isAfter(date))
                .collect(Collectors.groupingBy(DatedParameter::name, Collectors.collectingAndThen(
                        Collectors.maxBy(Comparator.comparing(DatedParameter::effectiveFrom)), row -> row.orElseThrow().value())));
        return name -> {
            BigDecimal value = values.get(name);
            if (value == null) {
                throw new Refusal(Refusal.Kind.UNPROCESSABLE, ProblemTypes.REQUEST_REFUSED, "No parameter in force",
                        "No value of " + name + " is in force on " + date + ".");
            }
            return value;
        };
    }
}
