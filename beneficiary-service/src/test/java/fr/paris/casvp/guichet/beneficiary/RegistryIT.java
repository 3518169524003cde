package fr.paris.casvp.guichet.beneficiary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import db.migration.NameKeysWithLigatures;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;

/** The registry's API on real PostgreSQL and Kafka, as a counter uses it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "beneficiary")
class RegistryIT {

    @LocalServerPort
    int port;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aRegistrationAnswersTheFileAndPublishesASnapshotThatMatchesItsSchema() {
        String nir = Nirs.random();
        HttpResponse<String> created = post("/api/beneficiaries", UUID.randomUUID(), registration("Martin", "Jeanne", nir, false));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(created.headers().firstValue("Location")).contains("/api/beneficiaries/" + id);
        assertThat(JsonPath.<String>read(created.body(), "$.fileNumber")).matches("B-\\d{4}-\\d{6}");
        assertThat(JsonPath.<Integer>read(created.body(), "$.situation.address.arrondissement")).isEqualTo(13);
        assertThat(JsonPath.<String>read(created.body(), "$.livesInParisSince")).isEqualTo("2015-03-01");

        ConsumerRecord<String, String> published = snapshots(id, 1).get(0);
        assertThat(header(published, "ce_type")).isEqualTo(BeneficiarySnapshot.TYPE);
        assertThat(header(published, "ce_subject")).isEqualTo("beneficiaries/" + id);
        assertThat(EventSchemas.violations(BeneficiarySnapshot.TYPE, published.value())).isEmpty();
        assertThat(JsonPath.<String>read(published.value(), "$.situation.identity.nir")).isEqualTo(nir);
    }

    @Test
    void theSameCommandSentTwiceCreatesOneFileAndAnswersTheSame() {
        UUID key = UUID.randomUUID();
        String nir = Nirs.random();
        String body = registration("Durand", "Paul", nir, false);

        HttpResponse<String> first = post("/api/beneficiaries", key, body);
        HttpResponse<String> again = post("/api/beneficiaries", key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JsonPath.<List<Object>>read(get("/api/beneficiaries?nir=" + nir).body(), "$")).hasSize(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        UUID key = UUID.randomUUID();
        post("/api/beneficiaries", key, registration("Petit", "Anne", Nirs.random(), false));

        HttpResponse<String> reused = post("/api/beneficiaries", key, registration("Petit", "Louis", Nirs.random(), false));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(reused.body(), "$.type")).isEqualTo("urn:guichet:problem:idempotency-key-reused");
    }

    @Test
    void aSecondFileWithTheSameNirIsAConflictNamingTheFirst() {
        String nir = Nirs.random();
        String first = post("/api/beneficiaries", UUID.randomUUID(), registration("Bernard", "Luc", nir, false)).body();

        HttpResponse<String> again = post("/api/beneficiaries", UUID.randomUUID(), registration("Bernard", "Lucien", nir, true));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JsonPath.<String>read(again.body(), "$.type")).isEqualTo("urn:guichet:problem:duplicate-beneficiary");
        assertThat(JsonPath.<String>read(again.body(), "$.existing[0].fileNumber"))
                .isEqualTo(JsonPath.<String>read(first, "$.fileNumber"));
    }

    @Test
    void aHomonymIsAConflictUntilTheAgentConfirmsItIsSomeoneElse() {
        String lastName = "Homonyme" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x");
        post("/api/beneficiaries", UUID.randomUUID(), registration(lastName, "Marie", null, false));

        HttpResponse<String> homonym = post("/api/beneficiaries", UUID.randomUUID(), registration(lastName.toUpperCase(), "marie", null, false));
        HttpResponse<String> confirmed = post("/api/beneficiaries", UUID.randomUUID(), registration(lastName, "Marie", null, true));

        assertThat(homonym.statusCode()).isEqualTo(409);
        assertThat(JsonPath.<String>read(homonym.body(), "$.detail")).contains("confirmedHomonym");
        assertThat(confirmed.statusCode()).isEqualTo(201);
    }

    @Test
    void anInvalidRegistrationNamesEveryBadFieldAndCreatesNothing() {
        String nir = "184127645108947";
        String body = registration("Faux", "Jean", nir, false).replace("\"75013\"", "\"75021\"").replace("\"section\":\"13\"", "\"section\":\"0\"");

        HttpResponse<String> refused = post("/api/beneficiaries", UUID.randomUUID(), body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("address.postcode", "identity.nir", "section");
        assertThat(JsonPath.<List<Object>>read(get("/api/beneficiaries?nir=" + nir).body(), "$")).isEmpty();
    }

    @Test
    void aCommandWithoutIdempotencyKeyIsRefused() {
        HttpResponse<String> refused = Http.send(HttpRequest.newBuilder(URI.create(url("/api/beneficiaries")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.agent13())
                .POST(HttpRequest.BodyPublishers.ofString(registration("Sans", "Clef", null, false))).build());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactly("Idempotency-Key");
    }

    @Test
    void aChangeIsKeptInTheHistoryWithWhoAndWhatAndPublishedAsANewVersion() {
        String created = post("/api/beneficiaries", UUID.randomUUID(), registration("Moreau", "Alice", Nirs.random(), false)).body();
        String id = JsonPath.read(created, "$.id");
        String moved = JsonPath.<Object>read(created, "$.situation.address.postcode").toString();
        String situation = registration("Moreau", "Alice", JsonPath.read(created, "$.situation.identity.nir"), false);
        situation = situation.substring(situation.indexOf("{\"identity\""), situation.lastIndexOf(",\"confirmedHomonym\""))
                .replace("\"75013\"", "\"75014\"");

        HttpResponse<String> stale = put("/api/beneficiaries/" + id, UUID.randomUUID(), "\"7\"", situation);
        HttpResponse<String> updated = put("/api/beneficiaries/" + id, UUID.randomUUID(), "\"1\"", situation);

        assertThat(moved).contains("75013");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(updated.body(), "$.version")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(updated.body(), "$.situation.address.arrondissement")).isEqualTo(14);
        String history = get("/api/beneficiaries/" + id + "/history").body();
        assertThat(JsonPath.<List<String>>read(history, "$[*].operation")).containsExactly("REGISTERED", "UPDATED");
        assertThat(JsonPath.<List<String>>read(history, "$[1].changes[*].field"))
                .containsExactlyInAnyOrder("address.postcode", "address.arrondissement");
        assertThat(JsonPath.<String>read(history, "$[1].changedBy")).isEqualTo("agent13 (AGENT, 13)");
        assertThat(snapshots(id, 2)).extracting(r -> JsonPath.<Integer>read(r.value(), "$.version")).containsExactly(1, 2);
    }

    @Test
    void peopleAreFoundByNameAndBirthDateWhateverTheAccentsOrByFileNumber() {
        String created = post("/api/beneficiaries", UUID.randomUUID(), registration("Lefèvre-Hélène", "Éloïse", null, true)).body();

        String byName = get("/api/beneficiaries?lastName=lefevre%20helene&birthDate=1950-06-01").body();
        String byFile = get("/api/beneficiaries?fileNumber=" + JsonPath.read(created, "$.fileNumber")).body();

        assertThat(JsonPath.<List<String>>read(byName, "$[*].id")).contains(JsonPath.<String>read(created, "$.id"));
        assertThat(JsonPath.<List<String>>read(byFile, "$[*].id")).containsExactly(JsonPath.<String>read(created, "$.id"));
        assertThat(get("/api/beneficiaries").statusCode()).isEqualTo(400);
    }

    @Test
    void aCoupleIsAHouseholdAndBothSnapshotsSayIt() {
        String applicant = JsonPath.read(post("/api/beneficiaries", UUID.randomUUID(),
                registration("Roux", "Jean", Nirs.random(), false)).body(), "$.id");
        String spouse = JsonPath.read(post("/api/beneficiaries", UUID.randomUUID(),
                registration("Roux", "Jeanne", Nirs.random(), false)).body(), "$.id");

        HttpResponse<String> household = post("/api/beneficiaries/households", UUID.randomUUID(),
                "{\"applicantId\":\"" + applicant + "\",\"spouseId\":\"" + spouse + "\"}");
        HttpResponse<String> unknownMember = post("/api/beneficiaries/households", UUID.randomUUID(),
                "{\"applicantId\":\"" + UUID.randomUUID() + "\",\"dependantIds\":[\"" + spouse + "\"]}");
        HttpResponse<String> alreadyInOne = post("/api/beneficiaries/households", UUID.randomUUID(),
                "{\"applicantId\":\"" + spouse + "\"}");

        assertThat(household.statusCode()).as(household.body()).isEqualTo(201);
        assertThat(unknownMember.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(unknownMember.body(), "$.errors[*].field")).containsExactly("applicantId");
        assertThat(alreadyInOne.statusCode()).isEqualTo(409);
        String spouseSnapshot = snapshots(spouse, 2).get(1).value();
        assertThat(JsonPath.<String>read(spouseSnapshot, "$.household.role")).isEqualTo("SPOUSE");
        assertThat(JsonPath.<List<String>>read(spouseSnapshot, "$.household.members[*].beneficiaryId")).containsExactlyInAnyOrder(applicant, spouse);
        assertThat(EventSchemas.violations(BeneficiarySnapshot.TYPE, spouseSnapshot)).isEmpty();
    }

    @Test
    void aDuplicateInAnotherSectionSaysOnlyWhereToTurn() {
        String nir = Nirs.random();
        String id = JsonPath.read(post("/api/beneficiaries", UUID.randomUUID(), registration("Doublon", "Marie", nir, false)).body(), "$.id");

        HttpResponse<String> sameSection = post("/api/beneficiaries", UUID.randomUUID(), registration("Doublon", "Marie", nir, false));
        HttpResponse<String> otherSection = send("POST", "/api/beneficiaries", TestTokens.of("agent18", "AGENT", "18"),
                registration("Doublon", "Marie", nir, false).replace("\"postcode\":\"75013\"", "\"postcode\":\"75018\"")
                        .replace("\"section\":\"13\"", "\"section\":\"18\""));

        assertThat(sameSection.statusCode()).isEqualTo(409);
        assertThat(JsonPath.<List<String>>read(sameSection.body(), "$.existing[*].id")).containsExactly(id);
        assertThat(otherSection.statusCode()).isEqualTo(409);
        assertThat(JsonPath.<String>read(otherSection.body(), "$.detail")).contains("known to section 13");
        assertThat(otherSection.body()).doesNotContain(id).doesNotContain("B-20");
    }

    /**
     * Issue #36: "Lefevre-Ducoeur" found nothing, and an agent of section 18 read « Aucune personne trouvée » for a person
     * of section 13 even spelt exactly; both registered the person a second time.
     */
    @Test
    void aSearchIgnoresAccentsLigaturesAndHyphensAndNamesTheOtherSectionsThePersonIsKnownTo() throws Exception {
        String lastName = "Lefèvre-Ducœur-" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
        String id = JsonPath.read(post("/api/beneficiaries", UUID.randomUUID(), registration(lastName, "Élise", null, false)).body(), "$.id");
        String typed = lastName.replace("è", "e").replace("œ", "oe").replace("-", " ").toLowerCase(java.util.Locale.ROOT);

        HttpResponse<String> sameSection = get("/api/beneficiaries?lastName=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)
                + "&birthDate=1950-06-01");
        HttpResponse<String> otherSection = Http.get(url("/api/beneficiaries?lastName=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)
                + "&birthDate=1950-06-01"), TestTokens.of("agent18", "AGENT", "18"));

        assertThat(JsonPath.<List<String>>read(sameSection.body(), "$[*].id")).containsExactly(id);
        assertThat(sameSection.headers().firstValue("Guichet-Known-In-Sections")).isEmpty();
        assertThat(otherSection.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(otherSection.body(), "$")).isEmpty();
        assertThat(otherSection.headers().firstValue("Guichet-Known-In-Sections")).hasValue("13");

        // A name keyed before ligatures were read as their letters is keyed again by the migration.
        jdbc.sql("update beneficiary set name_key = 'LEFEVRE DUC UR' where id = :id").param("id", UUID.fromString(id)).update();
        try (Connection connection = dataSource.getConnection()) {
            new NameKeysWithLigatures().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(jdbc.sql("select name_key from beneficiary where id = :id").param("id", UUID.fromString(id)).query(String.class).single())
                .startsWith("LEFEVRE DUCOEUR ");
    }

    @Test
    void anAgentOfAnotherSectionCannotReplaceTheMembersOfAHousehold() {
        String applicant = JsonPath.read(post("/api/beneficiaries", UUID.randomUUID(),
                registration("Roux", "Paul", Nirs.random(), false)).body(), "$.id");
        String spouse = JsonPath.read(post("/api/beneficiaries", UUID.randomUUID(),
                registration("Roux", "Paule", Nirs.random(), false)).body(), "$.id");
        String household = JsonPath.read(post("/api/beneficiaries/households", UUID.randomUUID(),
                "{\"applicantId\":\"" + applicant + "\",\"spouseId\":\"" + spouse + "\"}").body(), "$.id");
        String agent18 = TestTokens.of("agent18", "AGENT", "18");
        HttpResponse<String> registered18 = send("POST", "/api/beneficiaries", agent18, registration("Nord", "Lucie", Nirs.random(), false)
                .replace("\"postcode\":\"75013\"", "\"postcode\":\"75018\"").replace("\"section\":\"13\"", "\"section\":\"18\""));
        assertThat(registered18.statusCode()).as(registered18.body()).isEqualTo(201);

        HttpResponse<String> replaced = send("PUT", "/api/beneficiaries/households/" + household, agent18,
                "{\"applicantId\":\"" + JsonPath.read(registered18.body(), "$.id") + "\"}");

        assertThat(replaced.statusCode()).as("removing section 13's members is changing them").isEqualTo(403);
        assertThat(JsonPath.<List<String>>read(get("/api/beneficiaries/households/" + household).body(), "$.members[*].beneficiaryId"))
                .containsExactlyInAnyOrder(applicant, spouse);
    }

    @Test
    void aFileIsReadAndChangedOnlyByItsSectionAndReadByASupervisor() {
        String nir = Nirs.random();
        String created = post("/api/beneficiaries", UUID.randomUUID(), registration("Section", "Treize", nir, false)).body();
        String id = JsonPath.read(created, "$.id");
        String agent18 = TestTokens.of("agent18", "AGENT", "18");
        String registration = registration("Section", "Treize", nir, false);
        String situation = registration.substring(registration.indexOf("{\"identity\""), registration.lastIndexOf(",\"confirmedHomonym\""));

        HttpResponse<String> otherSection = Http.get(url("/api/beneficiaries/" + id), agent18);
        HttpResponse<String> otherSectionHistory = Http.get(url("/api/beneficiaries/" + id + "/history"), agent18);
        HttpResponse<String> otherSectionSearch = Http.get(url("/api/beneficiaries?nir=" + nir), agent18);
        HttpResponse<String> supervisor = Http.get(url("/api/beneficiaries/" + id), TestTokens.supervisor());
        HttpResponse<String> otherSectionChange = send("PUT", "/api/beneficiaries/" + id, agent18, situation);

        assertThat(otherSection.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(otherSection.body(), "$.type")).isEqualTo("urn:guichet:problem:forbidden");
        // Issue #33: the refusal does not tell which section follows the file.
        assertThat(JsonPath.<String>read(otherSection.body(), "$.detail")).contains("another section").doesNotContain("13");
        assertThat(otherSectionHistory.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<List<Object>>read(otherSectionSearch.body(), "$")).isEmpty();
        assertThat(supervisor.statusCode()).isEqualTo(200);
        assertThat(otherSectionChange.statusCode()).isEqualTo(403);
    }

    @Test
    void nobodyRegistersAFileForAnotherSectionAndASupervisorRegistersNone() {
        String forSection18 = registration("Ailleurs", "Paul", Nirs.random(), false).replace("\"section\":\"13\"", "\"section\":\"18\"");

        HttpResponse<String> agent13 = send("POST", "/api/beneficiaries", TestTokens.agent13(), forSection18);
        HttpResponse<String> supervisor = send("POST", "/api/beneficiaries", TestTokens.supervisor(), forSection18);
        HttpResponse<String> agent18 = send("POST", "/api/beneficiaries", TestTokens.of("agent18", "AGENT", "18"), forSection18);

        assertThat(agent13.statusCode()).isEqualTo(403);
        assertThat(supervisor.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(supervisor.body(), "$.detail")).contains("roles");
        assertThat(agent18.statusCode()).as(agent18.body()).isEqualTo(201);
    }

    @Test
    void namesWithQuotesMarkupOrSqlAreStoredAndReturnedLiterally() {
        String lastName = "O'Brien \"<script>alert(1)</script>'); drop table beneficiary; --";
        // In the JSON body the double quote is escaped as \".
        String body = registration("X", "Jean", Nirs.random(), true)
                .replace("\"lastName\":\"X\"", "\"lastName\":\"" + lastName.replace("\"", "\\\"") + "\"");

        HttpResponse<String> created = post("/api/beneficiaries", UUID.randomUUID(), body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String read = get("/api/beneficiaries/" + JsonPath.read(created.body(), "$.id")).body();
        assertThat(JsonPath.<String>read(read, "$.situation.identity.lastName")).isEqualTo(lastName);
        assertThat(get("/api/beneficiaries?nir=" + JsonPath.read(read, "$.situation.identity.nir")).statusCode()).isEqualTo(200);
    }

    @Test
    void everyReadAndWriteIsInTheAuditTrailWhoseChainDetectsAChangedRow() {
        String id = JsonPath.read(post("/api/beneficiaries", UUID.randomUUID(), registration("Audit", "Anne", Nirs.random(), false)).body(), "$.id");
        assertThat(Http.get(url("/api/beneficiaries/" + id), TestTokens.of("agent18", "AGENT", "18")).statusCode()).isEqualTo(403);
        assertThat(get("/api/beneficiaries/" + id).statusCode()).isEqualTo(200);
        // A search that shows the file, and a registration refused because the person is known: both in its trail.
        assertThat(get("/api/beneficiaries?lastName=Audit&birthDate=1950-06-01").statusCode()).isEqualTo(200);
        String nir = JsonPath.read(get("/api/beneficiaries/" + id).body(), "$.situation.identity.nir");
        HttpResponse<String> known = Http.send(HttpRequest.newBuilder(URI.create(url("/api/beneficiaries")))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + TestTokens.of("agent18", "AGENT", "18"))
                .POST(HttpRequest.BodyPublishers.ofString(registration("Audit", "Anne", nir, false)
                        .replace("\"section\":\"13\"", "\"section\":\"18\"").replace("75013", "75018"))).build());
        assertThat(known.statusCode()).as(known.body()).isEqualTo(409);

        String supervisor = TestTokens.supervisor();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String trail = Http.get(url("/api/beneficiaries/audit?resourceId=" + id), supervisor).body();
            assertThat(JsonPath.<List<String>>read(trail, "$[*].username"))
                    .containsExactly("agent13", "agent18", "agent13", "agent13", "agent13", "agent18");
            assertThat(JsonPath.<List<Integer>>read(trail, "$[*].outcome")).containsExactly(201, 403, 200, 200, 200, 409);
            assertThat(JsonPath.<List<String>>read(trail, "$[*].operation")).containsExactly("POST /api/beneficiaries",
                    "GET /api/beneficiaries/{id}", "GET /api/beneficiaries/{id}", "GET /api/beneficiaries",
                    "GET /api/beneficiaries/{id}", "POST /api/beneficiaries");
        });
        assertThat(Http.get(url("/api/beneficiaries/audit?resourceId=" + id), TestTokens.agent13()).statusCode()).isEqualTo(403);
        assertThat(JsonPath.<Boolean>read(Http.get(url("/api/beneficiaries/audit/verification"), supervisor).body(), "$.valid")).isTrue();
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set outcome = 200 where resource_id = :id").param("id", id).update())
                .hasMessageContaining("append-only");

        long forbidden = jdbc.sql("select id from audit_entry where resource_id = :id and outcome = 403").param("id", id)
                .query(Long.class).single();
        jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
        jdbc.sql("update audit_entry set outcome = 200 where id = :id").param("id", forbidden).update();
        jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();

        String verification = Http.get(url("/api/beneficiaries/audit/verification"), supervisor).body();
        assertThat(JsonPath.<Boolean>read(verification, "$.valid")).isFalse();
        assertThat(JsonPath.<Number>read(verification, "$.firstBrokenEntry").longValue()).isEqualTo(forbidden);

        // The head of the trail is kept on Kafka: cut the tail (from the anchored entry on) and what remains, a chain
        // whole in itself, no longer holds the anchored entry; no new anchor is published over the cut.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JsonPath.<Object>read(
                Http.get(url("/api/beneficiaries/audit/verification"), supervisor).body(), "$.anchoredEntry")).isNotNull());
        long anchored = JsonPath.<Number>read(Http.get(url("/api/beneficiaries/audit/verification"), supervisor).body(),
                "$.anchoredEntry").longValue();
        assertThat(JsonPath.<Boolean>read(Http.get(url("/api/beneficiaries/audit/verification"), supervisor).body(),
                "$.anchorHolds")).isTrue();
        jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
        jdbc.sql("delete from audit_entry where id >= :anchored").param("anchored", anchored).update();
        jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();

        String cut = Http.get(url("/api/beneficiaries/audit/verification"), supervisor).body();
        assertThat(JsonPath.<Boolean>read(cut, "$.anchorHolds")).isFalse();
        assertThat(JsonPath.<Boolean>read(cut, "$.valid")).isFalse();
        assertThat(JsonPath.<Number>read(cut, "$.anchoredEntry").longValue()).isGreaterThanOrEqualTo(anchored);
    }

    static String registration(String lastName, String firstNames, String nir, boolean confirmedHomonym) {
        return """
                {"situation":{"identity":{"lastName":"%s","firstNames":"%s","birthDate":"1950-06-01","sex":"F"%s},
                 "address":{"line1":"12 rue de la Glacière","postcode":"75013","city":"Paris"},
                 "parisResidence":[{"from":"2015-03-01"}],
                 "monthlyResources":[{"kind":"PENSION","amount":803.20}],
                 "incomeTax":[{"taxYear":2025,"amount":0}],"section":"13"},"confirmedHomonym":%s}"""
                .formatted(lastName, firstNames, nir == null ? "" : ",\"nir\":\"" + nir + "\"", confirmedHomonym)
                .replace("\n", "");
    }

    /** The snapshots of one beneficiary on beneficiaries.v1, oldest first, once {@code count} have come. */
    private List<ConsumerRecord<String, String>> snapshots(String id, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("registry-it-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of("beneficiaries.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (id.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path) {
        return Http.get(url(path), TestTokens.agent13());
    }

    private HttpResponse<String> post(String path, UUID key, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Idempotency-Key", key.toString()).header("Authorization", "Bearer " + TestTokens.agent13())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(String method, String path, String token, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> put(String path, UUID key, String ifMatch, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Idempotency-Key", key.toString()).header("If-Match", ifMatch)
                .header("Authorization", "Bearer " + TestTokens.agent13())
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Valid NIRs, different each time: a woman born in June 1950 in Paris, and the right key. */
    static final class Nirs {

        static String random() {
            long body = Long.parseLong("2500675" + "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000)));
            return body + "%02d".formatted(97 - body % 97);
        }
    }
}
