package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.gateway.intake.ReceiptSeriesBook;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestSigningKeys;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline capture, the gateway's side (issue #15), with a real Kafka broker: a counter reserves a series of receipt
 * numbers, captures applications while it cannot reach the gateway, then sends them; each is queued once, under the
 * number printed at the counter and with the counter's reception time. Numbers of no series, of another section's, out
 * of the series, and reception times before the series or in the future are refused, each field named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "gateway")
class OfflineCaptureIT {

    static final StubService services = StubService.start("aid");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    ReceiptSeriesBook seriesBook;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("beneficiaries", "aid", "solidarity", "transport")) {
            registry.add("guichet.services." + service + ".url", services::url);
        }
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void aCounterReservesASeriesOfItsSectionRecordedSoThatNoOtherCounterGetsIt() {
        HttpResponse<String> reserved = post("/api/counter/receipt-series", null, "", TestTokens.agent13());
        HttpResponse<String> again = post("/api/counter/receipt-series", null, "", TestTokens.agent13());

        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(201);
        List<String> numbers = JsonPath.read(reserved.body(), "$.numbers");
        assertThat(numbers).hasSize(50).allSatisfy(number -> assertThat(ReceiptNumber.normalise(number)).isEqualTo(number));
        assertThat(JsonPath.<String>read(reserved.body(), "$.section")).isEqualTo("13");
        String prefix = JsonPath.read(reserved.body(), "$.prefix");
        assertThat(JsonPath.<String>read(again.body(), "$.prefix")).as("a new series each time").isNotEqualTo(prefix);
        ConsumerRecord<String, String> recorded = TopicRecords.first(bootstrapServers, "receipt-series.v1", prefix);
        assertThat(recorded.key()).isEqualTo(prefix);
        assertThat(EventSchemas.violations(ReceiptSeries.TYPE, recorded.value())).isEmpty();
        assertThat(post("/api/counter/receipt-series", null, "", TestTokens.supervisor()).statusCode())
                .as("no section, no counter").isEqualTo(403);
        assertThat(post("/api/counter/receipt-series", null, "", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aCapturedApplicationIsQueuedOnceUnderItsNumberWithTheCountersReceptionTime() {
        String series = series(TestTokens.agent13());
        List<String> numbers = reservedNumbers;
        String beneficiary = UUID.randomUUID().toString();
        Instant capturedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
        UUID key = UUID.randomUUID();
        String captured = captured(series, numbers.get(0), capturedAt, "/api/aid/applications",
                "{\"beneficiaryId\":\"" + beneficiary + "\",\"category\":\"FOOD\",\"requestedAmount\":50}");

        HttpResponse<String> sent = post("/api/counter/captured", key, captured, TestTokens.agent13());
        HttpResponse<String> sentAgain = post("/api/counter/captured", key, captured, TestTokens.agent13());
        HttpResponse<String> sameNumberOtherKey = post("/api/counter/captured", UUID.randomUUID(), captured, TestTokens.agent13());

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(JsonPath.<String>read(sent.body(), "$.receipt.number")).isEqualTo(numbers.get(0));
        assertThat(Instant.parse(JsonPath.read(sent.body(), "$.receipt.receivedAt"))).isEqualTo(capturedAt);
        assertThat(JsonPath.<String>read(sent.body(), "$.message")).contains("date de réception faisant foi", numbers.get(0));
        assertThat(JsonPath.<String>read(sentAgain.body(), "$.receipt.number")).isEqualTo(numbers.get(0));
        assertThat(sameNumberOtherKey.statusCode()).as("a number already received is not queued again").isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(sameNumberOtherKey.body(), "$.alreadyReceived")).isTrue();

        List<ConsumerRecord<String, String>> commands = TopicRecords.all(bootstrapServers, "intake.aid.v1", numbers.get(0));
        assertThat(commands).as("queued once").hasSize(1);
        ConsumerRecord<String, String> command = commands.get(0);
        assertThat(command.key()).isEqualTo(beneficiary);
        assertThat(EventSchemas.violations(QueuedCommand.TYPE, command.value())).isEmpty();
        assertThat(Instant.parse(JsonPath.read(command.value(), "$.receivedAt"))).isEqualTo(capturedAt);
        assertThat(JsonPath.<String>read(command.value(), "$.receiptNumber")).isEqualTo(numbers.get(0));
        assertThat(JsonPath.<String>read(command.value(), "$.agent.username")).isEqualTo("agent13");
        String body = TestSigningKeys.open(JsonPath.read(command.value(), "$.body"));
        assertThat(Instant.parse(JsonPath.read(body, "$.receivedAt"))).as("the service checks it as any reception time").isEqualTo(capturedAt);
        assertThat(JsonPath.<String>read(body, "$.beneficiaryId")).isEqualTo(beneficiary);

        HttpResponse<String> receipt = Http.get(url("/api/receipts/" + numbers.get(0)), TestTokens.agent13());
        assertThat(JsonPath.<String>read(receipt.body(), "$.status")).isEqualTo("QUEUED");
        assertThat(Instant.parse(JsonPath.read(receipt.body(), "$.receivedAt"))).isEqualTo(capturedAt);
    }

    @Test
    void theReceiptIsAPdfInFrenchForTheSectionOnA4OrOnAReceiptPrintersRoll() throws Exception {
        String series = series(TestTokens.agent13());
        String number = reservedNumbers.get(0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(post("/api/counter/captured", UUID.randomUUID(), captured(series, number, now, "/api/transport/passes",
                "{\"beneficiaryId\":\"" + UUID.randomUUID() + "\",\"navigoCardNumber\":\"1234567890\",\"zones\":\"1-2\"}"),
                TestTokens.agent13()).statusCode()).isEqualTo(202);

        HttpResponse<byte[]> a4 = pdf(number, "", TestTokens.agent13());
        HttpResponse<byte[]> ticket = pdf(number.toLowerCase(), "?format=ticket", TestTokens.agent13());

        assertThat(a4.statusCode()).isEqualTo(200);
        assertThat(a4.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(a4.body())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Récépissé de dépôt de demande", number, "Navigo", "Section du 13e arrondissement",
                    "Date de réception faisant foi : " + frenchDate(now),
                    "reçue, en attente du service", "sans que vous ayez à revenir")
                    // The full address of the page (GUICHET_PUBLIC_URL, or the one the request came to, as here).
                    .contains("« Suivre ma demande », " + url("/suivi") + ",");
        }
        try (PDDocument document = Loader.loadPDF(ticket.body())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("80 mm").isCloseTo(226.8f, Offset.offset(0.1f));
            assertThat(new PDFTextStripper().getText(document)).contains(number);
        }
        assertThat(pdf(number, "", TestTokens.of("agent18", "AGENT", "18")).statusCode()).as("another section's").isEqualTo(404);
        assertThat(pdf(number, "", null).statusCode()).isEqualTo(401);
    }

    /** As a letter writes it: {@code 2 décembre 2026 à 09:30}, {@code 1er décembre...} on the first of a month. */
    private static String frenchDate(Instant instant) {
        String text = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"))
                .format(instant);
        return text.startsWith("1 ") ? "1er" + text.substring(1) : text;
    }

    private HttpResponse<byte[]> pdf(String number, String query, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/receipts/" + number + "/pdf" + query)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void whatNoCounterOfTheSectionCouldHaveCapturedIsRefusedEachFieldNamed() {
        String series13 = series(TestTokens.agent13());
        List<String> numbers13 = reservedNumbers;
        String series18 = series(TestTokens.of("agent18", "AGENT", "18"));
        String application = aidApplication(50);
        Instant now = Instant.now();

        HttpResponse<String> anotherSection = post("/api/counter/captured", UUID.randomUUID(),
                captured(series18, reservedNumbers.get(1), now, "/api/aid/applications", application), TestTokens.agent13());
        HttpResponse<String> forged = post("/api/counter/captured", UUID.randomUUID(),
                captured(series13.substring(0, series13.indexOf('.') + 1) + "AAAA", numbers13.get(1), now,
                        "/api/aid/applications", application), TestTokens.agent13());
        HttpResponse<String> outOfSeries = post("/api/counter/captured", UUID.randomUUID(),
                captured(series13, outside(numbers13), now.minusSeconds(3600),
                        "/api/beneficiaries", application), TestTokens.agent13());
        HttpResponse<String> future = post("/api/counter/captured", null,
                captured(series13, numbers13.get(2), now.plus(Duration.ofHours(1)), "/api/aid/applications", "[]"), TestTokens.agent13());

        assertThat(anotherSection.statusCode()).isEqualTo(400);
        assertThat(fields(anotherSection)).containsExactly("series");
        assertThat(JsonPath.<String>read(anotherSection.body(), "$.errors[0].detail")).contains("section 18");
        assertThat(fields(forged)).containsExactly("series");
        assertThat(fields(outOfSeries)).containsExactlyInAnyOrder("receipt", "receivedAt", "path");
        assertThat(fields(future)).containsExactlyInAnyOrder("Idempotency-Key", "receivedAt", "body");
        assertThat(TopicRecords.all(bootstrapServers, "intake.aid.v1", numbers13.get(1))).as("nothing queued").isEmpty();
    }

    /**
     * Issue #33: eight captures of one number sent at once were all queued (the service then turned the receipt to
     * REJECTED), and another application under a known number, or a key reused with another number, was answered 200
     * and never filed. Now one is queued, the others are told, each field named.
     */
    @Test
    void oneReceiptNumberIsOneApplicationAndAnotherUnderItIsRefusedNotAbsorbed() throws Exception {
        String series = series(TestTokens.agent13());
        List<String> numbers = reservedNumbers;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String application = aidApplication(50 + i);
            UUID key = UUID.randomUUID();
            sent.add(CompletableFuture.supplyAsync(() -> post("/api/counter/captured", key,
                    captured(series, numbers.get(0), now, "/api/aid/applications", application), TestTokens.agent13())));
        }
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnlyOnce(202).containsOnly(202, 409);
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:guichet:problem:receipt-already-used");
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactly("receipt");
        assertThat(TopicRecords.all(bootstrapServers, "intake.aid.v1", numbers.get(0))).as("queued once").hasSize(1);

        UUID key = UUID.randomUUID();
        String application = aidApplication(70);
        assertThat(post("/api/counter/captured", key, captured(series, numbers.get(1), now, "/api/aid/applications", application),
                TestTokens.agent13()).statusCode()).isEqualTo(202);
        HttpResponse<String> keyReused = post("/api/counter/captured", key,
                captured(series, numbers.get(2), now, "/api/aid/applications", application), TestTokens.agent13());
        assertThat(keyReused.statusCode()).isEqualTo(409);
        assertThat(JsonPath.<String>read(keyReused.body(), "$.errors[0].field")).isEqualTo("Idempotency-Key");
        assertThat(JsonPath.<String>read(keyReused.body(), "$.errors[0].detail")).isEqualTo("was used for receipt " + numbers.get(1));

        // A counter's number typed in as a paper form by another agent of the section would take its place.
        HttpResponse<String> asPaper = post("/api/counter/captured", UUID.randomUUID(), paper(numbers.get(3), now, application),
                TestTokens.of("travailleur13", "SOCIAL_WORKER", "13"));
        assertThat(fields(asPaper)).containsExactly("receipt");
        assertThat(JsonPath.<String>read(asPaper.body(), "$.errors[0].detail"))
                .isEqualTo("is a number of a counter's series, not of a paper form");
    }

    /** Issue #33: an offline capture's personal data was readable in the browser's storage by whoever used it next. */
    @Test
    void eachAgentHasTheirOwnKeyForTheirOfflineCaptures() {
        HttpResponse<String> agent13 = Http.get(url("/api/counter/capture-key"), TestTokens.agent13());
        HttpResponse<String> again = Http.get(url("/api/counter/capture-key"), TestTokens.agent13());
        HttpResponse<String> agent18 = Http.get(url("/api/counter/capture-key"), TestTokens.of("agent18", "AGENT", "18"));

        assertThat(agent13.statusCode()).isEqualTo(200);
        assertThat(agent13.headers().firstValue("Cache-Control")).hasValue("no-store");
        String key = JsonPath.read(agent13.body(), "$.key");
        assertThat(java.util.Base64.getUrlDecoder().decode(key)).as("AES-256").hasSize(32);
        assertThat(JsonPath.<String>read(again.body(), "$.key")).as("the same at the next sign-in").isEqualTo(key);
        assertThat(JsonPath.<String>read(agent18.body(), "$.key")).isNotEqualTo(key);
        assertThat(Http.get(url("/api/counter/capture-key")).statusCode()).isEqualTo(401);
    }

    /** Issue #33: series had no quota, and were kept for ever. */
    @Test
    void anAgentReservesTwentySeriesADayAtMost() {
        String agent = TestTokens.of("quota-" + UUID.randomUUID().toString().substring(0, 8), "AGENT", "13");
        for (int i = 0; i < 20; i++) {
            assertThat(post("/api/counter/receipt-series", null, "", agent).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = post("/api/counter/receipt-series", null, "", agent);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:guichet:problem:too-many-requests");
        assertThat(post("/api/counter/receipt-series", null, "", TestTokens.of("agent13b", "AGENT", "13")).statusCode())
                .as("another agent").isEqualTo(201);
    }

    /** Issue #33: on a shared workstation, agent13's offline capture was sent, and filed, as whoever signed in next. */
    @Test
    void aCaptureIsFiledInTheNameOfTheAgentWhoCapturedItOnly() {
        String series = series(TestTokens.agent13());
        String application = aidApplication(50);
        Instant now = Instant.now();

        HttpResponse<String> byAColleague = post("/api/counter/captured", UUID.randomUUID(),
                captured(series, reservedNumbers.get(0), now, "/api/aid/applications", application, "agent13"),
                TestTokens.of("travailleur13", "SOCIAL_WORKER", "13"));
        HttpResponse<String> unsaid = post("/api/counter/captured", UUID.randomUUID(),
                captured(series, reservedNumbers.get(0), now, "/api/aid/applications", application, null), TestTokens.agent13());

        assertThat(byAColleague.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(byAColleague.body(), "$.errors[0].field")).isEqualTo("capturedBy");
        assertThat(fields(unsaid)).containsExactly("capturedBy");
        assertThat(TopicRecords.all(bootstrapServers, "intake.aid.v1", reservedNumbers.get(0))).as("nothing queued").isEmpty();
    }

    /** Issue #33: a reception time could be 5 minutes before its series existed, or weeks after, with a series kept. */
    @Test
    void aCountersReceptionTimeIsBoundedByWhenItsSeriesWasHandedOut() {
        String series = series(TestTokens.agent13());
        String application = aidApplication(50);
        Instant reservedAt = Instant.now();

        HttpResponse<String> beforeItsSeries = post("/api/counter/captured", UUID.randomUUID(),
                captured(series, reservedNumbers.get(0), reservedAt.minus(Duration.ofMinutes(4)), "/api/aid/applications", application),
                TestTokens.agent13());
        ReceiptSeries old = ReceiptSeries.drawn(ReceiptNumber.seriesPrefix(), 5, "13", "agent13", reservedAt.minus(Duration.ofDays(4)));
        HttpResponse<String> daysAfterItsSeries = post("/api/counter/captured", UUID.randomUUID(),
                captured(seriesBook.token(old), old.numbers().get(0), reservedAt, "/api/aid/applications", application), TestTokens.agent13());

        assertThat(fields(beforeItsSeries)).containsExactly("receivedAt");
        assertThat(fields(daysAfterItsSeries)).containsExactly("receivedAt");
        assertThat(JsonPath.<String>read(daysAfterItsSeries.body(), "$.errors[0].detail"))
                .isEqualTo("is more than 3 days after its series was reserved");
    }

    @Test
    void paperFormsCarryNumbersReservedForTheSectionAndATypedInFormKeepsTheReceptionTimeWrittenOnIt() throws Exception {
        HttpResponse<byte[]> forms = postBytes("/api/counter/paper-forms", "{\"benefit\":\"aid\",\"count\":3}", TestTokens.agent13());

        assertThat(forms.statusCode()).isEqualTo(201);
        assertThat(forms.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String prefix = forms.headers().firstValue("Guichet-Receipt-Series").orElseThrow();
        String reserved = TopicRecords.first(bootstrapServers, "receipt-series.v1", prefix).value();
        assertThat(reserved).contains("\"size\":3", "\"paper\":true", "\"shuffleKey\"");
        List<String> numbers = JsonMapper.shared().readValue(reserved, ReceiptSeries.class).numbers();
        try (PDDocument document = Loader.loadPDF(forms.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Allocation exceptionnelle — formulaire de secours", "Coupon à remettre à la personne",
                    "Section du 13e arrondissement").contains(numbers).doesNotContain(outside(numbers));
        }

        // Typed in after the outage: the number printed on the form, the reception time written on it, no series.
        Instant written = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String application = aidApplication(50);
        HttpResponse<String> typedIn = post("/api/counter/captured", UUID.randomUUID(),
                paper(numbers.get(1), written, application), TestTokens.agent13());
        assertThat(typedIn.statusCode()).as(typedIn.body()).isEqualTo(202);
        assertThat(Instant.parse(JsonPath.read(typedIn.body(), "$.receipt.receivedAt"))).isEqualTo(written);
        assertThat(TopicRecords.all(bootstrapServers, "intake.aid.v1", numbers.get(1))).hasSize(1);

        HttpResponse<String> otherSection = post("/api/counter/captured", UUID.randomUUID(), paper(numbers.get(2), written, application),
                TestTokens.of("agent18", "AGENT", "18"));
        assertThat(fields(otherSection)).containsExactly("receipt");
        String neverReserved = ReceiptNumber.inSeries(ReceiptNumber.seriesPrefix(), 0);
        assertThat(fields(post("/api/counter/captured", UUID.randomUUID(), paper(neverReserved, written, application),
                TestTokens.agent13()))).containsExactly("receipt");
        assertThat(fields(post("/api/counter/paper-forms", null, "{\"benefit\":\"energy\",\"count\":0}", TestTokens.agent13())))
                .containsExactlyInAnyOrder("benefit", "count");
        assertThat(postBytes("/api/counter/paper-forms", "{\"benefit\":\"aid\",\"count\":1}", TestTokens.supervisor()).statusCode())
                .as("no section, no counter").isEqualTo(403);
    }

    @Test
    void theDegradedProcedureIsAPrintableFrenchSheetForAgentsWithoutAnyAddressOfTheApi() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/counter/paper-kit/procedure")))
                .header("Authorization", "Bearer " + TestTokens.agent13()).build();
        HttpResponse<byte[]> procedure = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(procedure.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(procedure.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Procédure dégradée", "Section du 13e arrondissement",
                    "Plus aucun ordinateur ne fonctionne", "Qui appeler").doesNotContain("/api", "http");
        }
    }

    private static String paper(String number, Instant receivedAt, String body) {
        return "{\"receipt\":\"" + number + "\",\"receivedAt\":\"" + receivedAt + "\",\"path\":\"/api/aid/applications\",\"body\":"
                + body + "}";
    }

    private HttpResponse<byte[]> postBytes(String path, String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<String> reservedNumbers;

    /** A number of the series' prefix that is not one of its {@code numbers}. */
    private static String outside(List<String> numbers) {
        String prefix = ReceiptNumber.seriesPrefixOf(numbers.get(0));
        return IntStream.range(0, ReceiptNumber.SERIES_CAPACITY).mapToObj(index -> ReceiptNumber.inSeries(prefix, index))
                .filter(number -> !numbers.contains(number)).findFirst().orElseThrow();
    }

    private String series(String token) {
        HttpResponse<String> reserved = post("/api/counter/receipt-series", null, "", token);
        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(201);
        reservedNumbers = JsonPath.read(reserved.body(), "$.numbers");
        return JsonPath.read(reserved.body(), "$.series");
    }

    /** An exceptional aid's application for a new person, as a counter captures it. */
    private static String aidApplication(int amount) {
        return "{\"beneficiaryId\":\"" + UUID.randomUUID() + "\",\"category\":\"FOOD\",\"requestedAmount\":" + amount + "}";
    }

    private static String captured(String series, String number, Instant receivedAt, String path, String body) {
        return captured(series, number, receivedAt, path, body, "agent13");
    }

    private static String captured(String series, String number, Instant receivedAt, String path, String body, String capturedBy) {
        return "{\"series\":\"" + series + "\",\"receipt\":\"" + number.toLowerCase() + "\",\"receivedAt\":\"" + receivedAt
                + "\",\"path\":\"" + path + "\",\"body\":" + body
                + (capturedBy == null ? "" : ",\"capturedBy\":\"" + capturedBy + "\"") + "}";
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JsonPath.read(response.body(), "$.errors[*].field");
    }

    private HttpResponse<String> post(String path, UUID key, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key.toString());
        }
        return Http.send(request.build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
