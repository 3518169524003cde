package fr.paris.casvp.guichet.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the simulators answer, checked against the published schemas as a partner would check its own answers. */
class PartnersTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:30:00Z");
    private static final JsonMapper JSON = PartnerSimulators.json();
    private static final String CLOSED = "FR0930006000010000000000097";

    private final Treasury treasury = new Treasury(Set.of(CLOSED), 0, JSON);
    private final TransportOperator operator = new TransportOperator(Set.of("0000000000"), JSON);

    @Test
    void theTreasuryPaysAnOrderAndRepeatsItsReferenceAndAmount() {
        ProducerRecord<String, String> answer = answer(treasury, paymentOrder(UUID.randomUUID(), "FR7630006000011234567890189"));

        assertThat(answer.topic()).isEqualTo("payment-confirmations.v2");
        assertThat(answer.key()).isEqualTo("P-0123456789abcdef0123456789abcdef");
        assertThat(answer.value()).contains("\"status\":\"PAID\"", "\"reference\":\"AE-2026-000123-1\"", "\"amount\":\"400.00\"");
        assertThat(EventSchemas.violations(header(answer, "ce_type"), answer.value())).isEmpty();
        assertThat(header(answer, "ce_source")).isEqualTo("/partners/treasury");
    }

    @Test
    void theTreasuryFailsAPaymentToAClosedAccount() {
        ProducerRecord<String, String> answer = answer(treasury, paymentOrder(UUID.randomUUID(), CLOSED));

        assertThat(answer.value()).contains("\"status\":\"FAILED\"", "\"reason\":\"AC04 compte clos\"");
        assertThat(EventSchemas.violations(header(answer, "ce_type"), answer.value())).isEmpty();
    }

    @Test
    void theTreasuryFailsItsShareOfTheOrdersAlwaysTheSameOnes() {
        Treasury failing = new Treasury(Set.of(), 30, JSON);
        long failed = IntStream.range(0, 1000).mapToObj(i -> UUID.nameUUIDFromBytes(("order " + i).getBytes(StandardCharsets.UTF_8)))
                .filter(id -> answer(failing, paymentOrder(id, "FR7630006000011234567890189")).value().contains("FAILED"))
                .count();
        assertThat(failed).isBetween(250L, 350L);

        UUID order = UUID.randomUUID();
        String first = answer(failing, paymentOrder(order, "FR7630006000011234567890189")).value();
        assertThat(answer(failing, paymentOrder(order, "FR7630006000011234567890189")).value()).isEqualTo(first);
        assertThatThrownBy(() -> new Treasury(Set.of(), 101, JSON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRedeliveredOrderIsAnsweredUnderTheSameEventId() {
        UUID order = UUID.randomUUID();
        ProducerRecord<String, String> first = answer(treasury, paymentOrder(order, "FR7630006000011234567890189"));
        ProducerRecord<String, String> again = answer(treasury, paymentOrder(order, "FR7630006000011234567890189"));

        assertThat(header(again, "ce_id")).isEqualTo(header(first, "ce_id"));
        assertThat(header(answer(treasury, paymentOrder(UUID.randomUUID(), "FR7630006000011234567890189")), "ce_id"))
                .isNotEqualTo(header(first, "ce_id"));
    }

    @Test
    void anAnswerCarriesTheTraceOfItsOrderWhenTheOrderHasOne() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ConsumerRecord<String, String> traced = new ConsumerRecord<>(treasury.route().orders(), 3, 42L,
                "P-0123456789abcdef0123456789abcdef", paymentOrder(UUID.randomUUID(), "FR7630006000011234567890189"));
        traced.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));

        ProducerRecord<String, String> answer = new Responder(treasury, Map.of(), JSON, Clock.fixed(NOW, ZoneOffset.UTC)).answer(traced);

        assertThat(header(answer, "traceparent")).isEqualTo(traceparent);
        assertThat(answer(treasury, paymentOrder(UUID.randomUUID(), "FR7630006000011234567890189")).headers().lastHeader("traceparent"))
                .isNull();
    }

    @Test
    void theOperatorLoadsAPassAndRejectsACardItDoesNotKnow() {
        ProducerRecord<String, String> loaded = answer(operator, passOrder("LOAD", "4455667788"));
        ProducerRecord<String, String> rejected = answer(operator, passOrder("LOAD", "0000000000"));

        assertThat(loaded.topic()).isEqualTo("transport.pass-confirmations.v1");
        assertThat(loaded.value()).contains("\"status\":\"DONE\"", "\"passNumber\":\"NV-2026-000042\"");
        assertThat(rejected.value()).contains("\"status\":\"REJECTED\"", "\"reason\":\"carte Navigo inconnue\"");
        assertThat(EventSchemas.violations(header(loaded, "ce_type"), loaded.value())).isEmpty();
        assertThat(EventSchemas.violations(header(rejected, "ce_type"), rejected.value())).isEmpty();
        assertThat(answer(operator, passOrder("CANCEL", "0000000000")).value()).contains("\"status\":\"DONE\"");
    }

    @Test
    void aRecordThatIsNotAnOrderIsNotAnswered() {
        Responder responder = new Responder(treasury, Map.of(), JSON, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(responder.answer(new ConsumerRecord<>("payment-orders.v2", 0, 0L, "k", "not json"))).isNull();
        assertThat(responder.answer(new ConsumerRecord<>("payment-orders.v2", 0, 1L, "k", "{\"amount\":3}"))).isNull();
        assertThat(responder.answer(new ConsumerRecord<>("payment-orders.v2", 0, 2L, "k", null))).isNull();
        assertThat(responder.latest()).isEmpty();
    }

    private static ProducerRecord<String, String> answer(Partner partner, String order) {
        Responder responder = new Responder(partner, Map.of(), JSON, Clock.fixed(NOW, ZoneOffset.UTC));
        return responder.answer(new ConsumerRecord<>(partner.route().orders(), 3, 42L, "P-0123456789abcdef0123456789abcdef", order));
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String paymentOrder(UUID orderId, String iban) {
        return """
                {"orderId":"%s","reference":"AE-2026-000123-1","issuer":"aid-service",
                 "beneficiary":"P-0123456789abcdef0123456789abcdef",
                 "payee":{"kind":"CREDITOR","accountHolder":"Paris Habitat","iban":"%s"},
                 "amount":"400.00","currency":"EUR","label":"Aide exceptionnelle","orderedAt":"2026-12-02T09:29:00Z"}
                """.formatted(orderId, iban);
    }

    private static String passOrder(String action, String card) {
        return """
                {"orderId":"%s","action":"%s","passNumber":"NV-2026-000042","beneficiary":"P-0123456789abcdef0123456789abcdef",
                 "navigoCardNumber":"%s","product":"PASS_PARIS_SENIORS","zones":"1-5","validFrom":"2026-12-02",
                 "validUntil":"2027-12-01","orderedAt":"2026-12-02T09:29:00Z"}
                """.formatted(UUID.randomUUID(), action, card);
    }
}
