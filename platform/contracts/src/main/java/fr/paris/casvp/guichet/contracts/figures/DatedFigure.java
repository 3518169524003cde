package fr.paris.casvp.guichet.contracts.figures;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A figure of the rules, in force from a date until the next row of the same name, with the text it comes from.
 *
 * @param name          e.g. {@code smic.net.monthly}
 * @param effectiveFrom the day it takes effect (Paris)
 * @param value         the figure
 * @param source        the text that set it: décret, arrêté, circular, deliberation, annex of the rulebook
 */
public record DatedFigure(String name, LocalDate effectiveFrom, BigDecimal value, String source) {
}
