package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.beneficiary.domain.FieldChange;
import fr.paris.casvp.guichet.beneficiary.domain.RegistryProblems;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Member;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.MemberRole;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households: a person alone has none; a couple (married, PACS, living together) or a person with dependants has one.
 * Every member's snapshot is published again when the household changes.
 */
@Service
class HouseholdService {

    private final HouseholdStore households;
    private final BeneficiaryStore beneficiaries;
    private final Snapshots snapshots;
    private final Clock clock;

    HouseholdService(HouseholdStore households, BeneficiaryStore beneficiaries, Snapshots snapshots, Clock clock) {
        this.households = households;
        this.beneficiaries = beneficiaries;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** @param spouseId may be null; dependantIds may be empty */
    record Composition(UUID applicantId, UUID spouseId, List<UUID> dependantIds) {

        Composition {
            dependantIds = dependantIds == null ? List.of() : List.copyOf(dependantIds);
        }

        List<Member> members() {
            List<Member> members = new ArrayList<>();
            members.add(new Member(applicantId, MemberRole.APPLICANT));
            if (spouseId != null) {
                members.add(new Member(spouseId, MemberRole.SPOUSE));
            }
            dependantIds.forEach(id -> members.add(new Member(id, MemberRole.DEPENDANT)));
            return members;
        }
    }

    record View(UUID id, long version, List<Member> members) {
    }

    @Transactional
    View create(Composition composition, Agent agent) {
        agent.requireRole(Registry.WRITERS);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        lockMembers(composition, null, agent);
        households.create(id, now);
        return change(id, List.of(), composition, agent, now);
    }

    @Transactional
    View update(UUID id, Composition composition, Agent agent) {
        agent.requireRole(Registry.WRITERS);
        HouseholdStore.StoredHousehold current = households.lock(id).orElseThrow(() -> notFound(id));
        // Replacing members removes people too: the agent must be allowed to change each current member as well.
        for (Member member : current.members()) {
            beneficiaries.find(member.beneficiaryId()).ifPresent(b -> agent.requireWrite(b.situation().section()));
        }
        lockMembers(composition, id, agent);
        return change(id, current.members(), composition, agent, clock.instant());
    }

    @Transactional(readOnly = true)
    View get(UUID id, Agent agent) {
        HouseholdStore.StoredHousehold household = households.find(id).orElseThrow(() -> notFound(id));
        for (Member member : household.members()) {
            agent.requireRead(beneficiaries.find(member.beneficiaryId()).orElseThrow().situation().section());
        }
        return new View(id, household.version(), household.members());
    }

    private View change(UUID id, List<Member> before, Composition composition, Agent agent, Instant now) {
        List<Member> after = composition.members();
        households.replaceMembers(id, after, now);
        Set<UUID> affected = new TreeSet<>();
        before.forEach(m -> affected.add(m.beneficiaryId()));
        after.forEach(m -> affected.add(m.beneficiaryId()));
        for (UUID member : affected) {
            String was = roleIn(before, member);
            String is = roleIn(after, member);
            if (!Objects.equals(was, is)) {
                long version = beneficiaries.bumpVersion(member, now);
                beneficiaries.recordChange(member, version, now, agent.toString(), "HOUSEHOLD_CHANGED", List.of(
                        new FieldChange("household", was == null ? null : id + " " + was, is == null ? null : id + " " + is)));
                snapshots.publish(member);
            }
        }
        return new View(id, households.find(id).orElseThrow().version(), households.members(id));
    }

    /** Members exist, appear once, and belong to no other household; their rows are locked in a fixed order. */
    private void lockMembers(Composition composition, UUID householdId, Agent agent) {
        List<FieldError> errors = new ArrayList<>();
        if (composition.applicantId() == null) {
            errors.add(FieldError.of("applicantId", "required"));
        }
        Set<UUID> seen = new HashSet<>();
        List<String> fields = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        fields.add("applicantId");
        ids.add(composition.applicantId());
        fields.add("spouseId");
        ids.add(composition.spouseId());
        for (int i = 0; i < composition.dependantIds().size(); i++) {
            fields.add("dependantIds[" + i + "]");
            ids.add(composition.dependantIds().get(i));
        }
        for (int i = 0; i < ids.size(); i++) {
            UUID member = ids.get(i);
            if (member == null) {
                if (!fields.get(i).equals("spouseId") && !fields.get(i).equals("applicantId")) {
                    errors.add(FieldError.of(fields.get(i), "required"));
                }
            } else if (!seen.add(member)) {
                errors.add(FieldError.of(fields.get(i), "this person is already a member of the household"));
            } else {
                var found = beneficiaries.find(member);
                if (found.isEmpty()) {
                    errors.add(FieldError.of(fields.get(i), "no beneficiary with this id"));
                } else {
                    agent.requireWrite(found.get().situation().section());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // Always in the same order, so that two changes of overlapping households cannot deadlock.
        new TreeSet<>(seen).forEach(beneficiaries::lock);
        for (int i = 0; i < ids.size(); i++) {
            UUID member = ids.get(i);
            if (member == null) {
                continue;
            }
            households.householdOf(member).filter(other -> !other.equals(householdId)).ifPresent(other -> {
                throw new ProblemException(HttpStatus.CONFLICT, RegistryProblems.ALREADY_IN_A_HOUSEHOLD, "Already in a household",
                        "Beneficiary " + member + " already belongs to household " + other + ": change that household first.")
                        .with("beneficiaryId", member).with("householdId", other);
            });
        }
    }

    private static String roleIn(List<Member> members, UUID id) {
        return members.stream().filter(m -> m.beneficiaryId().equals(id)).map(m -> m.role().name()).findFirst().orElse(null);
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No household " + id + ".");
    }
}
