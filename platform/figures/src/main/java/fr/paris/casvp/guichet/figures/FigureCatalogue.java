package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.figures.FigureFamily;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a benefit service declares (a bean) to have its dated figures kept, shown and administered by this module.
 *
 * @param families  its figure families by identifier (a section of the "Paramètres" screen), in the screen's order
 * @param shipped   the class path resource of the rows shipped with the service ({@code name;effective_from;value;source}
 *                  a line, read by {@link fr.paris.casvp.guichet.contracts.figures.DatedFigures#read}): each one absent
 *                  from the table is added at the service's start; null when nothing is shipped
 * @param effects   what a new value changes, in French, shown with a proposal's impact when the service says no more
 *                  (no {@link FigureConsequences}), e.g. "les droits accordés gardent leur montant"
 */
public record FigureCatalogue(Map<String, FigureFamily> families, String shipped, String effects) {

    public FigureCatalogue {
        families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
        Objects.requireNonNull(effects, "effects");
    }

    /** The families in the screen's order. */
    public List<FigureFamily> list() {
        return List.copyOf(families.values());
    }

    /** Every figure's name, sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        families.values().forEach(family -> names.addAll(family.labels().keySet()));
        return Collections.unmodifiableSet(names);
    }

    /** The French name of a figure, or its name when no family knows it. */
    public String label(String name) {
        return families.values().stream().map(family -> family.labels().get(name)).filter(Objects::nonNull).findFirst().orElse(name);
    }
}
