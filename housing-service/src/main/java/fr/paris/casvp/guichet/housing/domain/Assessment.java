package fr.paris.casvp.guichet.housing.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the rules give a household: the allowance it comes under and its monthly amount, or why none; with the figures
 * an agent checks it by.
 *
 * @param variant           the allowance the household comes under
 * @param amount            the monthly amount granted: the annex's, at most the net housing charge; zero when refused
 * @param reasons           why it is refused, each with its rule; empty when granted
 * @param ceiling           the resources ceiling that applied
 * @param resourcesRetained the resources counted: for the elderly and the disabled, at least the monthly ASPA
 * @param effortRate        the effort rate (0.3125 for 31.25 %); null when the allowance has no such condition
 * @param flatCharges       the flat-rate charges counted in the effort rate; null when none
 * @param netHousingCharge  rent, actual charges and parking, less the housing aids
 * @param scheduled         the annex's amount for the household, before the net housing charge caps it
 */
public record Assessment(Variant variant, BigDecimal amount, List<Reason> reasons, BigDecimal ceiling, BigDecimal resourcesRetained,
                         BigDecimal effortRate, BigDecimal flatCharges, BigDecimal netHousingCharge, BigDecimal scheduled) {

    public Assessment {
        reasons = List.copyOf(reasons);
    }

    public boolean granted() {
        return reasons.isEmpty();
    }
}
