package fr.paris.casvp.guichet.messaging.partner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On real PostgreSQL: the orders a partner left unanswered past the agreed time are counted, measured, listed, and the
 * ones still within it are not; a partner that answers has nothing overdue.
 */
@SpringBootTest
@RealInfrastructure(database = "messaging")
class UnansweredOrdersIT {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @Autowired
    JdbcClient jdbc;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private UnansweredOrders orders;

    @BeforeEach
    void orders() {
        jdbc.sql("drop table if exists test_partner_order").update();
        jdbc.sql("create table test_partner_order (id uuid primary key, partner text, reference text, status text, sent_at timestamptz)")
                .update();
        orders = new UnansweredOrders(List.of(
                new WaitingOrders("treasury", "select id as order_id, reference, sent_at as ordered_at from test_partner_order "
                        + "where partner = 'treasury' and status = 'SENT'"),
                new WaitingOrders("transport-operator", "select id as order_id, reference, sent_at as ordered_at from test_partner_order "
                        + "where partner = 'transport-operator' and status = 'SENT'")),
                partner -> partner.equals("treasury") ? Duration.ofHours(72) : Duration.ofHours(24), jdbc,
                Clock.fixed(NOW, ZoneOffset.UTC), meters);
    }

    @Test
    void ordersPastTheAgreedTimeAreCountedAndListedAndOthersAreNot() {
        order("treasury", "AIDE-1", "SENT", NOW.minus(Duration.ofHours(100)));
        order("treasury", "AIDE-2", "SENT", NOW.minus(Duration.ofHours(73)));
        order("treasury", "AIDE-3", "SENT", NOW.minus(Duration.ofHours(71))); // still within the three days
        order("treasury", "AIDE-4", "PAID", NOW.minus(Duration.ofDays(20)));  // answered
        order("transport-operator", "NAV-1", "SENT", NOW.minus(Duration.ofHours(2)));

        orders.refresh();

        assertThat(gauge("guichet.partner.orders.overdue", "treasury")).isEqualTo(2);
        assertThat(gauge("guichet.partner.orders.oldest.age", "treasury")).isEqualTo(100 * 3600);
        assertThat(gauge("guichet.partner.orders.overdue", "transport-operator")).isZero();
        assertThat(gauge("guichet.partner.orders.oldest.age", "transport-operator")).isEqualTo(2 * 3600);
        @SuppressWarnings("unchecked")
        Map<String, Object> treasury = (Map<String, Object>) orders.report().get("treasury");
        assertThat(treasury).containsEntry("answerTime", "PT72H").containsEntry("overdue", 2L);
        assertThat((List<UnansweredOrders.Order>) treasury.get("orders")).extracting(UnansweredOrders.Order::reference)
                .containsExactly("AIDE-1", "AIDE-2");
    }

    @Test
    void aPartnerThatAnswersHasNothingOverdueAndNothingWaiting() {
        order("treasury", "AIDE-5", "PAID", NOW.minus(Duration.ofDays(5)));

        orders.refresh();

        assertThat(gauge("guichet.partner.orders.overdue", "treasury")).isZero();
        assertThat(gauge("guichet.partner.orders.oldest.age", "treasury")).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> treasury = (Map<String, Object>) orders.report().get("treasury");
        assertThat(treasury).containsEntry("overdue", 0L);
        assertThat((List<?>) treasury.get("orders")).isEmpty();
    }

    private void order(String partner, String reference, String status, Instant sentAt) {
        jdbc.sql("insert into test_partner_order values (:id, :partner, :reference, :status, :sentAt)").param("id", UUID.randomUUID())
                .param("partner", partner).param("reference", reference).param("status", status).param("sentAt", Timestamp.from(sentAt))
                .update();
    }

    private double gauge(String name, String partner) {
        return meters.get(name).tag("partner", partner).gauge().value();
    }
}
