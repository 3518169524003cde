package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.audit.Shown;
import fr.paris.casvp.guichet.messaging.command.CommandResponses;
import fr.paris.casvp.guichet.messaging.command.JsonCommand;
import fr.paris.casvp.guichet.transport.domain.Pass;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/transport/passes}: request, decide, cancel, correct the card, record the participation's payment; read. */
@RestController
@RequestMapping("/api/transport/passes")
class PassController {

    private final PassService passes;
    private final RequestCommand requestCommand;
    private final JsonCommand commands;
    private final DecisionLetters letters;

    PassController(PassService passes, RequestCommand requestCommand, JsonCommand commands, DecisionLetters letters) {
        this.passes = passes;
        this.letters = letters;
        this.requestCommand = requestCommand;
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<String> request(@RequestHeader("Idempotency-Key") UUID key, @RequestBody Commands.Request request) {
        return CommandResponses.of(requestCommand.execute(key, request, Agent.current(), null, null));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<String> decide(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Commands.Decision decision) {
        return commands.run(key, "POST /api/transport/passes/" + id + "/decision", decision,
                () -> view(passes.decide(id, decision, Agent.current())));
    }

    @PostMapping("/{id}/cancellation")
    ResponseEntity<String> cancel(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Commands.Cancellation cancellation) {
        return commands.run(key, "POST /api/transport/passes/" + id + "/cancellation", cancellation,
                () -> view(passes.cancel(id, cancellation, Agent.current())));
    }

    @PutMapping("/{id}/card")
    ResponseEntity<String> changeCard(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                      @RequestBody Commands.CardChange change) {
        return commands.run(key, "PUT /api/transport/passes/" + id + "/card", change,
                () -> view(passes.changeCard(id, change, Agent.current())));
    }

    @PostMapping("/{id}/participation-payment")
    ResponseEntity<String> participationPaid(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                             @RequestBody Commands.ParticipationPayment payment) {
        return commands.run(key, "POST /api/transport/passes/" + id + "/participation-payment", payment,
                () -> view(passes.participationPaid(id, payment, Agent.current())));
    }

    @GetMapping("/{id}")
    PassView get(@PathVariable UUID id) {
        return view(passes.get(id, Agent.current()));
    }

    /** The decision letter (notification), in French, as PDF; 409 while the request is not decided. */
    @GetMapping(value = "/{id}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        DecisionLetters.Notice letter = letters.letter(id, Agent.current());
        Shown.files(List.of(id));
        return InlinePdf.of(letter.fileName(), letter.pdf());
    }

    @GetMapping
    List<PassView> search(@RequestParam(required = false) UUID beneficiaryId, @RequestParam(required = false) String status) {
        List<PassView> found = passes.search(beneficiaryId, status, Agent.current()).stream().map(this::view).toList();
        Shown.files(found.stream().flatMap(p -> Stream.of(p.id(), p.beneficiaryId())).toList());
        return found;
    }

    private PassView view(Pass pass) {
        return PassView.of(pass, passes.history(pass.id()));
    }
}
