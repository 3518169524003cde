package fr.paris.casvp.guichet.contracts.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenefitsTest {

    @Test
    void readsTheDeclarationShippedWithGuichet() {
        assertThat(Benefits.codes()).containsExactly("aid", "solidarity", "transport", "housing");
        Benefit solidarity = Benefits.of("solidarity");
        assertThat(solidarity.service()).isEqualTo("solidarity-service");
        assertThat(solidarity.apiPath()).isEqualTo("/api/solidarity");
        assertThat(solidarity.portVariable()).isEqualTo("GUICHET_SOLIDARITY_PORT");
        assertThat(solidarity.names().board()).isEqualTo("Paris Solidarité");
        assertThat(Benefits.of("transport").names().shortName()).isEqualTo("Navigo");
        assertThat(solidarity.counter()).isEqualTo(new Benefit.Counter("/api/solidarity/applications", "#/solidarite/", "#/psol/",
                List.of("RECEIVED"), List.of("UNDER_EXAMINATION")));
        assertThat(Benefits.of("transport").counter().toExamine()).as("nobody examines a pass").isEmpty();
        assertThat(solidarity.monthly()).isTrue();
        assertThat(Benefits.all()).filteredOn(Benefit::datedFigures).extracting(Benefit::code).containsExactly("aid", "solidarity", "housing");
        assertThat(solidarity.figures()).isEqualTo(Benefit.Figures.ADMINISTERED);
        assertThat(Benefits.of("housing").figures()).isEqualTo(Benefit.Figures.ADMINISTERED);
        assertThat(solidarity.partner()).isEqualTo(Benefit.Partner.TREASURY);
        assertThat(solidarity.filing()).containsExactly("/api/solidarity/applications");
        assertThat(Benefits.of("transport").roles().examine()).isEmpty();
        assertThat(Benefits.of("transport").notices()).containsEntry("ACTIVATED", "PASS_LOADED").doesNotContainKey("ORDERED");
        assertThat(solidarity.reference()).containsExactly("applicationNumber", "fileNumber");
        assertThat(Benefits.of("aid").roles().decide()).containsExactly("SECTION_DIRECTOR");
        assertThat(Benefits.all()).filteredOn(b -> b.service().equals("transport-service")).extracting(Benefit::code)
                .containsExactly("transport");
        assertThat(Benefits.all()).noneMatch(b -> b.service().equals("beneficiary-service"));
        assertThatThrownBy(() -> Benefits.of("energy")).hasMessage("no benefit energy (declared: [aid, solidarity, transport, housing])");
    }

    @Test
    void aWrongDeclarationIsRefusedWithEveryFaultNamed() throws IOException {
        Properties entries = new Properties();
        entries.load(new StringReader("""
                benefits=aid,Bad
                aid.service=aid-service
                aid.database=aid
                aid.local-port=80
                aid.board=Allocation exceptionnelle
                aid.receipt=Allocation exceptionnelle
                aid.title=Aide exceptionnelle
                aid.your-request=votre demande
                aid.reference-word=dossier
                aid.filing=/api/other/applications
                aid.event-type-prefix=fr.paris.casvp.guichet.aid
                aid.event-schema=aid-event.v1.json
                aid.short=Aide
                aid.files=/api/aid/applications
                aid.counter-form=aide
                aid.counter-file=#/demande/
                aid.to-examine=RECEIVED
                aid.to-decide=received
                aid.notices=RECEIVED
                aid.partner=bank
                aid.monthly=yes
                aid.dated-figures=yes
                aid.file=AGENT
                aid.decide=
                aid.colour=blue
                """));
        assertThatThrownBy(() -> Benefits.parse(entries)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("benefits: Bad is not a code")
                .hasMessageContaining("aid.local-port: 80 is not a port from 1024 to 65535")
                .hasMessageContaining("aid.filing: /api/other/applications is not under /api/aid/")
                .hasMessageContaining("aid.event-type-prefix: ends with a dot")
                .hasMessageContaining("aid.event-schema: no aid-event.v1.json in docs/schemas")
                .hasMessageContaining("aid.partner: bank is not treasury or transport-operator")
                .hasMessageContaining("aid.monthly: yes is not true or false")
                .hasMessageContaining("aid.dated-figures: yes is not none or administered")
                .hasMessageContaining("aid.examine: missing")
                .hasMessageContaining("aid.decide: names no role")
                .hasMessageContaining("aid.to-examine: names statuses, and no role works this queue")
                .hasMessageContaining("aid.to-decide: received is not a status")
                .hasMessageContaining("aid.notices: RECEIVED is not TRANSITION:MOMENT")
                .hasMessageContaining("aid.counter-form: aide is not a counter's screen (#/name/)")
                .hasMessageContaining("aid.reference: names no field")
                .hasMessageContaining("aid.colour: not a key of the declaration").message().doesNotContain("aid: no paper form");
    }

    @Test
    void twoBenefitsCannotShareAServiceADatabaseOrAPort() throws IOException {
        StringBuilder text = new StringBuilder("benefits=one,two\n");
        for (String code : new String[] {"one", "two"}) {
            text.append(code).append(".service=same-service\n").append(code).append(".database=").append(code).append('\n')
                    .append(code).append(".local-port=8090\n");
            for (String key : new String[] {"board", "receipt", "title", "short", "your-request", "reference-word"}) {
                text.append(code).append('.').append(key).append("=x\n");
            }
            text.append(code).append(".filing=\n").append(code).append(".reference=number\n")
                    .append(code).append(".files=/api/").append(code).append("/files\n")
                    .append(code).append(".counter-form=#/").append(code).append("-form/\n")
                    .append(code).append(".counter-file=#/").append(code).append("-file/\n")
                    .append(code).append(".to-decide=RECEIVED\n")
                    .append(code).append(".event-type-prefix=fr.").append(code).append(".\n")
                    .append(code).append(".event-schema=").append("housing-event.v1.json").append('\n')
                    .append(code).append(".partner=treasury\n").append(code).append(".monthly=false\n")
                    .append(code).append(".dated-figures=none\n")
                    .append(code).append(".file=AGENT\n").append(code).append(".examine=\n").append(code).append(".decide=SECTION_DIRECTOR\n");
        }
        Properties entries = new Properties();
        entries.load(new StringReader(text.toString()));
        assertThatThrownBy(() -> Benefits.parse(entries)).hasMessageContaining("service: same-service is declared twice")
                .hasMessageContaining("local-port: 8090 is declared twice")
                .hasMessageContaining("one: no paper form").message().doesNotContain("database:");
    }

    /**
     * The two internal schemas that name a benefit (a queued command's, a receipt's state) name every declared one, and
     * none other: a benefit declared without them would have its receipts and queued filings refused as invalid. (Their
     * topics are the benefit's own, new with it, and read by Guichet alone: a new value is not a change a partner sees.)
     */
    @Test
    void theInternalSchemasNameEveryDeclaredBenefit() throws IOException {
        for (String schema : List.of("intake-command.v1.json", "receipt-state.v1.json")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/schemas/" + schema)) {
                JsonNode benefit = JsonMapper.builder().build().readTree(in).path("properties").path("benefit").path("enum");
                List<String> named = new ArrayList<>();
                benefit.forEach(value -> named.add(value.asString()));
                assertThat(named).as(schema).containsExactlyElementsOf(Benefits.codes());
            }
        }
    }
}
