package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.contracts.figures.FigureFamily;
import fr.paris.casvp.guichet.contracts.figures.Revaluation;
import fr.paris.casvp.guichet.figures.FigureCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exceptional aid's dated figures, kept by the platform ({@code platform/figures}) in the service's database: its
 * caps and its periods, changed only when the Conseil de Paris decides (never stale), each value proposed by an
 * administrator and approved by another in "Paramètres", under {@code /api/aid/parameters}.
 */
@Configuration(proxyBeanMethods = false)
class AidFigureCatalogue {

    @Bean
    static FigureCatalogue figureCatalogue() {
        Map<String, FigureFamily> families = new LinkedHashMap<>();
        families.put("caps", new FigureFamily("Plafonds de l'allocation exceptionnelle", Revaluation.ON_DECISION,
                "Règlement municipal V.1.1 et V.2.1, annexe", Map.of(
                        ParameterStore.CAP_RESIDENT_3_YEARS, "Plafond sur 12 mois, résident à Paris depuis 3 ans ou plus",
                        ParameterStore.CAP_RESIDENT_UNDER_3_YEARS, "Plafond sur 12 mois, résident à Paris depuis moins de 3 ans",
                        ParameterStore.CAP_NO_FIXED_ADDRESS, "Plafond sur 12 mois, personne sans domicile stable",
                        ParameterStore.CAP_DISASTER_PER_EVENT, "Plafond par sinistre")));
        families.put("conditions", new FigureFamily("Conditions et délais de l'allocation exceptionnelle", Revaluation.ON_DECISION,
                "Règlement municipal V.2.1 et I/B art. 3", Map.of(
                        ParameterStore.RESIDENCE_YEARS_FOR_HIGHER_CAP, "Années de résidence à Paris pour le plafond supérieur",
                        ParameterStore.DOMICILE_MINIMUM_MONTHS, "Mois de domiciliation à Paris, au moins",
                        ParameterStore.LAPSE_MONTHS, "Mois pour compléter une demande")));
        return new FigureCatalogue(families, null, "Les aides déjà accordées ne changent pas ; les demandes examinées et "
                + "décidées à partir de sa date d'effet l'appliquent.");
    }
}
