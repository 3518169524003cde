package fr.paris.casvp.guichet.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.EventSchemas;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Version 2 of the payment contract: the same order, its amount a decimal string; a v2 confirmation read as the answer. */
class PaymentOrderV2Test {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSameOrderInVersion2HasItsAmountAsTwoDecimalsAndIsValid() {
        PaymentOrder order = new PaymentOrder(UUID.randomUUID(), "PS-2026-000009-202612", "solidarity-service",
                "P-3f2a9c1e7b5d40f8a6c2e9b1d7f3a5c8", new PaymentOrder.Payee(PaymentOrder.PayeeKind.BENEFICIARY, "Jeanne Martin",
                "FR7630006000011234567890189"), new BigDecimal("0.07"), "EUR", "CASVP PARIS SOLIDARITE 12/2026",
                Instant.parse("2026-12-01T06:00:00Z"));

        PaymentOrderV2 v2 = PaymentOrderV2.of(order);

        assertThat(v2.amount()).isEqualTo("0.07");
        assertThat(v2.orderId()).isEqualTo(order.orderId());
        assertThat(EventSchemas.violations(PaymentOrderV2.TYPE, JSON.writeValueAsString(v2))).isEmpty();
        assertThat(PaymentOrderV2.decimal(new BigDecimal("1E+2"))).isEqualTo("100.00");
        assertThat(PaymentOrderV2.decimal(new BigDecimal("106.4"))).isEqualTo("106.40");
    }

    @Test
    void aVersion2ConfirmationIsReadAsTheAnswerItsAmountADecimal() {
        String v2 = """
                {"orderId":"0b6e4f5c-2d8a-4e1f-9c3b-7a5d2e8f1c40","reference":"AE-2026-000123-1","amount":"400.00",
                 "status":"PAID","settledAt":"2026-12-05T08:30:00Z"}""";

        PaymentConfirmation answer = JSON.readerFor(PaymentConfirmation.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(v2);

        assertThat(answer.amount()).isEqualByComparingTo("400.00");
        assertThat(EventSchemas.inboundViolations(PaymentConfirmation.TYPE_V2, v2)).isEmpty();
        assertThat(EventSchemas.inboundViolations(PaymentConfirmation.TYPE_V2, v2.replace("\"400.00\"", "400.00")))
                .as("a number is version 1's").isNotEmpty();
        assertThat(EventSchemas.inboundViolations(PaymentConfirmation.TYPE_V2, v2.replace("\"PAID\"", "\"FAILED\"")))
                .as("a failure says why").isNotEmpty();
        assertThat(EventSchemas.inboundViolations(PaymentConfirmation.TYPE_V2, v2.replace("\"reference\":\"AE-2026-000123-1\",", "")))
                .as("the reference is required").isNotEmpty();
    }
}
