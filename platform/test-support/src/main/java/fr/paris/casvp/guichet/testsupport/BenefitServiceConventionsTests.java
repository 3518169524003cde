package fr.paris.casvp.guichet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a benefit service (aid, solidarity, transport) must do besides {@link ServiceConventionsTests}: keep a local
 * replica of the registry from {@code beneficiaries.v1}, so that it decides without calling the registry.
 */
public abstract class BenefitServiceConventionsTests extends ServiceConventionsTests {

    /** The benefit's path segment: {@code aid}, {@code solidarity} or {@code transport}. */
    protected abstract String benefit();

    @Test
    void aSnapshotPublishedByTheRegistryReachesTheReplicaAndAnErasureRemovesIt() throws Exception {
        String id = UUID.randomUUID().toString();
        Topics.send(kafka, "beneficiaries.v1", id, snapshot(id, 1, "Martin"));
        Topics.send(kafka, "beneficiaries.v1", id, snapshot(id, 2, "Martin-Durand"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lastName(id)).isEqualTo("Martin-Durand"));
        HttpResponse<String> status = Http.get(url("/api/" + benefit() + "/replica"), TestTokens.agent13());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(status.body(), "$.beneficiaries")).isPositive();
        HttpResponse<String> beneficiary = Http.get(url("/api/" + benefit() + "/beneficiaries/" + id), TestTokens.agent13());
        assertThat(beneficiary.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(beneficiary.body(), "$.situation.identity.lastName")).isEqualTo("Martin-Durand");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                Http.get(url("/api/" + benefit() + "/audit?resourceId=" + id), TestTokens.supervisor()).body(), "$[*].operation"))
                .as("the read of a beneficiary is in the audit trail")
                .contains("GET /api/" + benefit() + "/beneficiaries/{id}"));
        HttpResponse<String> otherSection = Http.get(url("/api/" + benefit() + "/beneficiaries/" + id), TestTokens.of("agent18", "AGENT", "18"));
        assertThat(otherSection.statusCode()).as("a file of section 13 read by an agent of section 18").isEqualTo(403);
        assertThat(Http.get(url("/api/" + benefit() + "/beneficiaries/" + id), TestTokens.supervisor()).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = Http.get(url("/api/" + benefit() + "/beneficiaries/" + UUID.randomUUID()), TestTokens.agent13());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JsonPath.<String>read(unknown.body(), "$.type")).isEqualTo("urn:guichet:problem:not-found");

        Topics.send(kafka, "beneficiaries.v1", id, null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.sql("select erased and snapshot is null from beneficiary_replica where beneficiary_id = :id")
                        .param("id", id).query(Boolean.class).single()).isTrue());
    }

    /** A snapshot of a person of section 13 as the registry publishes it: valid against its schema. */
    private static String snapshot(String id, int version, String lastName) {
        return """
                {"id":"%s","fileNumber":"B-2026-000001","version":%d,"updatedAt":"2026-12-01T09:00:00Z",
                 "situation":{"identity":{"lastName":"%s","firstNames":"Jeanne","birthDate":"1950-06-01","sex":"F"},
                              "parisResidence":[],"disabilityEvidence":[],"nationalBenefits":[],"monthlyResources":[],
                              "incomeTax":[],"warVeteran":false,"section":"13"}}
                """.formatted(id, version, lastName);
    }

    private String lastName(String id) {
        return jdbc.sql("select snapshot -> 'situation' -> 'identity' ->> 'lastName' from beneficiary_replica"
                        + " where beneficiary_id = :id and not erased")
                .param("id", id).query(String.class).optional().orElse(null);
    }
}
