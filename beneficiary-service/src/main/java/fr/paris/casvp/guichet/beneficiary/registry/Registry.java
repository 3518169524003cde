package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.audit.Shown;
import fr.paris.casvp.guichet.beneficiary.domain.Beneficiary;
import fr.paris.casvp.guichet.beneficiary.domain.FieldChange;
import fr.paris.casvp.guichet.beneficiary.domain.HistoryEntry;
import fr.paris.casvp.guichet.beneficiary.domain.NameKey;
import fr.paris.casvp.guichet.beneficiary.domain.Nir;
import fr.paris.casvp.guichet.beneficiary.domain.Postcodes;
import fr.paris.casvp.guichet.beneficiary.domain.RegistryProblems;
import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Registering and changing people; every change is kept in the history and published as a snapshot. */
@Service
class Registry {

    static final ZoneId PARIS = ParisTime.ZONE;
    /** Who records people's situations (RM and issue #4): not a supervisor, who reads across sections. */
    static final String[] WRITERS = {Agent.AGENT, Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};

    private final BeneficiaryStore store;
    private final Snapshots snapshots;
    private final JsonMapper json;
    private final Clock clock;

    Registry(BeneficiaryStore store, Snapshots snapshots, JsonMapper json, Clock clock) {
        this.store = store;
        this.snapshots = snapshots;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    BeneficiarySnapshot register(BeneficiarySituation situation, boolean confirmedHomonym, Agent agent) {
        agent.requireRole(WRITERS);
        BeneficiarySituation s = normalise(checked(situation));
        agent.requireWrite(s.section());
        String nameKey = NameKey.of(s.identity().lastName(), s.identity().firstNames());
        store.lockName(nameKey);
        if (s.identity().nir() != null) {
            store.findByNir(s.identity().nir()).ifPresent(existing -> {
                throw duplicate("A file with this NIR already exists: " + existing.fileNumber() + ".", List.of(existing), agent);
            });
        }
        List<Beneficiary> homonyms = store.findByNameAndBirthDate(nameKey, s.identity().birthDate());
        if (!homonyms.isEmpty() && !confirmedHomonym) {
            throw duplicate("A person with the same names and birth date is already registered: check the existing file; "
                    + "if this is another person, send the registration again with confirmedHomonym: true.", homonyms, agent);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Beneficiary created = new Beneficiary(id, store.nextFileNumber(LocalDate.ofInstant(now, PARIS).getYear()),
                1, s, now, now);
        try {
            store.insert(created);
        } catch (DuplicateKeyException e) {
            // Registered by another counter at the same moment; the transaction is aborted, so it cannot be read here.
            throw duplicate("A file with this NIR was registered at the same moment: search by NIR to find it.", List.of(), agent);
        }
        store.recordChange(id, 1, now, agent.toString(), "REGISTERED", Changes.between(null, json.valueToTree(s)));
        return snapshots.publish(id);
    }

    @Transactional
    BeneficiarySnapshot update(UUID id, BeneficiarySituation situation, Long expectedVersion, Agent agent) {
        agent.requireRole(WRITERS);
        Beneficiary current = store.lock(id).orElseThrow(() -> notFound(id));
        // The file's section is the one that may change it, also to hand it over to another section.
        agent.requireWrite(current.situation().section());
        BeneficiarySituation s = normalise(checked(situation));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, RegistryProblems.STALE_VERSION, "File changed meanwhile",
                    "The file is at version " + current.version() + ", not " + expectedVersion + ": read it again before changing it.")
                    .with("currentVersion", current.version());
        }
        if (s.identity().nir() != null) {
            store.findByNir(s.identity().nir()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw duplicate("Another file has this NIR: " + other.fileNumber() + ".", List.of(other), agent);
            });
        }
        List<FieldChange> changes = Changes.between(json.valueToTree(current.situation()), json.valueToTree(s));
        if (changes.isEmpty()) {
            return snapshots.current(id);
        }
        Instant now = clock.instant();
        store.update(new Beneficiary(id, current.fileNumber(), current.version() + 1, s, current.createdAt(), now));
        store.recordChange(id, current.version() + 1, now, agent.toString(), "UPDATED", changes);
        return snapshots.publish(id);
    }

    @Transactional(readOnly = true)
    BeneficiarySnapshot get(UUID id, Agent agent) {
        agent.requireRead(store.find(id).orElseThrow(() -> notFound(id)).situation().section());
        return snapshots.current(id);
    }

    @Transactional(readOnly = true)
    List<HistoryEntry> history(UUID id, Agent agent) {
        agent.requireRead(store.find(id).orElseThrow(() -> notFound(id)).situation().section());
        return store.history(id);
    }

    private BeneficiarySituation checked(BeneficiarySituation situation) {
        List<FieldError> errors = SituationValidator.validate(situation, LocalDate.now(clock.withZone(PARIS)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return situation;
    }

    /** NIR without spaces, names trimmed, the arrondissement derived from the postcode. */
    private static BeneficiarySituation normalise(BeneficiarySituation s) {
        Identity i = s.identity();
        Identity identity = new Identity(i.lastName().trim(), i.birthName() == null ? null : i.birthName().trim(),
                i.firstNames().trim(), i.birthDate(), i.sex(), i.nir() == null ? null : Nir.normalise(i.nir()));
        Address a = s.address();
        Address address = a == null ? null : new Address(a.line1().trim(), a.line2(), a.postcode(), a.city().trim(),
                Postcodes.arrondissement(a.postcode()).orElse(null));
        return new BeneficiarySituation(identity, address, s.parisResidence(), s.noFixedAddress(), s.disabilityEvidence(),
                s.unfitForWorkSince(), s.nationalBenefits(), s.monthlyResources(), s.incomeTax(), s.warVeteran(),
                s.section(), s.contact(), s.deceasedOn(), s.awayFromHomeSince());
    }

    /**
     * What a search found: the files the agent may read, and the other sections that follow a person matching it.
     *
     * @param elsewhere the files of other sections: the agent learns they exist (the audit trail says so), never what
     *                  they hold
     */
    public record Found(List<Beneficiary> readable, List<Beneficiary> elsewhere) {

        /** The sections of the files the agent may not read, in order, each once. */
        public List<String> otherSections() {
            return elsewhere.stream().map(b -> b.situation().section()).distinct().sorted().toList();
        }
    }

    /**
     * The files found by one of: {@code nir}; {@code fileNumber}; {@code lastName} and {@code birthDate} (and
     * {@code firstNames}): those the agent may read (their section's; every section for a supervisor), and the other
     * sections the person is known to (issue #36: an agent of section 18 read "Aucune personne trouvée" for a person
     * of section 13, and registered her a second time).
     */
    public Found search(String nir, String fileNumber, String lastName, String firstNames, LocalDate birthDate, Agent agent) {
        List<Beneficiary> found;
        if (nir != null) {
            found = store.findByNir(Nir.normalise(nir)).stream().toList();
        } else if (fileNumber != null) {
            found = store.findByFileNumber(fileNumber.trim().toUpperCase(Locale.ROOT)).stream().toList();
        } else if (lastName != null && birthDate != null) {
            found = store.search(lastName, firstNames, birthDate);
        } else {
            throw ProblemException.invalid(List.of(FieldError.of("lastName",
                    "search by nir, by fileNumber, or by lastName and birthDate (firstNames optional)")));
        }
        return new Found(found.stream().filter(stored -> agent.canRead(stored.situation().section())).toList(),
                found.stream().filter(stored -> !agent.canRead(stored.situation().section())).toList());
    }

    /**
     * 409: the person may already have a file. The agent learns which only for the files they may read; of another
     * section's file, only that the person is known there and to turn to that section.
     */
    private static ProblemException duplicate(String detail, List<Beneficiary> existing, Agent agent) {
        List<String> otherSections = existing.stream().map(e -> e.situation().section()).filter(section -> !agent.canRead(section))
                .distinct().sorted().toList();
        // Every existing file is in the trail of this refusal, the other sections' too: the agent learnt they exist.
        Shown.files(existing.stream().map(Beneficiary::id).toList());
        String said = otherSections.isEmpty() ? detail : "This person is already known to section " + String.join(", ", otherSections)
                + ": turn to that section, whose file it is.";
        return new ProblemException(HttpStatus.CONFLICT, RegistryProblems.DUPLICATE, "Already registered", said)
                .with("existing", existing.stream().map(e -> agent.canRead(e.situation().section())
                        ? Map.of("id", e.id(), "fileNumber", e.fileNumber(), "section", e.situation().section())
                        : Map.of("section", e.situation().section())).toList());
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No beneficiary " + id + ".");
    }
}
