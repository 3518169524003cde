package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.audit.Shown;
import fr.paris.casvp.guichet.beneficiary.domain.Beneficiary;
import fr.paris.casvp.guichet.beneficiary.domain.HistoryEntry;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.messaging.command.CommandResponses;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands.Outcome;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/beneficiaries}: register, change, read, search people; read a file's history. */
@RestController
@RequestMapping("/api/beneficiaries")
class BeneficiaryController {

    private final Registry registry;
    private final IdempotentCommands commands;
    private final JsonMapper json;

    BeneficiaryController(Registry registry, IdempotentCommands commands, JsonMapper json) {
        this.registry = registry;
        this.commands = commands;
        this.json = json;
    }

    /**
     * @param confirmedHomonym true to register a person whose names and birth date match an existing file's, once
     *                         the agent has checked that it is someone else
     */
    record Registration(BeneficiarySituation situation, boolean confirmedHomonym) {
    }

    record Summary(UUID id, String fileNumber, String lastName, String firstNames, LocalDate birthDate, String section,
                   Integer arrondissement) {

        static Summary of(Beneficiary stored) {
            var s = stored.situation();
            return new Summary(stored.id(), stored.fileNumber(), s.identity().lastName(), s.identity().firstNames(),
                    s.identity().birthDate(), s.section(), s.address() == null ? null : s.address().arrondissement());
        }
    }

    @PostMapping
    ResponseEntity<String> register(@RequestHeader("Idempotency-Key") UUID idempotencyKey,
                                    @RequestBody Registration registration) {
        Outcome outcome = commands.execute(idempotencyKey, "POST /api/beneficiaries " + json.writeValueAsString(registration), () -> {
            BeneficiarySnapshot snapshot = registry.register(registration.situation(), registration.confirmedHomonym(), Agent.current());
            return Outcome.of(201, "/api/beneficiaries/" + snapshot.id(), json.writeValueAsString(snapshot));
        });
        return CommandResponses.of(outcome);
    }

    /** Replaces the recorded situation. {@code If-Match} (the version read) refuses a change made on a stale file. */
    @PutMapping("/{id}")
    ResponseEntity<String> update(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID idempotencyKey,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                  @RequestBody BeneficiarySituation situation) {
        Long expectedVersion = version(ifMatch);
        Outcome outcome = commands.execute(idempotencyKey, "PUT /api/beneficiaries/" + id + " " + ifMatch + " "
                + json.writeValueAsString(situation), () -> Outcome.of(200, null,
                json.writeValueAsString(registry.update(id, situation, expectedVersion, Agent.current()))));
        return CommandResponses.of(outcome);
    }

    @GetMapping("/{id}")
    ResponseEntity<BeneficiarySnapshot> get(@PathVariable UUID id) {
        BeneficiarySnapshot snapshot = registry.get(id, Agent.current());
        return ResponseEntity.ok().eTag("\"" + snapshot.version() + "\"").body(snapshot);
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return registry.history(id, Agent.current());
    }

    /**
     * One of: {@code nir}; {@code fileNumber}; {@code lastName} and {@code birthDate} (and {@code firstNames}). The files
     * the agent may read; when the person is also known to other sections, header {@value #KNOWN_ELSEWHERE} names them
     * (never their files), so that the agent turns to that section rather than registering the person again.
     */
    @GetMapping
    ResponseEntity<List<Summary>> search(@RequestParam(required = false) String nir, @RequestParam(required = false) String fileNumber,
                                         @RequestParam(required = false) String lastName, @RequestParam(required = false) String firstNames,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate) {
        Registry.Found found = registry.search(nir, fileNumber, lastName, firstNames, birthDate, Agent.current());
        List<Summary> shown = found.readable().stream().map(Summary::of).toList();
        // The other sections' files are in the trail too: the agent learnt they exist.
        Shown.files(Stream.concat(found.readable().stream(), found.elsewhere().stream()).map(Beneficiary::id).toList());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (!found.otherSections().isEmpty()) {
            answer.header(KNOWN_ELSEWHERE, String.join(",", found.otherSections()));
        }
        return answer.body(shown);
    }

    /** The response header of a search that names the other sections a matching person is known to. */
    static final String KNOWN_ELSEWHERE = "Guichet-Known-In-Sections";

    private static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(List.of(FieldError.of("If-Match", "must be the version read (its ETag)")));
        }
    }
}
