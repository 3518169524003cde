package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.messaging.command.CommandResponses;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands.Outcome;
import fr.paris.casvp.guichet.web.Agent;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/solidarity/applications}: file, examine, decide (each command with an {@code Idempotency-Key}), read. */
@RestController
@RequestMapping("/api/solidarity/applications")
class FileController {

    private final Files files;
    private final FilingCommand filingCommand;
    private final IdempotentCommands commands;
    private final JsonMapper json;

    FileController(Files files, FilingCommand filingCommand, IdempotentCommands commands, JsonMapper json) {
        this.files = files;
        this.filingCommand = filingCommand;
        this.commands = commands;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<String> file(@RequestHeader("Idempotency-Key") UUID key, @RequestBody Files.Filing filing) {
        return CommandResponses.of(filingCommand.execute(key, filing, Agent.current(), null, null));
    }

    @PostMapping("/{id}/examination")
    ResponseEntity<String> examine(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                   @RequestBody Files.Examination examination) {
        return command(key, "POST /api/solidarity/applications/" + id + "/examination", examination, 200,
                () -> files.examine(id, examination, Agent.current()));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<String> decide(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Files.Decision decision) {
        return command(key, "POST /api/solidarity/applications/" + id + "/decision", decision, 200,
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
        return files.search(beneficiaryId, status, Agent.current());
    }

    private ResponseEntity<String> command(UUID key, String request, Object body, int status, Supplier<Files.ApplicationView> command) {
        Outcome outcome = commands.execute(key, request + " " + json.writeValueAsString(body), () -> {
            Files.ApplicationView view = command.get();
            return Outcome.of(status, status == 201 ? "/api/solidarity/applications/" + view.id() : null, json.writeValueAsString(view));
        });
        return CommandResponses.of(outcome);
    }
}
