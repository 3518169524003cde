package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterStore;
import fr.paris.casvp.guichet.solidarity.domain.Grant;
import fr.paris.casvp.guichet.solidarity.domain.HouseholdFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of situation (RM I/B art. 7-8): every new snapshot of a beneficiary (or of their partner) re-examines their
 * running grants ({@link Grant#reexamine}), each change recorded and published; a snapshot older than the last one
 * applied to a grant changes nothing. And the renewal reminders of the grants that end soon.
 */
@Service
public class SituationChangeService {

    private final FileStore store;
    private final ParameterStore parameters;
    private final BeneficiaryReplica beneficiaries;
    private final SolidarityEvents events;
    private final Clock clock;

    SituationChangeService(FileStore store, ParameterStore parameters, BeneficiaryReplica beneficiaries, SolidarityEvents events,
                     Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.beneficiaries = beneficiaries;
        this.events = events;
        this.clock = clock;
    }

    /** Re-examines the running grants of the snapshot's beneficiary and of their partner. */
    @Transactional
    public void apply(BeneficiarySnapshot snapshot) {
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(ApplicationService.PARIS));
        List<UUID> concerned = new ArrayList<>(List.of(snapshot.id()));
        HouseholdFacts.partnerOf(snapshot).ifPresent(concerned::add);
        for (Grant grant : store.runningGrantsOf(concerned, current.atDay(1))) {
            boolean own = grant.beneficiaryId().equals(snapshot.id());
            if (own && grant.hasSeen(snapshot.version())) {
                continue;
            }
            Optional<BeneficiarySnapshot> holder = own ? Optional.of(snapshot) : beneficiaries.find(grant.beneficiaryId());
            if (holder.isEmpty()) {
                continue;
            }
            BeneficiarySnapshot person = holder.get();
            HouseholdFacts facts = HouseholdFacts.of(person,
                    id -> id.equals(snapshot.id()) ? Optional.of(snapshot) : beneficiaries.find(id), current);
            grant.reexamine(person.situation().deceasedOn(), facts, () -> parameters.on(current.atDay(1)), current, now);
            if (own) {
                grant.seen(snapshot.version());
            }
            save(grant);
        }
    }

    /**
     * A figure changed (its new value's date has come): every active grant is re-examined with this month's figures and
     * its beneficiary's current data, as a change of situation would; an amount that changes is published
     * ({@code amount-recomputed}: the person is told).
     *
     * @return how many grants were re-examined
     */
    @Transactional
    public int reexamineActiveGrants(Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ApplicationService.PARIS));
        List<Grant> active = store.activeGrants(current.atDay(1));
        for (Grant grant : active) {
            Optional<BeneficiarySnapshot> person = beneficiaries.find(grant.beneficiaryId());
            if (person.isEmpty() || person.get().situation() == null) {
                continue;
            }
            HouseholdFacts facts = HouseholdFacts.of(person.get(), beneficiaries::find, current);
            grant.reexamine(person.get().situation().deceasedOn(), facts, () -> parameters.on(current.atDay(1)), current, now);
            save(grant);
        }
        return active.size();
    }

    /** Renewal reminders: a running grant whose last month is within 2 months gets one RENEWAL_DUE event. */
    @Transactional
    public int remindRenewals() {
        Instant now = clock.instant();
        YearMonth horizon = YearMonth.from(now.atZone(ApplicationService.PARIS)).plusMonths(Grant.RENEWAL_NOTICE_MONTHS);
        List<Grant> due = store.toRemind(horizon.atDay(1));
        for (Grant grant : due) {
            grant.remindRenewal(now);
            save(grant);
        }
        return due.size();
    }

    private void save(Grant grant) {
        store.save(grant);
        events.publish(grant.changes(), store::lastStep);
    }
}
