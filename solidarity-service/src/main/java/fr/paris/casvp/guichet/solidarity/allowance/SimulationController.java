package fr.paris.casvp.guichet.solidarity.allowance;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.figures.FigureWarning;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.DatedParameter;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/solidarity/simulations}: the amount a household would receive in a month, with the parameters of
 * that month (the contract of issue #6, which counters and partners depend on); {@code GET /api/solidarity/parameters}:
 * every dated parameter (its families, the stale ones and the proposals below it come from {@code platform/figures}).
 */
@RestController
@RequestMapping("/api/solidarity")
class SimulationController {

    private static final BigDecimal MAX_RESOURCES = new BigDecimal("1000000");

    record PersonRequest(LocalDate birthDate, boolean disabled, boolean unfitForWork) {
    }

    record SimulationRequest(String month, PersonRequest applicant, PersonRequest spouse,
                             Integer parisResidenceYearsInLastFive, BigDecimal monthlyResources) {
    }

    /** Every field is always present, {@code category} null when neither elderly nor disabled. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SimulationResponse(boolean eligible, Allowance.Category category, BigDecimal ceiling, BigDecimal resourceFloor,
                              BigDecimal countedResources, BigDecimal monthlyAmount, List<String> reasons,
                              List<FigureWarning> warnings) {
    }

    private final ParameterService parameters;
    private final Clock clock;

    SimulationController(ParameterService parameters, Clock clock) {
        this.parameters = parameters;
        this.clock = clock;
    }

    @PostMapping("/simulations")
    SimulationResponse simulate(@RequestBody SimulationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth month = null;
        if (request.month() == null) {
            errors.add(FieldError.of("month", "is required, e.g. 2018-04"));
        } else {
            try {
                month = YearMonth.parse(request.month());
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("month", "must be a month, e.g. 2018-04"));
            }
        }
        LocalDate today = ParisTime.today(clock);
        person("applicant", request.applicant(), true, today, errors);
        person("spouse", request.spouse(), false, today, errors);
        Integer years = request.parisResidenceYearsInLastFive();
        if (years == null || years < 0 || years > 5) {
            errors.add(FieldError.of("parisResidenceYearsInLastFive", "is required: 0 to 5"));
        }
        if (request.monthlyResources() == null || request.monthlyResources().signum() != 0) {
            Fields.money("monthlyResources", request.monthlyResources(), MAX_RESOURCES, errors);
        }
        Fields.check(errors);
        ParameterService.Simulation simulation = parameters.simulate(new Allowance.Household(month, person(request.applicant()),
                request.spouse() == null ? null : person(request.spouse()), years, request.monthlyResources()));
        Allowance.Result result = simulation.result();
        return new SimulationResponse(result.eligible(), result.category(), result.ceiling(), result.resourceFloor(),
                result.countedResources(), result.monthlyAmount(), result.reasons(), FigureWarning.of(simulation.staleFigures()));
    }

    @GetMapping("/parameters")
    List<DatedParameter> parameters() {
        return parameters.all();
    }

    private static void person(String field, PersonRequest person, boolean required, LocalDate today, List<FieldError> errors) {
        if (person == null) {
            if (required) {
                errors.add(FieldError.of(field, "is required"));
            }
        } else if (person.birthDate() == null) {
            errors.add(FieldError.of(field + ".birthDate", "is required"));
        } else if (person.birthDate().isAfter(today) || person.birthDate().isBefore(LocalDate.of(1890, 1, 1))) {
            errors.add(FieldError.of(field + ".birthDate", "is not a plausible birth date"));
        }
    }

    private static Allowance.Person person(PersonRequest person) {
        return new Allowance.Person(person.birthDate(), person.disabled(), person.unfitForWork());
    }
}
