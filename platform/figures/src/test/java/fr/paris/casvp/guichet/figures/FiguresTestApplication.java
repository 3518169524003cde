package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.figures.FigureFamily;
import fr.paris.casvp.guichet.contracts.figures.Revaluation;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A benefit service in miniature: two families of figures, rows shipped, on a real database. */
@SpringBootConfiguration
@EnableAutoConfiguration
class FiguresTestApplication {

    static final String EFFECTS = "Les droits accordés gardent leur montant jusqu'à leur renouvellement.";

    @Bean
    FigureCatalogue catalogue() {
        Map<String, FigureFamily> families = new LinkedHashMap<>();
        families.put("amounts", new FigureFamily("Montants", Revaluation.ON_DECISION, "Règlement municipal",
                Map.of("amount.single", "Montant, personne seule")));
        families.put("smic", new FigureFamily("SMIC mensuel net", Revaluation.yearlyOn(MonthDay.of(1, 1), "chaque 1er janvier"),
                "Code du travail", Map.of("smic.net.monthly", "SMIC mensuel net")));
        return new FigureCatalogue(families, "figures-test/shipped.csv", EFFECTS);
    }
}
