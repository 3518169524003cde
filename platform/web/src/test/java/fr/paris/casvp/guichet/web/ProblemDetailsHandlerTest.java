package fr.paris.casvp.guichet.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.paris.casvp.guichet.contracts.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.SQLException;
import java.time.LocalDate;
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
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("birthDate", "lastName", "monthlyResources")))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/birthDate"));
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

    record Sample(@NotBlank String lastName, @Past LocalDate birthDate, @PositiveOrZero BigDecimal monthlyResources) {
    }

    @RestController
    static class SampleController {

        @PostMapping("/samples")
        Sample create(@Valid @RequestBody Sample sample) {
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
