package fr.paris.casvp.guichet.housing.file;

import fr.paris.casvp.guichet.audit.Shown;
import fr.paris.casvp.guichet.messaging.command.CommandResponses;
import fr.paris.casvp.guichet.messaging.command.JsonCommand;
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

/** {@code /api/housing/files}: file, examine, decide; read one (and its decision letter), or a section's. */
@RestController
@RequestMapping("/api/housing/files")
class FileController {

    private final FileService files;
    private final FilingCommand filing;
    private final JsonCommand commands;
    private final DecisionLetters letters;

    FileController(FileService files, FilingCommand filing, JsonCommand commands, DecisionLetters letters) {
        this.files = files;
        this.filing = filing;
        this.commands = commands;
        this.letters = letters;
    }

    @PostMapping
    ResponseEntity<String> file(@RequestHeader("Idempotency-Key") UUID key, @RequestBody Commands.Filing body) {
        return CommandResponses.of(filing.execute(key, body, Agent.current(), null, null));
    }

    @PostMapping("/{id}/examination")
    ResponseEntity<String> examine(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                   @RequestBody Commands.Examination examination) {
        return commands.run(key, "POST /api/housing/files/" + id + "/examination", examination,
                () -> files.examine(id, examination, Agent.current()));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<String> decide(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Commands.Decision decision) {
        return commands.run(key, "POST /api/housing/files/" + id + "/decision", decision,
                () -> files.decide(id, decision, Agent.current()));
    }

    @GetMapping("/{id}")
    FileView get(@PathVariable UUID id) {
        FileView file = files.get(id, Agent.current());
        Shown.files(List.of(file.id(), file.beneficiaryId()));
        return file;
    }

    /** The decision letter (notification), in French, as PDF; 409 while the file is not decided. */
    @GetMapping(value = "/{id}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        DecisionLetters.Notice letter = letters.letter(id, Agent.current());
        Shown.files(List.of(id));
        return InlinePdf.of(letter.fileName(), letter.pdf());
    }

    @GetMapping
    List<FileView> search(@RequestParam(required = false) UUID beneficiaryId, @RequestParam(required = false) String status) {
        List<FileView> found = files.search(beneficiaryId, status, Agent.current());
        Shown.files(found.stream().flatMap(f -> Stream.of(f.id(), f.beneficiaryId())).toList());
        return found;
    }
}
