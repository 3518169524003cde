package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent.Transition;
import fr.paris.casvp.guichet.solidarity.allowance.Allowance;
import fr.paris.casvp.guichet.solidarity.allowance.SolidarityParameters;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes of situation (RM I/B art. 7-8): every new snapshot of a beneficiary (or of their partner) on
 * {@code beneficiaries.v1} re-examines their running grants: a death ends the grant from its date; a move out of Paris or
 * more than 3 months away from home (d/4) suspends it from the date of the change; resources that no longer give an
 * amount suspend it from the current month; other resources recompute the amount; conditions met again resume it from
 * its suspension. Each change is an event on {@code solidarity.events.v1}. A snapshot older than the last one applied to
 * a grant changes nothing.
 */
@Component
class SituationChanges {

    private record GrantRow(UUID id, String number, UUID applicationId, UUID beneficiaryId, String section, String status,
                            LocalDate statusFrom, BigDecimal monthlyAmount, LocalDate firstMonth, LocalDate lastMonth,
                            Long lastVersion) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Snapshots snapshots;
    private final SolidarityParameters parameters;
    private final SolidarityEvents events;
    private final Files files;
    private final Clock clock;

    SituationChanges(JdbcClient jdbc, TransactionTemplate transactions, Snapshots snapshots, SolidarityParameters parameters,
                     SolidarityEvents events, Files files, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.snapshots = snapshots;
        this.parameters = parameters;
        this.events = events;
        this.files = files;
        this.clock = clock;
    }

