package fr.paris.casvp.guichet.housing.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.FigureWarning;
import fr.paris.casvp.guichet.housing.domain.Assessment;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the rules give a household, as the API answers it (a simulation, an examination): the allowance and its amount,
 * or each reason it is refused in French with its article; the figures it was computed with; the stale figures.
 *
 * @param variant      the allowance's code ({@code ELDERLY}, {@code FAMILIES}...); null when none
 * @param variantName  its French name
 * @param effortRate   e.g. 0.3125 for 31.25 %; null when the allowance has no such condition
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AssessmentView(boolean eligible, String variant, String variantName, String article, BigDecimal monthlyAmount,
                             BigDecimal ceiling, BigDecimal resourcesRetained, BigDecimal effortRate, BigDecimal flatCharges,
                             BigDecimal netHousingCharge, BigDecimal scheduled, List<ReasonView> reasons, List<FigureWarning> warnings) {

    /** A reason of refusal: its code, in French, and its article of the règlement. */
    public record ReasonView(String code, String text, String article) {
    }

    public static AssessmentView of(Assessment a, List<DatedFigures.Stale> stale) {
        return new AssessmentView(a.granted(), a.variant() == null ? null : a.variant().name(),
                a.variant() == null ? null : a.variant().french(), a.variant() == null ? null : a.variant().article(),
                a.granted() ? a.amount() : null, a.ceiling(), a.resourcesRetained(), a.effortRate(), a.flatCharges(),
                a.netHousingCharge(), a.scheduled(),
                a.reasons().stream().map(r -> new ReasonView(r.name(), r.french(), r.article())).toList(),
                FigureWarning.of(stale));
    }
}
