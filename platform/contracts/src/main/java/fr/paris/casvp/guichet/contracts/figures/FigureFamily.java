package fr.paris.casvp.guichet.contracts.figures;

import java.util.Map;

/**
 * Figures revalued together, by the same text: their French names (what a warning, the status board and the
 * "Paramètres" screen show), how they are revalued and on what basis.
 *
 * @param french      the family's name, e.g. "Charges forfaitaires de l'allocation logement (CNAF)"
 * @param revaluation when a new value is due
 * @param basis       the text that says so, e.g. "CCH D823-16, arrêté annuel"
 * @param labels      each figure's name → its French name
 */
public record FigureFamily(String french, Revaluation revaluation, String basis, Map<String, String> labels) {

    public FigureFamily {
        labels = Map.copyOf(labels);
    }
}
