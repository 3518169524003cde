package fr.paris.casvp.guichet.solidarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.MonthlyResource;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResourceKind;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.solidarity.file.Renewals;
import fr.paris.casvp.guichet.solidarity.payment.PaymentRunService;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.MutableClock;
import fr.paris.casvp.guichet.testsupport.MutableClockConfiguration;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import fr.paris.casvp.guichet.testsupport.Topics;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Paris Solidarité on real PostgreSQL and Kafka (issue #6): simulation, parameters, grants, payment runs, changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "guichet.figures.stale-interval=PT0.2S",
                // The tests call the run's watch themselves: its own schedule would take a month up before them.
                "guichet.monthly-run.watch-interval=PT1H"})
@RealInfrastructure(database = "solidarity")
@Import(MutableClockConfiguration.class)
class SolidarityIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The day every test runs as: the amounts asserted are those of the parameters in force then. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 16);

    private static final String AGENT = TestTokens.agent13();
    private static final String SOCIAL_WORKER = TestTokens.of("travailleur13", "SOCIAL_WORKER", "13");
    private static final String DIRECTOR = TestTokens.of("directeur13", "SECTION_DIRECTOR", "13");
    private static final String SUPERVISOR = TestTokens.supervisor();
    private static final String ADMINISTRATOR_1 = TestTokens.of("administrateur1", "ADMINISTRATOR", null);
    private static final String ADMINISTRATOR_2 = TestTokens.of("administrateur2", "ADMINISTRATOR", null);

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Renewals renewals;
    @Autowired
    MutableClock clock;
    @Autowired
    PaymentRunService runs;

    @BeforeEach
    void today() {
        clock.set(TODAY.atTime(10, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSimulationAnswersExactlyTheContract() {
        HttpResponse<String> answer = post("/api/solidarity/simulations", AGENT, """
                {"month": "2018-04", "applicant": {"birthDate": "1950-06-01", "disabled": false, "unfitForWork": false},
                 "spouse": null, "parisResidenceYearsInLastFive": 5, "monthlyResources": 0.00}
                """);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body().replace(" ", "")).isEqualTo("{\"eligible\":true,\"category\":\"ELDERLY\",\"ceiling\":945.00,"
                + "\"resourceFloor\":833.20,\"countedResources\":833.20,\"monthlyAmount\":111.80,\"reasons\":[],\"warnings\":[]}");
        HttpResponse<String> young = post("/api/solidarity/simulations", AGENT, """
                {"month": "2018-04", "applicant": {"birthDate": "1980-06-01"}, "parisResidenceYearsInLastFive": 1, "monthlyResources": 0}
                """);
        assertThat(young.body()).contains("\"category\":null", "\"monthlyAmount\":0.00",
                "\"reasons\":[\"NOT_ELDERLY_OR_DISABLED\",\"RESIDENCE_TOO_SHORT\"]");
    }

    /**
     * On 16 November 2026 the disabled ceilings of June 2024 are stale (due 1 January 2025, RM II.1.1 b/6), the ASPA of January
     * 2026 is not: a simulation of the month warns of the ceiling it used, naming it, its value and since when.
     */
    @Test
    void aSimulationWarnsOfTheStaleFigureItRestsOn() {
        HttpResponse<String> answer = post("/api/solidarity/simulations", AGENT, """
                {"month": "2026-11", "applicant": {"birthDate": "1980-06-01", "disabled": true}, "parisResidenceYearsInLastFive": 5,
                 "monthlyResources": 0}
                """);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JsonPath.<Double>read(answer.body(), "$.monthlyAmount")).isEqualTo(102.41); // 1 144 − 1 041.59
        assertThat(JsonPath.<List<String>>read(answer.body(), "$.warnings[*].figure")).containsExactly("ceiling.disabled.single");
        assertThat(JsonPath.<String>read(answer.body(), "$.warnings[0].inForceSince")).isEqualTo("2024-06-01");
        assertThat(JsonPath.<String>read(answer.body(), "$.warnings[0].dueSince")).isEqualTo("2025-01-01");
        assertThat(JsonPath.<String>read(answer.body(), "$.warnings[0].message"))
                .startsWith("Plafond mensuel Paris Solidarité, personne handicapée seule : la valeur en vigueur, 1\u202f144,00 € "
                        + "depuis le 1er juin 2024, devait être revalorisée le 1er janvier 2025");
        HttpResponse<String> october2024 = post("/api/solidarity/simulations", AGENT, """
                {"month": "2024-10", "applicant": {"birthDate": "1980-06-01", "disabled": true}, "parisResidenceYearsInLastFive": 5,
                 "monthlyResources": 0}
                """);
        assertThat(october2024.body()).as("the ceiling was not due yet in October 2024").contains("\"warnings\":[]");

        List<String> staleToday = JsonPath.read(Http.get(url("/api/solidarity/parameters/stale"), AGENT).body(), "$[*].figure");
        assertThat(staleToday).contains("ceiling.disabled.couple", "ceiling.disabled.single")
                .doesNotContain("aspa.annual.single", "aspa.annual.couple", "aah.monthly");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics())
                .contains("guichet_dated_figure_stale{family=\"ceilings\",figure=\"ceiling.disabled.single\"} 1.0")
                .contains("guichet_dated_figure_stale{family=\"aspa\",figure=\"aspa.annual.single\"} 0.0"));

        clock.set(LocalDate.of(2027, 1, 1).atTime(10, 0));
        assertThat(JsonPath.<List<String>>read(Http.get(url("/api/solidarity/parameters/stale"), AGENT).body(), "$[*].figure"))
                .contains("aspa.annual.couple", "aspa.annual.single").doesNotContain("aah.monthly");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics())
                .contains("guichet_dated_figure_stale{family=\"aspa\",figure=\"aspa.annual.single\"} 1.0")
                .contains("guichet_dated_figure_stale{family=\"aah\",figure=\"aah.monthly\"} 0.0"));
    }

    /**
     * Every month from January 2020 to December 2026, the floor the simulation deducts is the one in force that month
     * (docs/rules.md, from the décrets and Cnav circulars; monthly ASPA = annual ÷ 12 to the cent, half up).
     */
    @Test
    void everyMonthFrom2020To2026DeductsTheFloorInForceThatMonth() {
        NavigableMap<YearMonth, String[]> aspa = new TreeMap<>(Map.of(
                YearMonth.of(2020, 1), new String[] {"903.20", "1402.22"}, YearMonth.of(2021, 1), new String[] {"906.81", "1407.83"},
                YearMonth.of(2022, 1), new String[] {"916.79", "1423.31"}, YearMonth.of(2022, 7), new String[] {"953.46", "1480.25"},
                YearMonth.of(2023, 1), new String[] {"961.09", "1492.09"}, YearMonth.of(2024, 1), new String[] {"1012.02", "1571.17"},
                YearMonth.of(2025, 1), new String[] {"1034.29", "1605.73"}, YearMonth.of(2026, 1), new String[] {"1043.60", "1620.18"}));
        NavigableMap<YearMonth, String> aah = new TreeMap<>(Map.of(YearMonth.of(2019, 11), "900.00",
                YearMonth.of(2020, 4), "902.70", YearMonth.of(2021, 4), "903.60", YearMonth.of(2022, 4), "919.86",
                YearMonth.of(2022, 7), "956.65", YearMonth.of(2023, 4), "971.37", YearMonth.of(2024, 4), "1016.05",
                YearMonth.of(2025, 4), "1033.32", YearMonth.of(2026, 4), "1041.59"));
        List<String> wrong = new ArrayList<>();
        for (YearMonth month = YearMonth.of(2020, 1); !month.isAfter(YearMonth.of(2026, 12)); month = month.plusMonths(1)) {
            String[] expectedAspa = aspa.floorEntry(month).getValue();
            check(month, "elderly single", "{\"birthDate\": \"1940-06-01\"}", "null", expectedAspa[0], wrong);
            check(month, "elderly couple", "{\"birthDate\": \"1940-06-01\"}", "{\"birthDate\": \"1980-06-01\"}", expectedAspa[1], wrong);
            check(month, "disabled single", "{\"birthDate\": \"1980-06-01\", \"disabled\": true}", "null",
                    aah.floorEntry(month).getValue(), wrong);
        }
        assertThat(wrong).as("months whose floor is not the one in force").isEmpty();
    }

    /** What the scraper reads, each series on one line, Guichet's own tags left out. */
    private String metrics() {
        return Http.get(url("/actuator/prometheus"), SUPERVISOR).body().replaceAll(",?application=\"[^\"]*\"", "")
                .replace("{,", "{");
    }

    private void check(YearMonth month, String who, String applicant, String spouse, String floor, List<String> wrong) {
        HttpResponse<String> answer = post("/api/solidarity/simulations", AGENT, """
                {"month": "%s", "applicant": %s, "spouse": %s, "parisResidenceYearsInLastFive": 5, "monthlyResources": 0}
                """.formatted(month, applicant, spouse));
        BigDecimal deducted = new BigDecimal(JsonPath.read(answer.body(), "$.resourceFloor").toString());
        if (answer.statusCode() != 200 || deducted.compareTo(new BigDecimal(floor)) != 0) {
            wrong.add(month + " " + who + ": " + deducted + " instead of " + floor);
        }
    }

    @Test
    void aBadSimulationNamesEveryBadField() {
        HttpResponse<String> refused = post("/api/solidarity/simulations", AGENT, """
                {"month": "avril", "applicant": {"disabled": true}, "spouse": {"birthDate": "2990-01-01"},
                 "parisResidenceYearsInLastFive": 7, "monthlyResources": -3}
                """);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactlyInAnyOrder("month",
                "applicant.birthDate", "spouse.birthDate", "parisResidenceYearsInLastFive", "monthlyResources");
        HttpResponse<String> noParameters = post("/api/solidarity/simulations", AGENT, """
                {"month": "2010-01", "applicant": {"birthDate": "1940-06-01"}, "parisResidenceYearsInLastFive": 5, "monthlyResources": 0}
                """);
        assertThat(noParameters.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(noParameters.body(), "$.detail")).contains("No value of", "in force on 2010-01-01");
    }

    /**
     * Issue #32: an administrator proposes a new value with its source, a second one approves it (the proposer may not),
     * and only then does the simulation use it; a row is never rewritten, by the API nor in the database.
     */
    @Test
    void anAdministratorProposesASecondApprovesAndARowIsNeverRewritten() {
        LocalDate future = LocalDate.of(2029, 11, 1);
        String value = "{\"name\":\"ceiling.elderly.single\",\"effectiveFrom\":\"" + future + "\",\"value\":1300,"
                + "\"source\":\"Délibération test\"}";
        String simulation = """
                {"month": "%s", "applicant": {"birthDate": "1940-06-01"}, "parisResidenceYearsInLastFive": 5, "monthlyResources": 1100}
                """.formatted(YearMonth.from(future));

        Object before = JsonPath.read(post("/api/solidarity/simulations", AGENT, simulation).body(), "$.monthlyAmount");
        assertThat(post("/api/solidarity/parameters/proposals", AGENT, value).statusCode()).isEqualTo(403);
        assertThat(post("/api/solidarity/parameters/proposals", SUPERVISOR, value).statusCode()).isEqualTo(403);
        HttpResponse<String> proposed = post("/api/solidarity/parameters/proposals", ADMINISTRATOR_1, value);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String id = JsonPath.read(proposed.body(), "$.id");
        assertThat(JsonPath.<String>read(proposed.body(), "$.status")).isEqualTo("PROPOSED");
        assertThat(JsonPath.<Object>read(post("/api/solidarity/simulations", AGENT, simulation).body(), "$.monthlyAmount"))
                .as("not approved yet").isEqualTo(before);

        HttpResponse<String> byProposer = post("/api/solidarity/parameters/proposals/" + id + "/approval", ADMINISTRATOR_1, "");
        assertThat(byProposer.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(byProposer.body(), "$.type")).isEqualTo("urn:guichet:problem:four-eyes");
        HttpResponse<String> approved = post("/api/solidarity/parameters/proposals/" + id + "/approval", ADMINISTRATOR_2, "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(approved.body(), "$.decidedBy")).isEqualTo("administrateur2");
        assertThat(JsonPath.<Double>read(post("/api/solidarity/simulations", AGENT, simulation).body(), "$.monthlyAmount"))
                .as("1 300 − 1 100").isEqualTo(200.0);
        assertThat(post("/api/solidarity/parameters/proposals/" + id + "/approval", ADMINISTRATOR_2, "").statusCode())
                .as("approved once").isEqualTo(409);

        HttpResponse<String> again = post("/api/solidarity/parameters/proposals", ADMINISTRATOR_2, value.replace("1300", "1400"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(again.body(), "$.errors[*].field")).containsExactly("effectiveFrom");
        assertThatThrownBy(() -> jdbc.sql("update dated_figure set value = 1 where name = 'ceiling.elderly.single' "
                + "and effective_from = '2018-04-01'").update()).hasMessageContaining("never rewritten");
        assertThatThrownBy(() -> jdbc.sql("delete from dated_figure where name = 'ceiling.elderly.single' "
                + "and effective_from = :d").param("d", future).update()).as("not even a row not in force yet")
                .hasMessageContaining("never rewritten");
        List<String> history = JsonPath.read(Http.get(url("/api/solidarity/parameters/families"), AGENT).body(),
                "$[?(@.family == 'CEILINGS')].figures[?(@.name == 'ceiling.elderly.single')].history[*].source");
        assertThat(history).startsWith("Délibération test");
        assertThat(Http.get(url("/api/solidarity/audit?agent=administrateur2"), SUPERVISOR).body())
                .contains("/api/solidarity/parameters/proposals/{id}/approval");
    }

    /**
     * Issue #32: a ceiling raised from a month already paid. Its impact is shown before approval; once approved the
     * grant is recomputed (published: the person is told), the month paid gets its arrear, and the next run pays it
     * with that month's amount, once. In 2028, so that no other test's months or grants share its figures.
     */
    @Test
    void aCeilingRaisedFromAMonthAlreadyPaidRecomputesTheGrantAndTheNextRunPaysTheArrearsOnce() {
        clock.set(LocalDate.of(2028, 3, 16).atTime(10, 0));
        String grant = grant(person(LocalDate.of(1944, 5, 5), "0", 1));
        YearMonth march = YearMonth.of(2028, 3);
        runs.runToCompletion(march);
        assertThat(payment(grant, march)).containsEntry("amount", new BigDecimal("85.40")); // 1 129 − 1 043.60

        HttpResponse<String> proposed = post("/api/solidarity/parameters/proposals", ADMINISTRATOR_1, """
                {"name": "ceiling.elderly.single", "effectiveFrom": "2028-03-01", "value": 1150, "source": "Délibération 2028 DASES 1"}
                """);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String id = JsonPath.read(proposed.body(), "$.id");
        String impact = Http.get(url("/api/solidarity/parameters/proposals/" + id + "/impact"), ADMINISTRATOR_2).body();
        assertThat(JsonPath.<String>read(impact, "$.month")).isEqualTo("2028-03");
        assertThat(JsonPath.<List<String>>read(impact, "$.sections[*].section")).containsExactly("13");
        assertThat(JsonPath.<Integer>read(impact, "$.total.grantsChanged")).isEqualTo(1);
        assertThat(new BigDecimal(JsonPath.read(impact, "$.total.monthlyTotalBefore").toString())).isEqualByComparingTo("85.40");
        assertThat(new BigDecimal(JsonPath.read(impact, "$.total.monthlyTotalAfter").toString())).isEqualByComparingTo("106.40");
        assertThat(JsonPath.<Integer>read(impact, "$.total.paidMonthsChanged")).isEqualTo(1);
        assertThat(new BigDecimal(JsonPath.read(impact, "$.total.arrears").toString())).isEqualByComparingTo("21.00");

        HttpResponse<String> approved = post("/api/solidarity/parameters/proposals/" + id + "/approval", ADMINISTRATOR_2, "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(approved.body(), "$.appliedAt")).isNotNull();

        assertThat(grantRow(grant)).containsEntry("monthly_amount", new BigDecimal("106.40"));
        assertThat(records("solidarity.events.v1", r -> r.value().contains(grant)
                && header(r, "ce_type").endsWith("amount-recomputed.v1"), 1)).hasSize(1);
        assertThat(jdbc.sql("select difference from psol_adjustment where grant_id = :g and month = '2028-03-01'")
                .param("g", UUID.fromString(grant)).query(BigDecimal.class).single()).isEqualByComparingTo("21.00");

        YearMonth april = YearMonth.of(2028, 4);
        runs.runToCompletion(april);
        assertThat(payment(grant, april)).containsEntry("amount", new BigDecimal("127.40")) // 106.40 + 21.00 for March
                .containsEntry("adjustments", new BigDecimal("21.00"));
        YearMonth may = YearMonth.of(2028, 5);
        runs.runToCompletion(may);
        assertThat(payment(grant, may)).as("paid once").containsEntry("amount", new BigDecimal("106.40"));
    }

    @Test
    void fileExamineGrantFor12MonthsFromTheMonthOfReceptionWithFourEyesAndEventsForPartners() {
        UUID person = person(LocalDate.of(1950, 6, 1), "0", 1);
        Instant receivedAt = LocalDate.of(2026, 10, 7).atTime(15, 0).atZone(PARIS).toInstant(); // received offline

        String id = file(person, receivedAt);
        assertThat(letter(id, AGENT).statusCode()).as("no decision to notify yet").isEqualTo(409);
        HttpResponse<String> byFiler = post("/api/solidarity/applications/" + id + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");
        assertThat(byFiler.statusCode()).as("not examined yet").isEqualTo(409);
        examine(id);
        HttpResponse<String> examinerDecides = post("/api/solidarity/applications/" + id + "/decision", SOCIAL_WORKER, "{\"outcome\":\"GRANTED\"}");
        assertThat(examinerDecides.statusCode()).isEqualTo(403);
        HttpResponse<String> granted = post("/api/solidarity/applications/" + id + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(granted.body(), "$.grant.firstMonth")).as("the month of reception").isEqualTo("2026-10-01");
        assertThat(JsonPath.<String>read(granted.body(), "$.grant.lastMonth")).isEqualTo("2027-09-01");
        assertThat(JsonPath.<Double>read(granted.body(), "$.grant.monthlyAmount")).isEqualTo(85.40);
        List<ConsumerRecord<String, String>> steps = records("solidarity.events.v1", r -> r.value().contains(id), 3);
        steps.forEach(step -> {
            assertThat(EventSchemas.violations(header(step, "ce_type"), step.value())).isEmpty();
            assertThat(step.value()).doesNotContain(person.toString()).doesNotContain("Durand");
        });
        assertThat(steps).extracting(r -> header(r, "ce_type")).contains("fr.paris.casvp.guichet.solidarity.granted.v1");
        // Issue #36: the e-mail of the grant cited the grant's number (PSG-…) where the receipt said the application's.
        String number = JsonPath.read(granted.body(), "$.number");
        assertThat(steps).extracting(r -> JsonPath.<String>read(r.value(), "$.applicationNumber")).containsOnly(number);
        String letter = text(letter(id, AGENT));
        assertThat(letter).contains("Objet : notification de décision — allocation Paris Solidarité", "Demande n° " + number,
                "l'allocation Paris Solidarité vous est accordée au titre des personnes âgées", "Montant mensuel : 85,40 €",
                "Période : d'octobre 2026 à septembre 2027 inclus (12 mois)", "Ressources retenues", "minimum national",
                "Allocation : le plafond moins les ressources retenues, soit 85,40 € par mois", "Durand",
                "Tribunal administratif de Paris", "renouvellement").doesNotContain("FR76 3000 6000 0112 3456 7890 189");
        // Issue #35: each step's event id is derived from the application and the step's place in its history, so that a
        // step taken again after a restore of the database is the same event (RestoreReconciliation), not a second one.
        assertThat(steps).extracting(r -> header(r, "ce_id")).containsExactly(IntStream.rangeClosed(1, 3)
                .mapToObj(seq -> UUID.nameUUIDFromBytes(("solidarity/applications/" + id + "/steps/" + seq).getBytes(StandardCharsets.UTF_8))
                        .toString()).toArray(String[]::new));

        // Issue #36: a second first application was accepted while one was granted.
        HttpResponse<String> again = post("/api/solidarity/applications", AGENT, """
                {"beneficiaryId":"%s","payee":{"iban":"FR76 3000 6000 0112 3456 7890 189"}}""".formatted(person));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(JsonPath.<String>read(again.body(), "$.type")).isEqualTo("urn:guichet:problem:repeat-filing");
        assertThat(JsonPath.<String>read(again.body(), "$.grantedUntil")).isEqualTo("2027-09");

        UUID other = person(LocalDate.of(1950, 6, 1), "0", 1);
        String filedByDirector = file(other, clock.instant(), DIRECTOR);
        HttpResponse<String> second = post("/api/solidarity/applications", AGENT, """
                {"beneficiaryId":"%s","payee":{"iban":"FR76 3000 6000 0112 3456 7890 189"}}""".formatted(other));
        assertThat(second.statusCode()).as("one still examined: " + second.body()).isEqualTo(409);
        assertThat(JsonPath.<String>read(second.body(), "$.existing"))
                .isEqualTo(JsonPath.<String>read(Http.get(url("/api/solidarity/applications/" + filedByDirector), AGENT).body(), "$.number"));
        examine(filedByDirector);
        HttpResponse<String> fourEyes = post("/api/solidarity/applications/" + filedByDirector + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");
        assertThat(fourEyes.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(fourEyes.body(), "$.type")).isEqualTo("urn:guichet:problem:four-eyes");
    }

    @Test
    void aHouseholdThatIsNotEligibleCannotBeGrantedButIsRefusedWithReasons() {
        UUID young = person(LocalDate.of(1985, 1, 1), "0", 1);
        String id = file(young, clock.instant());
        examine(id);

        HttpResponse<String> granted = post("/api/solidarity/applications/" + id + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");
        assertThat(granted.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<List<String>>read(granted.body(), "$.reasons")).containsExactly("NOT_ELDERLY_OR_DISABLED");
        HttpResponse<String> refused = post("/api/solidarity/applications/" + id + "/decision", DIRECTOR,
                "{\"outcome\":\"REFUSED\",\"reasonCodes\":[\"NOT_ELDERLY_OR_DISABLED\"]}");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.refusalReasons")).containsExactly("NOT_ELDERLY_OR_DISABLED");
        assertThat(text(letter(id, AGENT))).contains("est rejetée pour le motif suivant", "vous n'avez pas 65 ans",
                "Tribunal administratif de Paris", "deux mois").doesNotContain("Montant mensuel");
    }

    @Test
    void thePaymentRunOrdersEachGrantOnceSkipsWithReasonsAndRunningAgainCreatesNothing() {
        YearMonth month = YearMonth.of(2026, 12);
        UUID full = person(LocalDate.of(1945, 3, 3), "0", 1);
        UUID tiny = person(LocalDate.of(1945, 3, 3), "1127.50", 1);
        String fullGrant = grant(full);
        String tinyGrant = grant(tiny);

        HttpResponse<String> stale = post("/api/solidarity/payment-runs", SUPERVISOR, "{\"month\":\"" + month + "\"}");
        assertThat(stale.statusCode()).as("the ceilings of June 2024 were due on 1 January 2025").isEqualTo(409);
        assertThat(JsonPath.<String>read(stale.body(), "$.type")).isEqualTo("urn:guichet:problem:stale-figures");
        assertThat(JsonPath.<List<String>>read(stale.body(), "$.staleFigures[*].figure")).contains("ceiling.elderly.couple");
        assertThat(count(month)).isZero();
        HttpResponse<String> started = post("/api/solidarity/payment-runs", SUPERVISOR,
                "{\"month\":\"" + month + "\",\"confirmStaleFigures\":true}");
        assertThat(started.statusCode()).as(started.body()).isIn(200, 202);
        assertThat(Http.get(url("/api/solidarity/audit?agent=superviseur"), SUPERVISOR).body())
                .contains("CONFIRM STALE FIGURES ceiling.");
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(JsonPath.read(
                Http.get(url("/api/solidarity/payment-runs/" + month), SUPERVISOR).body(), "$.status")));

        assertThat(payment(fullGrant, month)).containsEntry("status", "ORDERED").containsEntry("amount", new BigDecimal("85.40"));
        assertThat(payment(tinyGrant, month)).containsEntry("status", "SKIPPED").containsEntry("skip_reason", "BELOW_PAYMENT_THRESHOLD")
                .containsEntry("amount", new BigDecimal("1.50"));
        String reference = (String) payment(fullGrant, month).get("reference");
        ConsumerRecord<String, String> order = records("payment-orders.v1", r -> r.value().contains(reference), 1).get(0);
        assertThat(EventSchemas.violations(PaymentOrder.TYPE, order.value())).isEmpty();
        assertThat(JsonPath.<String>read(order.value(), "$.issuer")).isEqualTo("solidarity-service");
        String report = Http.get(url("/api/solidarity/payment-runs/" + month), SUPERVISOR).body();
        assertThat(JsonPath.<Integer>read(report, "$.skippedByReason.BELOW_PAYMENT_THRESHOLD")).isPositive();
        long rows = count(month);

        HttpResponse<String> again = post("/api/solidarity/payment-runs", SUPERVISOR, "{\"month\":\"" + month + "\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(count(month)).isEqualTo(rows);
        assertThat(jdbc.sql("select topic from outbox_event where payload like :ref").param("ref", "%\"" + reference + "\"%")
                .query(String.class).list()).as("one order, in each version of the contract")
                .containsExactlyInAnyOrder("payment-orders.v1", "payment-orders.v2");

        confirm("{\"orderId\":\"" + JsonPath.read(order.value(), "$.orderId") + "\",\"reference\":\"" + reference
                + "\",\"amount\":85.40,\"status\":\"PAID\",\"settledAt\":\"" + clock.instant() + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(payment(fullGrant, month).get("status")));
        assertThat(post("/api/solidarity/payment-runs", AGENT, "{\"month\":\"" + month + "\"}").statusCode()).isEqualTo(403);
    }

    /**
     * A graceful stop (SIGTERM: the runner's {@code shutdownNow()} interrupts its thread) between two batches must not
     * close the month with grants unpaid: the run stays RUNNING, and the restart pays every grant exactly once.
     */
    @Test
    void aGracefulStopInTheMiddleOfTheRunLeavesItRunningAndTheRestartPaysEveryGrantOnce() {
        YearMonth month = YearMonth.of(2027, 2);
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            grants.add(grant(person(LocalDate.of(1944, 1, 1), "0", 1)));
        }
        jdbc.sql("insert into psol_payment_run (month, status, started_by, started_at) values (:m, 'RUNNING', 'test', now())")
                .param("m", month.atDay(1)).update();

        Thread.currentThread().interrupt();
        try {
            runs.runToCompletion(month);
        } finally {
            Thread.interrupted();
        }
        assertThat(runs.report(month).orElseThrow().status()).as("not closed by the stop").isEqualTo("RUNNING");

        runs.runToCompletion(month);

        assertThat(runs.report(month).orElseThrow().status()).isEqualTo("COMPLETED");
        for (String grant : grants) {
            assertThat(jdbc.sql("select count(*) from psol_payment where grant_id = :g and month = :m")
                    .param("g", UUID.fromString(grant)).param("m", month.atDay(1)).query(Long.class).single()).isEqualTo(1);
        }
    }

    /**
     * Several instances: the one running the month is killed; a survivor's watch (every 30 s, called here) takes the
     * run up, queues it once however often it looks, and pays every grant once.
     */
    @Test
    void aSurvivingInstanceTakesUpTheRunOfADeadOneOnceAndPaysEveryGrantOnce() {
        YearMonth month = YearMonth.of(2027, 3);
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            grants.add(grant(person(LocalDate.of(1944, 1, 1), "0", 1)));
        }
        jdbc.sql("insert into psol_payment_run (month, status, started_by, started_at) values (:m, 'RUNNING', 'test', now())")
                .param("m", month.atDay(1)).update();

        List<YearMonth> first = runs.resumeUnfinished();
        List<YearMonth> second = runs.resumeUnfinished();

        assertThat(first).contains(month);
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(runs.report(month).orElseThrow().status()));
        assertThat(second).as("already queued or running here: not queued twice").doesNotContain(month);
        assertThat(runs.resumeUnfinished()).as("completed: nothing to take up").doesNotContain(month);
        for (String grant : grants) {
            assertThat(jdbc.sql("select count(*) from psol_payment where grant_id = :g and month = :m")
                    .param("g", UUID.fromString(grant)).param("m", month.atDay(1)).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aRunLeftUnfinishedCompletesWithoutDuplicates() {
        YearMonth month = YearMonth.of(2027, 1);
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            grants.add(grant(person(LocalDate.of(1944, 1, 1), "0", 1)));
        }
        // As a killed process leaves it: the run RUNNING, one grant already written.
        jdbc.sql("insert into psol_payment_run (month, status, started_by, started_at) values (:m, 'RUNNING', 'test', now())")
                .param("m", month.atDay(1)).update();
        jdbc.sql("""
                        insert into psol_payment (grant_id, month, amount, status, order_id, reference, created_at)
                        values (:g, :m, 1, 'ORDERED', gen_random_uuid(), 'BEFORE-THE-CRASH', now())
                        """).param("g", UUID.fromString(grants.get(0))).param("m", month.atDay(1)).update();

        HttpResponse<String> resumed = post("/api/solidarity/payment-runs", SUPERVISOR, "{\"month\":\"" + month + "\"}");

        assertThat(resumed.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(JsonPath.read(
                Http.get(url("/api/solidarity/payment-runs/" + month), SUPERVISOR).body(), "$.status")));
        for (String grant : grants) {
            assertThat(jdbc.sql("select count(*) from psol_payment where grant_id = :g and month = :m")
                    .param("g", UUID.fromString(grant)).param("m", month.atDay(1)).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(payment(grants.get(0), month)).containsEntry("reference", "BEFORE-THE-CRASH");
    }

    @Test
    void changesOfSituationRecomputeSuspendResumeAndEndTheGrantFromTheDateOfTheChange() {
        UUID person = person(LocalDate.of(1946, 2, 2), "0", 1);
        String grant = grant(person);

        publish(snapshot(person, LocalDate.of(1946, 2, 2), "1100.00", 2, null, null, true));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new BigDecimal("85.40").compareTo((BigDecimal) grantRow(grant).get("monthly_amount")) != 0);
        assertThat(grantRow(grant)).containsEntry("monthly_amount", new BigDecimal("29.00")).containsEntry("status", "ACTIVE");

        publish(snapshot(person, LocalDate.of(1946, 2, 2), "1100.00", 4, null, null, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUSPENDED".equals(grantRow(grant).get("status")));
        assertThat(grantRow(grant)).containsEntry("status_reason", "MOVED_OUT_OF_PARIS");

        publish(snapshot(person, LocalDate.of(1946, 2, 2), "1100.00", 3, null, null, true));
        publish(snapshot(person, LocalDate.of(1946, 2, 2), "1100.00", 5, null, null, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(grantRow(grant).get("status")));

        LocalDate death = LocalDate.of(2026, 11, 14);
        publish(snapshot(person, LocalDate.of(1946, 2, 2), "1100.00", 6, death, null, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ENDED".equals(grantRow(grant).get("status")));
        assertThat(grantRow(grant)).containsEntry("status_from", java.sql.Date.valueOf(death)).containsEntry("status_reason", "DECEASED");
        List<ConsumerRecord<String, String>> steps = records("solidarity.events.v1", r -> r.value().contains(grant), 4);
        assertThat(steps).extracting(r -> header(r, "ce_type")).containsSubsequence(
                "fr.paris.casvp.guichet.solidarity.granted.v1", "fr.paris.casvp.guichet.solidarity.amount-recomputed.v1",
                "fr.paris.casvp.guichet.solidarity.suspended.v1", "fr.paris.casvp.guichet.solidarity.resumed.v1",
                "fr.paris.casvp.guichet.solidarity.ended.v1");
    }

    @Test
    void aGrantThatEndsWithinTwoMonthsGetsOneRenewalReminder() {
        String grant = grant(person(LocalDate.of(1947, 7, 7), "0", 1));
        jdbc.sql("update psol_grant set last_month = :m where id = :g")
                .param("m", LocalDate.of(2026, 12, 1)).param("g", UUID.fromString(grant)).update();

        renewals.remind();
        renewals.remind();

        List<ConsumerRecord<String, String>> reminders = records("solidarity.events.v1",
                r -> r.value().contains(grant) && header(r, "ce_type").endsWith("renewal-due.v1"), 1);
        assertThat(EventSchemas.violations(header(reminders.get(0), "ce_type"), reminders.get(0).value())).isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox_event where event_type like '%renewal-due%' and payload like :g")
                .param("g", "%" + grant + "%").query(Long.class).single()).as("once").isEqualTo(1);
    }

    @Test
    void aReceptionTimeOlderThanTwoMonthsIsRefused() {
        UUID person = person(LocalDate.of(1947, 7, 7), "0", 1);

        HttpResponse<String> refused = post("/api/solidarity/applications", AGENT, """
                {"beneficiaryId":"%s","receivedAt":"%s","payee":{"iban":"FR76 0000"}}
                """.formatted(person, clock.instant().minus(Duration.ofDays(70))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactlyInAnyOrder("payee.iban", "receivedAt");
    }

    // --- fixture ---

    private UUID person(LocalDate birthDate, String resources, long version) {
        UUID id = UUID.randomUUID();
        publish(snapshot(id, birthDate, resources, version, null, null, true));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from beneficiary_replica where beneficiary_id = :id")
                .param("id", id.toString()).query(Long.class).single() == 1);
        return id;
    }

    private BeneficiarySnapshot snapshot(UUID id, LocalDate birthDate, String resources, long version, LocalDate deceasedOn,
                                         LocalDate away, boolean inParis) {
        BeneficiarySituation situation = new BeneficiarySituation(
                new Identity("Durand", null, "Paul", birthDate, "M", null),
                inParis ? new Address("3 rue de Tolbiac", null, "75013", "Paris", 13)
                        : new Address("1 rue de Paris", null, "93100", "Montreuil", null),
                inParis ? List.of(new ResidencePeriod(LocalDate.of(2010, 1, 1), null))
                        : List.of(new ResidencePeriod(LocalDate.of(2010, 1, 1), clock.today().minusDays(10))),
                null, List.of(), null, List.of(), List.of(new MonthlyResource(ResourceKind.PENSION, new BigDecimal(resources))),
                List.of(), false, "13", null, deceasedOn, away);
        return new BeneficiarySnapshot(id, "B-2026-%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000)), version,
                clock.instant(), situation, inParis ? LocalDate.of(2010, 1, 1) : null, null);
    }

    private String file(UUID person, Instant receivedAt) {
        return file(person, receivedAt, AGENT);
    }

    private String file(UUID person, Instant receivedAt, String token) {
        HttpResponse<String> filed = post("/api/solidarity/applications", token, """
                {"beneficiaryId":"%s","receivedAt":"%s","payee":{"iban":"FR76 3000 6000 0112 3456 7890 189"}}
                """.formatted(person, receivedAt));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(JsonPath.<String>read(filed.body(), "$.receipt.number")).isNotBlank();
        return JsonPath.read(filed.body(), "$.id");
    }

    private void examine(String id) {
        HttpResponse<String> examined = post("/api/solidarity/applications/" + id + "/examination", SOCIAL_WORKER,
                "{\"assessment\":\"Retraite modeste, seul.\"}");
        assertThat(examined.statusCode()).as(examined.body()).isEqualTo(200);
    }

    /** A grant from this month; returns the grant's id. */
    private String grant(UUID person) {
        String id = file(person, clock.instant());
        examine(id);
        HttpResponse<String> granted = post("/api/solidarity/applications/" + id + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        return JsonPath.read(granted.body(), "$.grant.id");
    }

    private Map<String, Object> payment(String grant, YearMonth month) {
        return jdbc.sql("select * from psol_payment where grant_id = :g and month = :m")
                .param("g", UUID.fromString(grant)).param("m", month.atDay(1)).query().singleRow();
    }

    private Map<String, Object> grantRow(String grant) {
        return jdbc.sql("select * from psol_grant where id = :g").param("g", UUID.fromString(grant)).query().singleRow();
    }

    private long count(YearMonth month) {
        return jdbc.sql("select count(*) from psol_payment where month = :m").param("m", month.atDay(1)).query(Long.class).single();
    }

    private HttpResponse<byte[]> letter(String id, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/solidarity/applications/" + id + "/letter")))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> letter) {
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.headers().firstValue("Content-Type")).contains("application/pdf");
        try (var document = Loader.loadPDF(letter.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(BeneficiarySnapshot snapshot) {
        Topics.send(kafka, "beneficiaries.v1", snapshot.id().toString(), json.writeValueAsString(snapshot));
    }

    private void confirm(String confirmation) {
        Topics.send(kafka, "payment-confirmations.v1", "treasury", confirmation);
    }

    private List<ConsumerRecord<String, String>> records(String topic, java.util.function.Predicate<ConsumerRecord<String, String>> match,
                                                         int count) {
        return Topics.read(consumers, topic, match, count);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Topics.header(record, name);
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
