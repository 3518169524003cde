package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #6: the monthly payment run is crash-safe. With the suite as processes, solidarity-service is killed
 * ({@code kill -9}) in the middle of a run over 40 000 grants; once restarted, the run completes by itself, and every
 * grant has exactly one payment for the month, and every order one reference, also on Kafka.
 */
@ExtendWith(RunningSuite.class)
class PaymentRunCrashIT {

    private static final int GRANTS = 40_000;
    private static final String MONTH = "2030-01-01";

    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void aRunKilledHalfwayCompletesOnRestartWithoutDuplicates() throws Exception {
        SeededGrants.seed(suite, "2029", GRANTS, "2029-07-01", "2030-06-01");
        GatewayClient supervisor = new GatewayClient(suite, "superviseur");

        HttpResponse<String> started = supervisor.post("/api/solidarity/payment-runs", UUID.randomUUID(),
                "{\"month\":\"2030-01\",\"confirmStaleFigures\":true}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> payments() > 0);
        String pid = suite.pid("solidarity-service").orElseThrow();
        new ProcessBuilder("kill", "-9", pid).start().waitFor();
        long beforeRestart = payments();
        assertThat(beforeRestart).as("killed in the middle of the run").isBetween(1L, GRANTS - 1L);
        assertThat(runStatus()).isEqualTo("RUNNING");

        assertThat(suite.guichet("start", "solidarity-service")).as(suite.output()).isZero();
        await().atMost(Duration.ofMinutes(3)).until(() -> "COMPLETED".equals(runStatus()));

        assertThat(payments()).isEqualTo(GRANTS);
        assertThat(query("select count(distinct grant_id) from psol_payment where month = '" + MONTH + "'")).isEqualTo(GRANTS);
        // Ordered, whether the local treasury (partner-simulators) has answered since (PAID, FAILED) or not yet.
        long ordered = query("select count(*) from psol_payment where month = '" + MONTH + "' and status <> 'SKIPPED'");
        assertThat(query("select count(distinct reference) from psol_payment where month = '" + MONTH + "' and status <> 'SKIPPED'"))
                .isEqualTo(ordered);
        HttpResponse<String> report = supervisor.get("/api/solidarity/payment-runs/2030-01");
        assertThat(JsonPath.<Integer>read(report.body(), "$.processed")).isEqualTo(GRANTS);

        Map<String, Set<String>> ordersByReference = ordersOnKafka(ordered);
        assertThat(ordersByReference).hasSize((int) ordered);
        assertThat(ordersByReference.values()).as("one order id per reference: never two payments for a grant and month")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        System.out.printf("Payment run killed after %d of %d payments; completed on restart: %d ordered, none twice%n",
                beforeRestart, GRANTS, ordered);
    }

    private static Map<String, Set<String>> ordersOnKafka(long expected) {
        Map<String, Set<String>> byReference = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(suite.kafkaClient("treasury", Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "treasury-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000)), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payment-orders.v1"));
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    String reference = JsonPath.read(r.value(), "$.reference");
                    if (reference.endsWith("-203001")) {
                        byReference.computeIfAbsent(reference, k -> new HashSet<>()).add(JsonPath.read(r.value(), "$.orderId"));
                    }
                });
                return byReference.size() >= expected;
            });
        }
        return byReference;
    }

    private static long payments() throws SQLException {
        return query("select count(*) from psol_payment where month = '" + MONTH + "'");
    }

    private static String runStatus() throws SQLException {
        try (Connection connection = suite.database("solidarity");
             Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("select status from psol_payment_run where month = '" + MONTH + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long query(String query) throws SQLException {
        try (Connection connection = suite.database("solidarity");
             Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
