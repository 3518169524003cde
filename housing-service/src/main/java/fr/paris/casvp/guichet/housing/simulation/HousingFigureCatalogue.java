package fr.paris.casvp.guichet.housing.simulation;

import fr.paris.casvp.guichet.contracts.figures.FigureFamily;
import fr.paris.casvp.guichet.figures.FigureCatalogue;
import fr.paris.casvp.guichet.housing.domain.HousingFigures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Paris Logement's dated figures, kept by the platform ({@code platform/figures}) in the service's database: its
 * families ({@link HousingFigures#CATALOGUE}), the rows shipped with it ({@code housing/figures.csv}, added at start when
 * absent), and what a new value changes. Administrators add values in "Paramètres" (four-eyes), under
 * {@code /api/housing/parameters}.
 */
@Configuration(proxyBeanMethods = false)
class HousingFigureCatalogue {

    /** The identifiers of {@link HousingFigures#CATALOGUE}'s families, in its order (the metrics' {@code family} tag). */
    static final List<String> FAMILIES = List.of("amounts", "smic", "aspa", "cnaf-charges");

    /** What a new value changes, shown with a proposal's impact: a grant keeps the amount it was decided with. */
    static final String EFFECTS = "Les droits déjà accordés gardent leur montant jusqu'à leur renouvellement ; les simulations, "
            + "les dépôts et les décisions l'appliquent à partir de sa date d'effet.";

    /** Paris Logement's families ({@link HousingFigures#CATALOGUE}) and the rows shipped with it, kept by the platform. */
    @Bean
    static FigureCatalogue figureCatalogue() {
        Map<String, FigureFamily> families = new LinkedHashMap<>();
        List<FigureFamily> catalogue = HousingFigures.CATALOGUE;
        for (int i = 0; i < catalogue.size(); i++) {
            families.put(FAMILIES.get(i), catalogue.get(i));
        }
        return new FigureCatalogue(families, HousingFigures.RESOURCE, EFFECTS);
    }
}
