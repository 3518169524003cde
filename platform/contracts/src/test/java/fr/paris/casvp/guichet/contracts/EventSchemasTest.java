package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.housing.HousingEvent;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final String VALID = """
            {"id":"6f1c2a0e-8a51-4c55-9d7e-0b7e0f6d1a11","fileNumber":"B-2026-000042","version":3,
             "updatedAt":"2026-11-28T09:00:00Z","livesInParisSince":"2015-03-01",
             "situation":{"identity":{"lastName":"Martin","firstNames":"Jeanne","birthDate":"1950-06-01","sex":"F",
                                      "nir":"250067511512345"},
                          "address":{"line1":"12 rue de la Glacière","postcode":"75013","city":"Paris","arrondissement":13},
                          "parisResidence":[{"from":"2015-03-01"}],"disabilityEvidence":[],"nationalBenefits":[],
                          "monthlyResources":[{"kind":"PENSION","amount":803.20}],"incomeTax":[],
                          "warVeteran":false,"section":"13"}}
            """;

    @Test
    void aCompleteSnapshotIsValid() {
        assertThat(EventSchemas.violations(BeneficiarySnapshot.TYPE, VALID)).isEmpty();
    }

    @Test
    void aNegativeAmountAnUnknownFieldAndAMissingBirthDateAreEachReported() {
        String invalid = VALID.replace("803.20", "-1").replace("\"warVeteran\":false", "\"warVeteran\":false,\"shoeSize\":42")
                .replace("\"birthDate\":\"1950-06-01\",", "");

        assertThat(EventSchemas.violations(BeneficiarySnapshot.TYPE, invalid))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("amount"))
                .anySatisfy(v -> assertThat(v).contains("shoeSize"))
                .anySatisfy(v -> assertThat(v).contains("birthDate"));
    }

    @Test
    void aFieldTheSchemaDoesNotNameIsRefusedInWhatGuichetWritesAndIgnoredInWhatItReads() {
        String later = VALID.replace("\"warVeteran\":false", "\"warVeteran\":false,\"shoeSize\":42");

        assertThat(EventSchemas.violations(BeneficiarySnapshot.TYPE, later)).singleElement().asString().contains("shoeSize");
        assertThat(EventSchemas.inboundViolations(BeneficiarySnapshot.TYPE, later)).isEmpty();
        assertThat(EventSchemas.inboundViolations(BeneficiarySnapshot.TYPE, later.replace("803.20", "-1"))).hasSize(1);
    }

    @Test
    void everyEventTypeIsOnOneTopicAndEveryTopicHasItsTypes() {
        Set<String> onTopics = new HashSet<>();
        for (Topic topic : Topic.values()) {
            assertThat(topic.eventTypes()).as(topic.topicName()).isNotEmpty();
            topic.eventTypes().forEach(type -> assertThat(EventSchemas.schemaFile(type)).as(type).isNotNull());
            onTopics.addAll(topic.eventTypes());
        }
        assertThat(onTopics).isEqualTo(EventSchemas.types());
    }

    @Test
    void aValueThatIsNotJsonIsReportedNotThrown() {
        assertThat(EventSchemas.inboundViolations(BeneficiarySnapshot.TYPE, "not json at all")).singleElement().asString()
                .startsWith(": not JSON (");
    }

    @Test
    void anUnknownEventTypeHasNoSchema() {
        assertThat(EventSchemas.violations("unknown.v1", "{}")).containsExactly("no schema for event type unknown.v1");
    }

    @Test
    void aPaymentOrderCarriesAValidIbanPseudonymAndAmountInCents() {
        String order = """
                {"orderId":"6f1c2a0e-8a51-4c55-9d7e-0b7e0f6d1a11","reference":"AE-2026-000001-1","issuer":"aid-service",
                 "beneficiary":"P-0123456789abcdef0123456789abcdef",
                 "payee":{"kind":"CREDITOR","accountHolder":"Paris Habitat","iban":"FR7630006000011234567890189"},
                 "amount":111.80,"currency":"EUR","label":"CASVP allocation exceptionnelle","orderedAt":"2026-11-28T09:00:00Z"}
                """;

        assertThat(EventSchemas.violations(PaymentOrder.TYPE, order)).isEmpty();
        assertThat(EventSchemas.violations(PaymentOrder.TYPE, order.replace("111.80", "111.805"))).hasSize(1);
        assertThat(EventSchemas.violations(PaymentOrder.TYPE, order.replace("P-0123", "1234"))).hasSize(1);
    }

    @Test
    void theTypesTakenFromEachDeclaredSchemaAreThoseOfItsBenefitsRecordNoMoreNoLess() {
        Map<String, List<String>> written = Map.of(
                "aid", Stream.of(AidApplicationEvent.Transition.values()).map(AidApplicationEvent::typeOf).toList(),
                "solidarity", Stream.of(SolidarityEvent.Transition.values()).map(SolidarityEvent::typeOf).toList(),
                "transport", Stream.of(TransportEvent.Transition.values()).map(TransportEvent::typeOf).toList(),
                "housing", Stream.of(HousingEvent.Transition.values()).map(HousingEvent::typeOf).toList());
        for (Map.Entry<String, List<String>> benefit : written.entrySet()) {
            Benefit declared = Benefits.of(benefit.getKey());
            assertThat(EventSchemas.types().stream().filter(type -> type.startsWith(declared.eventTypePrefix())).toList())
                    .as(benefit.getKey()).containsExactlyInAnyOrderElementsOf(benefit.getValue());
            benefit.getValue().forEach(type -> assertThat(EventSchemas.schemaFile(type)).isEqualTo(declared.eventSchema()));
        }
        assertThat(AidApplicationEvent.typeOf(AidApplicationEvent.Transition.PAYMENT_ORDERED))
                .isEqualTo("fr.paris.casvp.guichet.aid.application.payment-ordered.v1");
    }
}
