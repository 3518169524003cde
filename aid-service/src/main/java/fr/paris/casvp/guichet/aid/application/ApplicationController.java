package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.aid.domain.CapRule;
import fr.paris.casvp.guichet.aid.domain.DatedParameter;
import fr.paris.casvp.guichet.aid.domain.Status;
import fr.paris.casvp.guichet.audit.Shown;
import fr.paris.casvp.guichet.messaging.command.CommandResponses;
import fr.paris.casvp.guichet.messaging.command.JsonCommand;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.InlinePdf;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
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

/**
 * {@code /api/aid}: applications and their steps (each command with an {@code Idempotency-Key}), decision letters,
 * the household's cap, the dated parameters.
 */
@RestController
@RequestMapping("/api/aid")
class ApplicationController {

    private final ApplicationService applications;
    private final FilingCommand filingCommand;
    private final DecisionLetters letters;
    private final ParameterService parameters;
    private final JsonCommand commands;

    ApplicationController(ApplicationService applications, FilingCommand filingCommand, DecisionLetters letters,
                          ParameterService parameters, JsonCommand commands) {
        this.applications = applications;
        this.filingCommand = filingCommand;
        this.letters = letters;
        this.parameters = parameters;
        this.commands = commands;
    }

    /** Files an application: 201 with the application and its receipt. */
    @PostMapping("/applications")
    ResponseEntity<String> file(@RequestHeader("Idempotency-Key") UUID key, @RequestBody Commands.Filing filing) {
        return CommandResponses.of(filingCommand.execute(key, filing, Agent.current(), null, null));
    }

    /** The documents still missing; {@code []} when the file is complete. */
    @PutMapping("/applications/{id}/missing-documents")
    ResponseEntity<String> documents(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                     @RequestBody Commands.Documents documents) {
        return commands.run(key, "PUT /api/aid/applications/" + id + "/missing-documents", documents,
                () -> ApplicationView.of(applications.documents(id, documents, Agent.current())));
    }

    @PostMapping("/applications/{id}/examination")
    ResponseEntity<String> examine(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                   @RequestBody Commands.Examination examination) {
        return commands.run(key, "POST /api/aid/applications/" + id + "/examination", examination,
                () -> ApplicationView.of(applications.examine(id, examination, Agent.current())));
    }

    @PostMapping("/applications/{id}/decision")
    ResponseEntity<String> decide(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Commands.Decision decision) {
        return commands.run(key, "POST /api/aid/applications/" + id + "/decision", decision,
                () -> ApplicationView.of(applications.decide(id, decision, Agent.current())));
    }

    @PostMapping("/applications/{id}/appeal")
    ResponseEntity<String> appeal(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Commands.Appeal appeal) {
        return commands.run(key, "POST /api/aid/applications/" + id + "/appeal", appeal,
                () -> ApplicationView.of(applications.appeal(id, appeal, Agent.current())));
    }

    /** After a failed payment: the corrected payee, proposed; it takes effect once another agent confirms it. */
    @PutMapping("/applications/{id}/payee")
    ResponseEntity<String> proposePayee(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                        @RequestBody Commands.PayeeRequest payee) {
        return commands.run(key, "PUT /api/aid/applications/" + id + "/payee", payee,
                () -> ApplicationView.of(applications.proposePayee(id, payee, Agent.current())));
    }

    /** Another agent of the section confirms the proposed payee: the payment is ordered again to it (four-eyes). */
    @PostMapping("/applications/{id}/payee/confirmation")
    ResponseEntity<String> confirmPayee(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key) {
        return commands.run(key, "POST /api/aid/applications/" + id + "/payee/confirmation", Map.of(),
                () -> ApplicationView.of(applications.confirmPayee(id, Agent.current())));
    }

    @GetMapping("/applications/{id}")
    ApplicationView get(@PathVariable UUID id) {
        return ApplicationView.of(applications.get(id, Agent.current()));
    }

    /** The section's applications (any section's for a supervisor), newest first, 200 at most. */
    @GetMapping("/applications")
    List<ApplicationView> search(@RequestParam(required = false) String section, @RequestParam(required = false) Status status,
                                 @RequestParam(required = false) UUID beneficiaryId) {
        List<ApplicationView> found = applications.search(section, status, beneficiaryId, Agent.current()).stream()
                .map(ApplicationView::of).toList();
        Shown.files(found.stream().flatMap(a -> Stream.of(a.id(), a.beneficiaryId())).toList());
        return found;
    }

    /** The decision letter (notification), in French, as PDF. */
    @GetMapping(value = "/applications/{id}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        DecisionLetters.Notice letter = letters.letter(id, Agent.current());
        return InlinePdf.of(letter.fileName(), letter.pdf());
    }

    /**
     * The household's cap on a date (today by default): {@code {cap, used, remaining, windowStart, windowEnd}}; with
     * {@code event}, the cap of that disaster.
     */
    @GetMapping("/beneficiaries/{id}/cap")
    CapRule.Cap cap(@PathVariable UUID id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @RequestParam(required = false) String event) {
        return applications.cap(id, date, event, Agent.current());
    }

    /** The dated parameters (caps, domicile, lapse) and where each comes from. */
    @GetMapping("/parameters")
    List<DatedParameter> parameters() {
        return parameters.all();
    }
}
