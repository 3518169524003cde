package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #19: the local run's partners (partner-simulators, started by {@code ./guichet up}) close the loop through real
 * Kafka: the treasury fails a payment to its closed account, the transport operator rejects a card it does not know, and
 * with the simulators stopped an order stays unanswered until they come back.
 */
@ExtendWith(RunningSuite.class)
@Order(1)
class PartnersLoopIT {

    /** The treasury simulator's demo closed account (docs/partners.md). */
    private static final String CLOSED_ACCOUNT = "FR09 3000 6000 0100 0000 0000 097";
    /** The transport operator simulator's demo unknown card (docs/partners.md). */
    private static final String UNKNOWN_CARD = "0000000000";

    private static LocalSuite suite;
    private static GatewayClient agent;
    private static GatewayClient director;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
        agent = new GatewayClient(suite, "agent13");
        director = new GatewayClient(suite, "directeur13");
    }

    @Test
    void theTreasuryFailsAPaymentToAClosedAccount() throws Exception {
        String id = grantedAid(CLOSED_ACCOUNT);

        await().atMost(Duration.ofSeconds(60)).until(() -> "PAYMENT_FAILED".equals(status("/api/aid/applications/" + id)));
        assertThat(agent.get("/api/aid/applications/" + id).body()).contains("AC04");
    }

    @Test
    void theOperatorRejectsACardItDoesNotKnow() throws Exception {
        String person = registered("/api/transport/beneficiaries/");
        HttpResponse<String> requested = agent.post("/api/transport/passes", UUID.randomUUID(),
                "{\"beneficiaryId\":\"" + person + "\",\"navigoCardNumber\":\"" + UNKNOWN_CARD + "\",\"zones\":\"1-2\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String id = JsonPath.read(requested.body(), "$.id");
        HttpResponse<String> granted = director.post("/api/transport/passes/" + id + "/decision", UUID.randomUUID(),
                "{\"outcome\":\"GRANTED\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> "ORDER_REJECTED".equals(status("/api/transport/passes/" + id)));
        assertThat(JsonPath.<List<String>>read(agent.get("/api/transport/passes/" + id).body(), "$.history[*].transition"))
                .containsExactly("REQUESTED", "GRANTED", "ORDERED", "ORDER_REJECTED");
    }

    @Test
    void withoutTheSimulatorsAnOrderWaitsAndIsPaidWhenTheyComeBack() throws Exception {
        assertThat(suite.guichet("stop", "partners")).isZero();
        try {
            String id = grantedAid("FR76 3000 6000 0112 3456 7890 189");
            // Long enough for a running treasury to have paid it several times over (it answers within a second).
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                    .until(() -> "PAYMENT_ORDERED".equals(status("/api/aid/applications/" + id)));

            assertThat(suite.guichet("start", "partners")).isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> "PAID".equals(status("/api/aid/applications/" + id)));
        } finally {
            suite.guichet("start", "partners");
        }
    }

    /** An exceptional aid filed, examined and granted through the gateway, to be paid to {@code iban}; its id. */
    private static String grantedAid(String iban) throws Exception {
        String person = registered("/api/aid/beneficiaries/");
        HttpResponse<String> filed = agent.post("/api/aid/applications", UUID.randomUUID(), """
                {"beneficiaryId":"%s","category":"RENT_ARREARS","requestedAmount":400,"reason":"Un mois de loyer impayé",
                 "payee":{"kind":"CREDITOR","accountHolder":"Paris Habitat","iban":"%s"}}
                """.formatted(person, iban));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = JsonPath.read(filed.body(), "$.id");
        HttpResponse<String> examined = new GatewayClient(suite, "travailleur13").post("/api/aid/applications/" + id + "/examination",
                UUID.randomUUID(), "{\"assessment\":\"Loyer impayé après une perte d'emploi.\",\"proposedAmount\":400}");
        assertThat(examined.statusCode()).as(examined.body()).isEqualTo(200);
        HttpResponse<String> granted = director.post("/api/aid/applications/" + id + "/decision", UUID.randomUUID(),
                "{\"outcome\":\"GRANTED\",\"amount\":400}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        return id;
    }

    /** A person registered in section 13 (a senior, to be entitled to a pass), once the benefit at {@code replica} knows them. */
    private static String registered(String replica) throws Exception {
        HttpResponse<String> registered = agent.post("/api/beneficiaries", UUID.randomUUID(), """
                {"situation": {"identity": {"lastName": "Partenaires", "firstNames": "Jeanne", "birthDate": "1950-06-01",
                               "sex": "F", "nir": "%s"},
                 "address": {"line1": "3 rue Brillat-Savarin", "postcode": "75013", "city": "Paris"},
                 "parisResidence": [{"from": "2010-01-01"}], "incomeTax": [{"taxYear": 2025, "amount": 0}],
                 "monthlyResources": [{"kind": "PENSION", "amount": 803.20}], "section": "13"},
                 "confirmedHomonym": true}
                """.formatted(Registrations.nir()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.get(replica + person).statusCode() == 200);
        return person;
    }

    private static String status(String path) throws Exception {
        return JsonPath.read(agent.get(path).body(), "$.status");
    }
}
