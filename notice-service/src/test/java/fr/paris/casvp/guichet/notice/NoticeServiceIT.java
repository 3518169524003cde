package fr.paris.casvp.guichet.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.ServiceConventionsTests;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notice service against a real PostgreSQL, the real Kafka broker and a real SMTP server (GreenMail): what a person
 * receives, once per event however often Kafka delivers it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guichet.notices.attempts=2", "guichet.notices.first-retry=PT0.2S", "guichet.notices.poll=PT0.2S"})
@RealInfrastructure(database = "notice")
class NoticeServiceIT extends ServiceConventionsTests {

    private static final GreenMail SMTP = startSmtp();

    @Autowired
    private Pseudonyms pseudonyms;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aPersonIsToldInFrenchByEmailAndTextOnceEachEvenWhenAnEventIsDeliveredTwice() throws Exception {
        UUID person = UUID.randomUUID();
        String email = "emilie-" + person + "@example.org";
        register(person, email, "06 12 34 56 78", true, false);
        String received = UUID.randomUUID().toString();
        String application = "AE-2026-%06d".formatted(Math.floorMod(person.hashCode(), 1_000_000));

        // The same event (same ce_id) twice, then the decision, on one key: all on one partition, in this order.
        publishAid(received, person, application, "RECEIVED", Instant.now());
        publishAid(received, person, application, "RECEIVED", Instant.now());
        publishAid(UUID.randomUUID().toString(), person, application, "GRANTED", Instant.now());

        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(email).size() == 2 && messagesTo(smsOf("+33612345678")).size() >= 2);
        List<MimeMessage> emails = messagesTo(email);
        assertThat(emails).extracting(MimeMessage::getSubject).containsExactly(
                "Aide exceptionnelle — demande reçue (dossier n° " + application + ")",
                "Aide exceptionnelle — demande accordée (dossier n° " + application + ")");
        assertThat(new String(emails.get(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("Madame Ørsted-Nguyễn,")
                .contains("a été accordée le")
                .contains("Section du 13e arrondissement");
        assertThat(emails.get(0).getHeader("Message-ID")[0]).endsWith("@notices.guichet>");
        assertThat(messagesTo(smsOf("+33612345678"))).hasSize(2);
        assertThat(jdbc.sql("select count(*) from notice where event_id = :id").param("id", received).query(Long.class).single())
                .as("one notice per channel for the event delivered twice").isEqualTo(2);
    }

    @Test
    void aParisSolidariteGrantIsAnnouncedUnderTheApplicationsNumberTheReceiptGave() throws Exception {
        UUID person = UUID.randomUUID();
        String email = "ps-" + person + "@example.org";
        register(person, email, null, false, false);
        String event = """
                {"fileId":"%s","fileNumber":"PSG-2026-000004","applicationId":"%s","applicationNumber":"PS-2026-000009",
                 "beneficiary":"%s","section":"13","transition":"GRANTED","status":"ACTIVE","monthlyAmount":106.40,
                 "firstMonth":"2026-12-01","lastMonth":"2027-11-01","occurredAt":"%s"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), pseudonyms.of(Partner.EVENTS, person), Instant.now());
        send(new ProducerRecord<>("solidarity.events.v1", person.toString(), event),
                SolidarityEvent.typeOf(SolidarityEvent.Transition.GRANTED), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(email).size() == 1);
        MimeMessage granted = messagesTo(email).get(0);
        assertThat(granted.getSubject()).isEqualTo("Paris Solidarité — demande accordée (dossier n° PS-2026-000009)");
        assertThat(new String(granted.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("PSG-");
    }

    @Test
    void nothingIsSentToAPersonWhoDeclinedNoticesNorForAnEventOlderThanAWeek() {
        UUID declined = UUID.randomUUID();
        register(declined, "declined-" + declined + "@example.org", "0612345678", true, true);
        String event = UUID.randomUUID().toString();
        publishAid(event, declined, "AE-2026-900001", "GRANTED", Instant.now());
        UUID late = UUID.randomUUID();
        register(late, "late-" + late + "@example.org", null, false, false);
        String old = UUID.randomUUID().toString();
        publishAid(old, late, "AE-2026-900002", "GRANTED", Instant.now().minus(Duration.ofDays(30)));

        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(event).equals(List.of("SKIPPED", "SKIPPED"))
                && statuses(old).equals(List.of("SKIPPED", "SKIPPED")));
        assertThat(messagesTo("declined-" + declined + "@example.org")).isEmpty();
        assertThat(messagesTo("late-" + late + "@example.org")).isEmpty();
        assertThat(jdbc.sql("select outcome from notice where event_id = :id and channel = 'EMAIL'").param("id", event)
                .query(String.class).single()).isEqualTo("the person declined notices");
    }

    @Test
    void aNoticeThatCannotLeaveIsRetriedThenShownToSupervisorsWhoCanRetryIt() {
        UUID unknown = UUID.randomUUID();
        String event = UUID.randomUUID().toString();
        publishAid(event, unknown, "AE-2026-900003", "RECEIVED", Instant.now());

        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(event).equals(List.of("FAILED", "FAILED")));
        HttpResponse<String> failed = Http.get(url("/api/notices?status=FAILED&limit=1000"), TestTokens.supervisor());
        assertThat(failed.statusCode()).isEqualTo(200);
        List<String> ids = JsonPath.read(failed.body(), "$[?(@.eventId == '" + event + "')].id");
        assertThat(ids).hasSize(2);
        assertThat(JsonPath.<List<String>>read(failed.body(), "$[?(@.eventId == '" + event + "')].outcome"))
                .allSatisfy(outcome -> assertThat(outcome).contains("not (yet) in this service's copy of the registry"));
        assertThat(failed.body()).doesNotContain("@");
        assertThat(Http.get(url("/api/notices"), TestTokens.agent13()).statusCode()).isEqualTo(403);
        HttpResponse<String> badStatus = Http.get(url("/api/notices?status=LOST"), TestTokens.supervisor());
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(badStatus.body(), "$.errors[0].field")).isEqualTo("status");

        // The person is registered after all: a supervisor's retry sends it.
        register(unknown, "late-registered-" + unknown + "@example.org", null, false, false);
        HttpResponse<String> retry = Http.send(HttpRequest.newBuilder(URI.create(url("/api/notices/" + ids.get(0) + "/retry")))
                .header("Authorization", "Bearer " + TestTokens.supervisor()).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(retry.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !messagesTo("late-registered-" + unknown + "@example.org").isEmpty());
    }

    private void register(UUID person, String email, String phone, boolean acceptsSms, boolean declines) {
        String contact = "{\"email\":\"" + email + "\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                + ",\"acceptsSms\":" + acceptsSms + ",\"declinesNotices\":" + declines + "}";
        String snapshot = """
                {"id":"%s","fileNumber":"B-2026-000001","version":1,"updatedAt":"2026-12-01T09:00:00Z",
                 "situation":{"identity":{"lastName":"Ørsted-Nguyễn","firstNames":"Émilie","birthDate":"1950-03-01","sex":"F"},
                              "parisResidence":[],"disabilityEvidence":[],"nationalBenefits":[],"monthlyResources":[],
                              "incomeTax":[],"warVeteran":false,"section":"13","contact":%s,"futureField":{"ignored":true}}}
                """.formatted(person, contact);
        send(new ProducerRecord<>("beneficiaries.v1", person.toString(), snapshot), BeneficiarySnapshot.TYPE, UUID.randomUUID().toString());
        String pseudonym = pseudonyms.of(Partner.EVENTS, person);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from recipient where pseudonym = :p")
                .param("p", pseudonym).query(Long.class).single() == 1);
    }

    private void publishAid(String eventId, UUID person, String application, String transition, Instant at) {
        String event = """
                {"applicationId":"%s","applicationNumber":"%s","beneficiary":"%s","section":"13","transition":"%s",
                 "status":"%s","category":"ENERGY","receivedAt":"%s","occurredAt":"%s"}
                """.formatted(UUID.nameUUIDFromBytes(application.getBytes(StandardCharsets.UTF_8)), application,
                pseudonyms.of(Partner.EVENTS, person), transition, transition, at, at);
        send(new ProducerRecord<>("aid.events.v1", application, event),
                AidApplicationEvent.typeOf(AidApplicationEvent.Transition.valueOf(transition)), eventId);
    }

    private void send(ProducerRecord<String, String> record, String type, String eventId) {
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }

    private List<String> statuses(String eventId) {
        return jdbc.sql("select status from notice where event_id = :id order by channel").param("id", eventId)
                .query(String.class).list();
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String smsOf(String mobile) {
        return mobile + "@sms.guichet.local";
    }

    private static GreenMail startSmtp() {
        try (ServerSocket socket = new ServerSocket(0)) {
            GreenMail smtp = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            socket.close();
            smtp.start();
            return smtp;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
