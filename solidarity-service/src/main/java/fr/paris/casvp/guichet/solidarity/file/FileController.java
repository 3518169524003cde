package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.audit.Shown;
import fr.paris.casvp.guichet.messaging.command.CommandResponses;
import fr.paris.casvp.guichet.messaging.command.JsonCommand;
import fr.paris.casvp.guichet.solidarity.domain.Application;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.InlinePdf;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/solidarity/applications}: file, examine, decide (each command with an {@code Idempotency-Key}), read. */
@RestController
@RequestMapping("/api/solidarity/applications")
class FileController {

    private final ApplicationService applications;
    private final FilingCommand filingCommand;
    private final JsonCommand commands;
    private final DecisionLetters letters;

    FileController(ApplicationService applications, FilingCommand filingCommand, JsonCommand commands, DecisionLetters letters) {
        this.applications = applications;
        this.letters = letters;
        this.filingCommand = filingCommand;
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<String> file(@RequestHeader("Idempotency-Key") UUID key, @RequestBody Commands.Filing filing) {
        return CommandResponses.of(filingCommand.execute(key, filing, Agent.current(), null, null));
    }

    @PostMapping("/{id}/examination")
    ResponseEntity<String> examine(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                   @RequestBody Commands.Examination examination) {
        return commands.run(key, "POST /api/solidarity/applications/" + id + "/examination", examination,
                () -> view(applications.examine(id, examination, Agent.current())));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<String> decide(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Commands.Decision decision) {
        return commands.run(key, "POST /api/solidarity/applications/" + id + "/decision", decision,
                () -> view(applications.decide(id, decision, Agent.current())));
    }

    @GetMapping("/{id}")
    ApplicationView get(@PathVariable UUID id) {
        return view(applications.get(id, Agent.current()));
    }

    /** The decision letter (notification), in French, as PDF; 409 while the application is not decided. */
    @GetMapping(value = "/{id}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        DecisionLetters.Notice letter = letters.letter(id, Agent.current());
        Shown.files(List.of(id));
        return InlinePdf.of(letter.fileName(), letter.pdf());
    }

    /** The agent's section's applications (every section's for a supervisor), newest first, 200 at most. */
    @GetMapping
    List<ApplicationView> search(@RequestParam(required = false) UUID beneficiaryId,
                                       @RequestParam(required = false) String status) {
        List<ApplicationView> found = applications.search(beneficiaryId, status, Agent.current()).stream().map(this::view)
                .toList();
        Shown.files(found.stream().flatMap(a -> Stream.of(a.id(), a.beneficiaryId())).toList());
        return found;
    }

    private ApplicationView view(Application application) {
        return ApplicationView.of(application, applications.grantOf(application.id()).orElse(null));
    }
}
