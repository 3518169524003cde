package fr.paris.casvp.guichet.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.NoFixedAddress;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Household;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Member;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.MemberRole;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import fr.paris.casvp.guichet.testsupport.Topics;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What the aid's tests share: people in the replica (as the registry publishes them), agents, and calls. */
final class AidFixture {

    static final String AGENT = TestTokens.agent13();
    static final String SOCIAL_WORKER = TestTokens.of("travailleur13", "SOCIAL_WORKER", "13");
    static final String DIRECTOR = TestTokens.of("directeur13", "SECTION_DIRECTOR", "13");
    static final String IBAN = "FR7630006000011234567890189";

    private final int port;
    private final KafkaTemplate<String, String> kafka;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    AidFixture(int port, KafkaTemplate<String, String> kafka, JdbcClient jdbc, JsonMapper json) {
        this.port = port;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A person of section 13 living in Paris since {@code since}, alone. */
    UUID person(LocalDate since) {
        return person(since, "13");
    }

    UUID person(LocalDate since, String section) {
        UUID id = UUID.randomUUID();
        publish(snapshot(id, since, section, null, false));
        return id;
    }

    /** A couple's two members, in one household. */
    List<UUID> couple(LocalDate since) {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        List<Member> members = List.of(new Member(first, MemberRole.APPLICANT), new Member(second, MemberRole.SPOUSE));
        publish(snapshot(first, since, "13", new Household(household, MemberRole.APPLICANT, members), false));
        publish(snapshot(second, since, "13", new Household(household, MemberRole.SPOUSE, members), false));
        return List.of(first, second);
    }

    UUID withoutFixedAddress() {
        UUID id = UUID.randomUUID();
        publish(snapshot(id, null, "13", null, true));
        return id;
    }

    private BeneficiarySnapshot snapshot(UUID id, LocalDate since, String section, Household household, boolean noFixedAddress) {
        BeneficiarySituation situation = new BeneficiarySituation(
                new Identity("Martin-O'Brien", null, "Jeanne", LocalDate.of(1980, 5, 17), "F", null),
                noFixedAddress ? null : new Address("12 rue de la Glacière", null, "75013", "Paris", 13),
                since == null ? List.of() : List.of(new ResidencePeriod(since, null)),
                noFixedAddress ? new NoFixedAddress("PSA Belleville") : null, List.of(), null, List.of(), List.of(), List.of(),
                false, section, null);
        return new BeneficiarySnapshot(id, "B-2026-%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000)), 1,
                Instant.now(), situation, since, household);
    }

    private void publish(BeneficiarySnapshot snapshot) {
        // As the registry publishes it: with its event id and type.
        Topics.send(kafka, "beneficiaries.v1", snapshot.id().toString(), json.writeValueAsString(snapshot));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from beneficiary_replica where beneficiary_id = :id")
                .param("id", snapshot.id().toString()).query(Long.class).single() == 1);
    }

    /** An application the agent confirms is no repeat: the tests file the same kind of aid for one person on purpose. */
    static String filing(UUID beneficiary, String category, String amount) {
        return """
                {"beneficiaryId":"%s","repeatConfirmed":true,"category":"%s",%s"requestedAmount":%s,"reason":"Facture d'énergie impayée",
                 "payee":{"kind":"CREDITOR","accountHolder":"EDF Solidarité","iban":"%s"}}
                """.formatted(beneficiary, category, category.equals("DISASTER") ? "\"disasterEvent\":\"incendie-2026-17\"," : "",
                amount, IBAN);
    }

    /** Filed by agent13 and examined by travailleur13: ready for directeur13's decision. Returns its id. */
    String readyForDecision(UUID beneficiary, String category, String amount) {
        HttpResponse<String> filed = post("/api/aid/applications", AGENT, filing(beneficiary, category, amount));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = JsonPath.read(filed.body(), "$.id");
        HttpResponse<String> examined = post("/api/aid/applications/" + id + "/examination", SOCIAL_WORKER,
                "{\"assessment\":\"Difficulté passagère après une perte d'emploi.\",\"proposedAmount\":" + amount + "}");
        assertThat(examined.statusCode()).as(examined.body()).isEqualTo(200);
        return id;
    }

    HttpResponse<String> grant(String id, String amount) {
        return post("/api/aid/applications/" + id + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\",\"amount\":" + amount + "}");
    }

    HttpResponse<String> post(String path, String token, String body) {
        return send("POST", path, token, UUID.randomUUID(), body);
    }

    HttpResponse<String> send(String method, String path, String token, UUID key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").header("Idempotency-Key", key.toString())
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }

    HttpResponse<String> get(String path, String token) {
        return Http.get(url(path), token);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
