package fr.paris.casvp.guichet.housing.simulation;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.figures.FamilyView;
import fr.paris.casvp.guichet.contracts.figures.FigureWarning;
import fr.paris.casvp.guichet.housing.file.Commands;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/housing/simulations}: what the rules would give a household on a day, with the figures in force that
 * day, before anything is filed (the counter's estimate, the person's questions); {@code GET
 * /api/housing/parameters/stale}: the figures a revaluation has left stale (the supervisors' banner); {@code GET
 * /api/housing/parameters/families}: every figure with its history (the "Paramètres" screen).
 */
@RestController
@RequestMapping("/api/housing")
class SimulationController {

    /** @param date the day whose figures apply */
    record SimulationRequest(LocalDate date, Commands.HouseholdRequest household) {
    }

    private final HousingRules rules;
    private final Clock clock;

    SimulationController(HousingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** Every figure with its history and sources, and which are stale today: the "Paramètres" screen (read only here). */
    @GetMapping("/parameters/families")
    List<FamilyView> families() {
        return rules.families(ParisTime.today(clock));
    }

    /** The figures stale today, or on {@code date}, as every benefit resting on dated figures answers them. */
    @GetMapping("/parameters/stale")
    List<FigureWarning> stale(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return FigureWarning.of(rules.stale(date == null ? ParisTime.today(clock) : date));
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
