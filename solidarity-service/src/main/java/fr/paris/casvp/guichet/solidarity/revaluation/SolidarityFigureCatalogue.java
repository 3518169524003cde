package fr.paris.casvp.guichet.solidarity.revaluation;

import fr.paris.casvp.guichet.figures.FigureCatalogue;
import fr.paris.casvp.guichet.solidarity.domain.FigureFamily;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Paris Solidarité's dated figures, kept by the platform ({@code platform/figures}) in the service's database: its
 * families ({@link FigureFamily}), nothing shipped beyond what its migrations recorded, and a new value's consequences
 * reckoned by {@link Revaluations} (the platform's {@code FigureConsequences}). Administrators add values in
 * "Paramètres" (four-eyes), under {@code /api/solidarity/parameters}.
 */
@Configuration(proxyBeanMethods = false)
class SolidarityFigureCatalogue {

    @Bean
    static FigureCatalogue figureCatalogue() {
        Map<String, fr.paris.casvp.guichet.contracts.figures.FigureFamily> families = new LinkedHashMap<>();
        Arrays.stream(FigureFamily.values()).forEach(family -> families.put(family.name(), family.shared()));
        return new FigureCatalogue(families, null, "Les droits en cours sont recalculés et les mois déjà payés depuis sa date "
                + "d'effet sont régularisés (rappels ou trop-perçus) au versement suivant.");
    }
}
