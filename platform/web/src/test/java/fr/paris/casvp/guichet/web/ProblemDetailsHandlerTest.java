package fr.paris.casvp.guichet.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.paris.casvp.guichet.contracts.Refusal;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsHandlerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleController())
            .setControllerAdvice(new ProblemDetailsHandler())
            .build();

    @Test
    void everyInvalidFieldIsNamedAtOnce() throws Exception {
        mvc.perform(post("/samples").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\":\"\",\"birthDate\":\"2999-01-01\",\"monthlyResources\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:guichet:problem:validation"))
                .andExpect(jsonPath("$.detail").value("3 fields are invalid."))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("birthDate", "lastName", "monthlyResources")))
                .andExpect(jsonPath("$.errors[?(@.field == 'birthDate')].pointer").value(Matchers.contains("#/birthDate")));
    }

    @Test
    void aRuleOfTheDomainThatRefusesIsAProblemOfItsKindWithItsMembers() throws Exception {
        mvc.perform(get("/samples/refused"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:guichet:problem:cap-exceeded"))
                .andExpect(jsonPath("$.title").value("Cap exceeded"))
                .andExpect(jsonPath("$.detail").value("At most 787.00 € may still be granted."))
                .andExpect(jsonPath("$.remaining").value(787.0));
    }

    @Test
    void aRejectedValueIsNeverEchoed() throws Exception {
        mvc.perform(post("/samples").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\":\"Martin\",\"birthDate\":\"2999-01-01\",\"monthlyResources\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.not(Matchers.containsString("2999"))));
    }

    @Test
    void aValueOfTheWrongFormatNamesItsField() throws Exception {
        mvc.perform(post("/samples").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\":\"Martin\",\"birthDate\":\"01/02/1950\",\"monthlyResources\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:guichet:problem:malformed-request"))
                .andExpect(jsonPath("$.errors[0].field").value("birthDate"));
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest() throws Exception {
        mvc.perform(post("/samples").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:guichet:problem:malformed-request"))
                .andExpect(jsonPath("$.detail").value("The request body is missing or is not valid JSON."));
    }

    @Test
    void aWrongMethodIsAProblemToo() throws Exception {
        mvc.perform(get("/samples"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:guichet:problem:request-refused"));
    }

    @Test
    void anUnexpectedErrorGivesNeitherItsMessageNorItsStackTrace() throws Exception {
        mvc.perform(get("/samples/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:guichet:problem:internal"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("select"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("SampleController"))));
    }

    @Test
    void aDatabaseThatCannotWorkIs503SoThatTheGatewayQueuesTheCommand() throws Exception {
        mvc.perform(get("/samples/database-down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:guichet:problem:service-unavailable"))
                .andExpect(header().string("Retry-After", "30"));
    }

    @Test
    void aValueTheDatabaseCannotStoreIsTheRequestsFaultNotAnOutage() throws Exception {
        mvc.perform(get("/samples/unstorable"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:guichet:problem:validation"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("0x00"))));
    }

    /** A command body that checks itself, as every service's do: each bad field added, one answer. */
    record Sample(String lastName, LocalDate birthDate, BigDecimal monthlyResources) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            Fields.text("lastName", lastName, 100, errors);
            if (birthDate == null || !birthDate.isBefore(LocalDate.of(2026, 12, 1))) {
                errors.add(FieldError.of("birthDate", "must be a date in the past"));
            }
            if (monthlyResources == null || monthlyResources.signum() < 0) {
                errors.add(FieldError.of("monthlyResources", "must be zero or more"));
            }
            return errors;
        }
    }

    @RestController
    static class SampleController {

        @PostMapping("/samples")
        Sample create(@RequestBody Sample sample) {
            Fields.check(sample.errors());
            return sample;
        }

        @GetMapping("/samples/database-down")
        Sample databaseDown() {
            throw new DataAccessResourceFailureException("Connection refused",
                    new SQLException("FATAL: database \"aid\" is not currently accepting connections", "55000"));
        }

        @GetMapping("/samples/unstorable")
        Sample unstorable() {
            throw new DataIntegrityViolationException("insert into aid_application ...",
                    new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        }

        @GetMapping("/samples/refused")
        void refused() {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, URI.create("urn:guichet:problem:cap-exceeded"), "Cap exceeded",
                    "At most 787.00 € may still be granted.").with("remaining", new BigDecimal("787.00"));
        }

        @GetMapping("/samples/broken")
        Sample broken() {
            throw new IllegalStateException("select * from person where nir = '1500675123456'");
        }
    }
}
