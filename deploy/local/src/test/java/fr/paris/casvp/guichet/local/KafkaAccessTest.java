package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** access.yaml names no benefit: each declared one gets its principal, and its topics in the others' lists. */
class KafkaAccessTest {

    private static final Path ACCESS = Path.of("../kafka/access.yaml");

    @Test
    void aBenefitDeclaredTomorrowGetsItsPrincipalAndItsPlaceInTheGatewaysTheNoticesAndTheCopysLists() throws Exception {
        List<Benefit> benefits = new ArrayList<>(Benefits.all());
        Benefit aid = Benefits.of("aid");
        benefits.add(new Benefit("energy", "energy-service", "energy", 8090, aid.names(), aid.counter(), List.of("/api/energy/applications"),
                "fr.paris.casvp.guichet.energy.", "energy-event.v1.json", Map.of(), List.of("applicationNumber"), Benefit.Partner.TREASURY,
                true, Benefit.Figures.NONE, aid.roles()));
        KafkaAccess access = KafkaAccess.of(document(), benefits);

        KafkaAccess.Principal energy = access.principals().get("energy-service");
        assertThat(energy.produces()).contains("energy.events.v1", "payment-orders.v2", "receipts.energy.v1",
                "audit-anchors.energy.v1").doesNotContain("receipts.aid.v1", "transport.pass-orders.v1");
        assertThat(energy.consumes()).contains("intake.energy.v1", "payment-confirmations.v2").doesNotContain("intake.aid.v1");
        assertThat(energy.groups()).containsExactly("energy-service");
        assertThat(access.principals().get("gateway").produces()).contains("intake.aid.v1", "intake.energy.v1");
        assertThat(access.principals().get("gateway").consumes()).contains("receipts.energy.v1");
        assertThat(access.principals().get("notice-service").consumes()).contains("energy.events.v1", "transport.events.v1");
        assertThat(access.principals().get("mirror-maker").consumes()).contains("intake.energy.v1");
        assertThat(access.principals().get("treasury").consumes()).doesNotContain("intake.energy.v1");
        assertThat(access.principals().get("transport-service").produces()).contains("transport.pass-orders.v1")
                .doesNotContain("payment-orders.v1");
    }

    @Test
    void aBenefitsServiceIsNeverWrittenByHandAndOnlyTheThreeNamesStandForABenefits() throws Exception {
        Map<String, Object> document = document();
        @SuppressWarnings("unchecked")
        Map<String, Object> principals = new LinkedHashMap<>((Map<String, Object>) document.get("principals"));
        principals.put("aid-service", Map.of("produces", List.of(), "consumes", List.of(), "groups", List.of()));
        document.put("principals", principals);
        assertThatThrownBy(() -> KafkaAccess.of(document, Benefits.all())).hasMessageContaining("aid-service is a declared benefit's");

        principals.remove("aid-service");
        principals.put("someone", Map.of("produces", List.of("<name>.events.v1"), "consumes", List.of(), "groups", List.of()));
        assertThatThrownBy(() -> KafkaAccess.of(document, Benefits.all()))
                .hasMessageContaining("'<name>.events.v1': only <code>, <database> and <service> stand for a benefit's names");
    }

    private static Map<String, Object> document() throws Exception {
        return new LinkedHashMap<>(new Yaml(new SafeConstructor(new LoaderOptions())).<Map<String, Object>>load(Files.readString(ACCESS)));
    }
}
