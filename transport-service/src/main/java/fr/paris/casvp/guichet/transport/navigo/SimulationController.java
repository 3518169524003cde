package fr.paris.casvp.guichet.transport.navigo;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.transport.domain.Navigo;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/transport/simulations}: the contract of issue #7, which counters and partners depend on. */
@RestController
@RequestMapping("/api/transport")
class SimulationController {

    private static final BigDecimal MAX_TAX = new BigDecimal("10000000");

    record SimulationRequest(LocalDate date, LocalDate birthDate, boolean disabled, boolean unfitForWork,
                             Integer parisResidenceYearsInLastFive, boolean noFixedAddress, BigDecimal incomeTax,
                             boolean renewal, boolean receivesQualifyingBenefit, boolean warVeteran, String zones) {
    }

    /** Every field always present: product, participation and validity are null when not eligible. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SimulationResponse(boolean eligible, String product, String zones, BigDecimal annualParticipation,
                              LocalDate validFrom, LocalDate validUntil, List<String> reasons) {
    }

    private final SimulationService simulations;
    private final Clock clock;

    SimulationController(SimulationService simulations, Clock clock) {
        this.simulations = simulations;
        this.clock = clock;
    }

    @PostMapping("/simulations")
    SimulationResponse simulate(@RequestBody SimulationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.date() == null) {
            errors.add(FieldError.of("date", "is required: the decision date"));
        }
        if (request.birthDate() == null) {
            errors.add(FieldError.of("birthDate", "is required"));
        } else if (request.birthDate().isAfter(ParisTime.today(clock)) || request.birthDate().isBefore(LocalDate.of(1890, 1, 1))) {
            errors.add(FieldError.of("birthDate", "is not a plausible birth date"));
        }
        Integer years = request.parisResidenceYearsInLastFive();
        if (years == null || years < 0 || years > 5) {
            errors.add(FieldError.of("parisResidenceYearsInLastFive", "is required: 0 to 5"));
        }
        if (request.incomeTax() == null || request.incomeTax().signum() != 0) {
            Fields.money("incomeTax", request.incomeTax(), MAX_TAX, errors);
        }
        if (!Navigo.ZONES_1_2.equals(request.zones()) && !Navigo.ZONES_1_5.equals(request.zones())) {
            errors.add(FieldError.of("zones", "must be \"1-2\" or \"1-5\""));
        }
        Fields.check(errors);
        Navigo.Result result = simulations.simulate(new Navigo.Request(request.date(), request.birthDate(), request.disabled(),
                request.unfitForWork(), years, request.noFixedAddress(), request.incomeTax(), request.renewal(),
                request.receivesQualifyingBenefit(), request.warVeteran(), request.zones()));
        return new SimulationResponse(result.eligible(), result.product(), result.zones(), result.annualParticipation(),
                result.validFrom(), result.validUntil(), result.reasons());
    }
}