    @KafkaListener(id = "solidarity-service.situation-changes", topics = "beneficiaries.v1")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return; // an erasure: the payment run finds no data and pays nothing
        }
        BeneficiarySnapshot snapshot = snapshots.parse(record.value());
        if (snapshot.id() == null || snapshot.situation() == null) {
            return;
        }
        transactions.executeWithoutResult(status -> apply(snapshot));
    }

    void apply(BeneficiarySnapshot snapshot) {
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(Files.PARIS));
        List<UUID> concerned = new ArrayList<>(List.of(snapshot.id()));
        HouseholdFacts.partnerOf(snapshot).ifPresent(concerned::add);
        List<GrantRow> grants = jdbc.sql("""
                        select * from psol_grant where beneficiary_id in (:ids) and status in ('ACTIVE', 'SUSPENDED')
                           and last_month >= :current for update
                        """)
                .param("ids", concerned).param("current", current.atDay(1))
                .query((rs, n) -> new GrantRow(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("application_id", UUID.class), rs.getObject("beneficiary_id", UUID.class),
                        rs.getString("section"), rs.getString("status"), rs.getObject("status_from", LocalDate.class),
                        rs.getBigDecimal("monthly_amount"), rs.getObject("first_month", LocalDate.class),
                        rs.getObject("last_month", LocalDate.class), (Long) rs.getObject("last_snapshot_version")))
                .list();
        for (GrantRow grant : grants) {
            boolean own = grant.beneficiaryId().equals(snapshot.id());
            if (own && grant.lastVersion() != null && snapshot.version() <= grant.lastVersion()) {
                continue;
            }
            Optional<BeneficiarySnapshot> holder = own ? Optional.of(snapshot) : snapshots.find(grant.beneficiaryId());
            if (holder.isEmpty()) {
                continue;
            }
            BeneficiarySnapshot person = holder.get();
            Optional<UUID> partnerId = HouseholdFacts.partnerOf(person);
            BeneficiarySnapshot partner = partnerId.map(id -> id.equals(snapshot.id()) ? snapshot : snapshots.find(id).orElse(null))
                    .orElse(null);
            reexamine(grant, person, HouseholdFacts.of(person, partner, partnerId.isPresent() && partner == null, current), current, now);
            if (own) {
                jdbc.sql("update psol_grant set last_snapshot_version = :v where id = :id")
                        .param("v", snapshot.version()).param("id", grant.id()).update();
            }
        }
    }

    private void reexamine(GrantRow grant, BeneficiarySnapshot person, HouseholdFacts facts, YearMonth current, Instant now) {
        LocalDate deceasedOn = person.situation().deceasedOn();
        if (deceasedOn != null) {
            change(grant, "ENDED", deceasedOn, List.of(HouseholdFacts.DECEASED), Transition.ENDED, null, now);
            return;
        }
        if (!facts.stops().isEmpty()) {
            if (grant.status().equals("ACTIVE")) {
                change(grant, "SUSPENDED", facts.stopsFrom(), facts.stops(), Transition.SUSPENDED, null, now);
            }
            return;
        }
        Allowance.Result result = Allowance.compute(facts.household(), parameters.on(current.atDay(1)));
        if (!result.eligible()) {
            if (grant.status().equals("ACTIVE")) {
                change(grant, "SUSPENDED", current.atDay(1), result.reasons(), Transition.SUSPENDED, null, now);
            }
            return;
        }
        if (grant.status().equals("SUSPENDED")) {
            // Conditions proven again: the benefit resumes from the suspension date (RM I/B art. 8).
            jdbc.sql("update psol_grant set monthly_amount = :amount where id = :id")
                    .param("amount", result.monthlyAmount()).param("id", grant.id()).update();
            change(grant, "ACTIVE", grant.statusFrom(), List.of(), Transition.RESUMED, result.monthlyAmount(), now);
        } else if (result.monthlyAmount().compareTo(grant.monthlyAmount()) != 0) {
            jdbc.sql("update psol_grant set monthly_amount = :amount where id = :id")
                    .param("amount", result.monthlyAmount()).param("id", grant.id()).update();
            files.step(grant.applicationId(), Transition.AMOUNT_RECOMPUTED, now, null, grant.number() + " : " + result.monthlyAmount());
            events.publish(grant.id(), grant.number(), grant.applicationId(), grant.beneficiaryId(), grant.section(),
                    Transition.AMOUNT_RECOMPUTED, "ACTIVE", result.monthlyAmount(), grant.firstMonth(), grant.lastMonth(),
                    current.atDay(1), null, null, now);
        }
    }

    private void change(GrantRow grant, String status, LocalDate from, List<String> reasons, Transition transition,
                        BigDecimal amount, Instant now) {
        boolean resumed = status.equals("ACTIVE");
        jdbc.sql("update psol_grant set status = :status, status_from = :from, status_reason = :reason where id = :id")
                .param("status", status).param("from", resumed ? null : from)
                .param("reason", resumed ? null : String.join(",", reasons)).param("id", grant.id()).update();
        files.step(grant.applicationId(), transition, now, null, grant.number() + " " + from + " " + String.join(",", reasons));
        events.publish(grant.id(), grant.number(), grant.applicationId(), grant.beneficiaryId(), grant.section(), transition,
                status, amount, grant.firstMonth(), grant.lastMonth(), from, reasons, null, now);
    }

    /** Renewal reminders: a running grant whose last month is within 2 months gets one RENEWAL_DUE event. */
    int remindRenewals() {
        Instant now = clock.instant();
        YearMonth horizon = YearMonth.from(now.atZone(Files.PARIS)).plusMonths(2);
        return transactions.execute(status -> {
            List<GrantRow> due = jdbc.sql("""
                            select * from psol_grant where status = 'ACTIVE' and renewal_reminded_at is null
                               and last_month <= :horizon for update skip locked
                            """)
                    .param("horizon", horizon.atDay(1))
                    .query((rs, n) -> new GrantRow(rs.getObject("id", UUID.class), rs.getString("number"),
                            rs.getObject("application_id", UUID.class), rs.getObject("beneficiary_id", UUID.class),
                            rs.getString("section"), rs.getString("status"), null, rs.getBigDecimal("monthly_amount"),
                            rs.getObject("first_month", LocalDate.class), rs.getObject("last_month", LocalDate.class), null))
                    .list();
            for (GrantRow grant : due) {
                jdbc.sql("update psol_grant set renewal_reminded_at = :now where id = :id")
                        .param("now", Timestamp.from(now)).param("id", grant.id()).update();
                files.step(grant.applicationId(), Transition.RENEWAL_DUE, now, null, grant.number() + " → " + grant.lastMonth());
                events.publish(grant.id(), grant.number(), grant.applicationId(), grant.beneficiaryId(), grant.section(),
                        Transition.RENEWAL_DUE, "ACTIVE", grant.monthlyAmount(), grant.firstMonth(), grant.lastMonth(),
                        grant.lastMonth(), null, null, now);
            }
            return due.size();
        });
    }
}
