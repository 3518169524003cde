package fr.paris.casvp.guichet.solidarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.MonthlyResource;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResourceKind;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Household;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Member;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.MemberRole;
import fr.paris.casvp.guichet.solidarity.domain.PaymentRunReport;
import fr.paris.casvp.guichet.solidarity.payment.PaymentRunService;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly payment run at scale (issue #6: 50 000 active grants, goal under 60 s), on the real PostgreSQL and Kafka
 * of {@code platform/test-support}. The grants and the replica are seeded by SQL (a fifth of them couples, one in
 * twenty with resources that give 2 € or less); the run then computes and writes every payment and its order, as in
 * production. Reports the run's time, and how long the outbox takes to publish every order to Kafka.
 *
 * <p>{@code ./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl solidarity-service verify [-Dbench.grants=50000]};
 * {@link PaymentRunSmokeIT} runs it at a CI size with the tests.
 */
@SpringBootTest
@RealInfrastructure(database = "solidarity")
class PaymentRunBench {

    @Autowired
    PaymentRunService runs;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void payTheMonthForEveryActiveGrant() throws IOException {
        int grants = grants();
        YearMonth month = YearMonth.of(2026, 11);
        long seeding = System.nanoTime();
        seed(grants, month);
        long seeded = (System.nanoTime() - seeding) / 1_000_000;
        jdbc.sql("insert into psol_payment_run (month, status, started_by, started_at) values (:m, 'RUNNING', 'bench', now())")
                .param("m", month.atDay(1)).update();

        long start = System.nanoTime();
        int processed = runs.runToCompletion(month);
        long runMillis = (System.nanoTime() - start) / 1_000_000;
        PaymentRunReport report = runs.report(month).orElseThrow();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single() == 0);
        long publishedMillis = (System.nanoTime() - start) / 1_000_000;

        String result = """
                Payment run benchmark (%s)
                  active grants           %d (seeded in %d ms)
                  run: computed, written   %d ms for %d grants (%.0f grants/s)
                  ordered                 %d, total %s €
                  skipped                 %d %s
                  all orders on Kafka     %d ms after the run started
                """.formatted(Instant.now(), grants, seeded, runMillis, processed, processed * 1000.0 / runMillis,
                report.ordered(), report.orderedTotal(), report.skipped(), report.skippedByReason(), publishedMillis);
        System.out.println(result);
        Path dir = Path.of(System.getProperty("bench.report", "target/bench"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(reportName()), result);

        assertThat(processed).isEqualTo(grants);
        assertThat(report.processed()).isEqualTo(grants);
        assertThat(report.ordered() + report.skipped()).isEqualTo(grants);
    }

    /** How many active grants the month has. */
    int grants() {
        return Integer.getInteger("bench.grants", 50_000);
    }

    /** The file the result is written to, in {@code target/bench}. */
    String reportName() {
        return "payment-run.txt";
    }

    private void seed(int count, YearMonth month) {
        List<Object[]> grantRows = new ArrayList<>();
        List<Object[]> replicaRows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            UUID person = UUID.randomUUID();
            UUID application = UUID.randomUUID();
            boolean couple = i % 5 == 0;
            String resources = i % 20 == 7 ? "1127.50" : i % 3 == 0 ? "950.00" : "0";
            UUID partner = couple ? UUID.randomUUID() : null;
            Household household = couple ? new Household(UUID.randomUUID(), MemberRole.APPLICANT,
                    List.of(new Member(person, MemberRole.APPLICANT), new Member(partner, MemberRole.SPOUSE))) : null;
            replicaRows.add(new Object[] {person.toString(), json.writeValueAsString(snapshot(person, resources, household)), now});
            if (couple) {
                Household theirs = new Household(household.id(), MemberRole.SPOUSE, household.members());
                replicaRows.add(new Object[] {partner.toString(), json.writeValueAsString(snapshot(partner, "400.00", theirs)), now});
            }
            grantRows.add(new Object[] {application, "PS-2026-B%05d".formatted(i), "BENCH-%06d".formatted(i), person, UUID.randomUUID(),
                    "PSG-2026-B%05d".formatted(i), now});
        }
        for (int from = 0; from < grantRows.size(); from += 5_000) {
            List<Object[]> slice = grantRows.subList(from, Math.min(grantRows.size(), from + 5_000));
            jdbcTemplate.batchUpdate("""
                    insert into psol_application (id, number, receipt_number, beneficiary_id, section, renewal, payee_account_holder,
                        payee_iban, status, received_at, filed_by, filed_at, updated_at)
                    values (?, ?, ?, ?, '13', false, 'Paul Durand', 'FR7630006000011234567890189', 'GRANTED', ?, 'bench', ?, ?)
                    """, slice.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[6], r[6], r[6]}).toList());
            jdbcTemplate.batchUpdate("""
                    insert into psol_grant (id, number, application_id, beneficiary_id, section, payee_account_holder, payee_iban,
                        first_month, last_month, status, monthly_amount, granted_by, granted_at)
                    values (?, ?, ?, ?, '13', 'Paul Durand', 'FR7630006000011234567890189', ?, ?, 'ACTIVE', 100, 'bench', ?)
                    """, slice.stream().map(r -> new Object[] {r[4], r[5], r[0], r[3], month.minusMonths(3).atDay(1),
                    month.plusMonths(8).atDay(1), r[6]}).toList());
        }
        for (int from = 0; from < replicaRows.size(); from += 5_000) {
            jdbcTemplate.batchUpdate("""
                    insert into beneficiary_replica (beneficiary_id, snapshot, version, erased, source_partition, source_offset, replicated_at)
                    values (?, cast(? as jsonb), 1, false, 0, 0, ?)
                    """, replicaRows.subList(from, Math.min(replicaRows.size(), from + 5_000)));
        }
    }

    private static BeneficiarySnapshot snapshot(UUID id, String resources, Household household) {
        BeneficiarySituation situation = new BeneficiarySituation(new Identity("Durand", null, "Paul", LocalDate.of(1948, 5, 5), "M", null),
                new Address("3 rue de Tolbiac", null, "75013", "Paris", 13), List.of(new ResidencePeriod(LocalDate.of(2001, 1, 1), null)),
                null, List.of(), null, List.of(), List.of(new MonthlyResource(ResourceKind.PENSION, new BigDecimal(resources))),
                List.of(), false, "13", null);
        return new BeneficiarySnapshot(id, "B-2026-000001", 1, Instant.now(), situation, LocalDate.of(2001, 1, 1), household);
    }
}
