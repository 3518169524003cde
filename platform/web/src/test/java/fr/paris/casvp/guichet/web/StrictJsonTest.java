package fr.paris.casvp.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    enum Outcome { GRANTED, REFUSED }

    record Decision(Outcome outcome, String reason, List<String> reasonCodes) {
    }

    private static final JsonMapper STRICT = strict();

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DecisionController())
            .setControllerAdvice(new ProblemDetailsHandler())
            .setMessageConverters(new JacksonJsonHttpMessageConverter(STRICT))
            .build();

    @Test
    void accentsApostrophesPunctuationAndLineBreaksAreOrdinaryText() {
        String reason = "Facture d’EDF impayée — « urgent » ; 2ᵉ relance (n° 42)\nÀ rappeler.\tMerci !";

        Decision read = STRICT.readValue("{\"outcome\":\"GRANTED\",\"reason\":" + STRICT.writeValueAsString(reason) + "}", Decision.class);

        assertThat(read.reason()).isEqualTo(reason);
        assertThat(StrictJson.unsafeCharacter("Émilie N’Diaye-Lefèvre 😀")).isEqualTo(-1);
    }

    @Test
    void controlBidiAndLoneSurrogateCharactersAreRefused() {
        assertThat(StrictJson.unsafeCharacter("x\u0000y")).isEqualTo(1);
        assertThat(StrictJson.unsafeCharacter("\u001b[31mrouge")).isEqualTo(0);
        assertThat(StrictJson.unsafeCharacter("abc\u202Efed")).isEqualTo(3);
        assertThat(StrictJson.unsafeCharacter("a\u2066b")).isEqualTo(1);
        assertThat(StrictJson.unsafeCharacter("a\u0085b")).isEqualTo(1);
        assertThat(StrictJson.unsafeCharacter("a\uD800b")).isEqualTo(1);
        assertThatThrownBy(() -> STRICT.readValue("{\"reason\":\"x\\u0000y\"}", Decision.class))
                .isInstanceOf(StrictJson.UnsafeTextException.class)
                .satisfies(e -> assertThat(DatabindPaths.fieldPath((DatabindException) e)).isEqualTo("reason"));
    }

    @Test
    void numbersAreNeitherEnumsNorTextsAndAListHoldsNoNull() {
        assertThatThrownBy(() -> STRICT.readValue("{\"outcome\":1}", Decision.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> STRICT.readValue("{\"reason\":42}", Decision.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> STRICT.readValue("{\"reasonCodes\":[null]}", Decision.class)).isInstanceOf(DatabindException.class);
        assertThat(STRICT.readValue("{\"reasonCodes\":[]}", Decision.class).reasonCodes()).isEmpty();
    }

    @Test
    void eachRefusalIsA400NamingTheFieldAndWhy() throws Exception {
        mvc.perform(post("/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\\u0000y\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].detail").value("contains a control or invisible formatting character"))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("x"))));
        mvc.perform(post("/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"reasonCodes\":[\"A\",null]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasonCodes[1]"))
                .andExpect(jsonPath("$.errors[0].detail").value("must not be null"));
        mvc.perform(post("/decisions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"" + "a".repeat(StrictJson.MAX_TEXT + 1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].detail").value("too long: at most 10000 characters"));
        mvc.perform(post("/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
    }

    private static JsonMapper strict() {
        // As the service's mapper: Boot adds the problem details' mix-in.
        JsonMapper.Builder builder = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        StrictJson.configure(builder);
        return builder.build();
    }

    @RestController
    static class DecisionController {
        @PostMapping("/decisions")
        Decision decide(@RequestBody Decision decision) {
            return decision;
        }
    }
}
