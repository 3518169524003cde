package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.audit.Shown;
import fr.paris.casvp.guichet.messaging.command.CommandResponses;
import fr.paris.casvp.guichet.messaging.command.JsonCommand;
import fr.paris.casvp.guichet.web.Agent;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
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

    private final Files files;
    private final FilingCommand filingCommand;
    private final JsonCommand commands;

    FileController(Files files, FilingCommand filingCommand, JsonCommand commands) {
        this.files = files;
        this.filingCommand = filingCommand;
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<String> file(@RequestHeader("Idempotency-Key") UUID key, @RequestBody Files.Filing filing) {
        return CommandResponses.of(filingCommand.execute(key, filing, Agent.current(), null, null));
    }

    @PostMapping("/{id}/examination")
    ResponseEntity<String> examine(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                   @RequestBody Files.Examination examination) {
        return commands.run(key, "POST /api/solidarity/applications/" + id + "/examination", examination,
                () -> files.examine(id, examination, Agent.current()));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<String> decide(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Files.Decision decision) {
        return commands.run(key, "POST /api/solidarity/applications/" + id + "/decision", decision,
                () -> files.decide(id, decision, Agent.current()));
    }

    @GetMapping("/{id}")
    Files.ApplicationView get(@PathVariable UUID id) {
        return files.get(id, Agent.current());
    }

    /** The agent's section's applications (every section's for a supervisor), newest first, 200 at most. */
    @GetMapping
    List<Files.ApplicationView> search(@RequestParam(required = false) UUID beneficiaryId,
                                       @RequestParam(required = false) String status) {
        List<Files.ApplicationView> found = files.search(beneficiaryId, status, Agent.current());
        Shown.files(found.stream().flatMap(a -> Stream.of(a.id(), a.beneficiaryId())).toList());
        return found;
    }
}
