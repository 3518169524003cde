package fr.paris.casvp.guichet.housing.simulation;

import fr.paris.casvp.guichet.housing.file.Commands;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/housing/simulations}: what the rules would give a household on a day, with the figures in force that
 * day, before anything is filed (the counter's estimate, the person's questions). The figures themselves are under
 * {@code /api/housing/parameters} ({@link HousingFigureCatalogue}).
 */
@RestController
@RequestMapping("/api/housing")
class SimulationController {

    /** @param date the day whose figures apply */
    record SimulationRequest(LocalDate date, Commands.HouseholdRequest household) {
    }

    private final HousingRules rules;

    SimulationController(HousingRules rules) {
        this.rules = rules;
    }

    @PostMapping("/simulations")
    AssessmentView simulate(@RequestBody SimulationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.date() == null) {
            errors.add(FieldError.of("date", "is required: the day whose figures apply"));
        }
        if (request.household() == null) {
            errors.add(FieldError.of("household", "is required: the household, its resources and its housing"));
        } else {
            request.household().check("household.", errors);
        }
        Fields.check(errors);
        HousingRules.Result result = rules.assess(request.household().toHousehold(), request.date());
        return AssessmentView.of(result.assessment(), result.stale());
    }
}
