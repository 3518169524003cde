package fr.paris.casvp.guichet.transport.pass;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/transport/passes}: request, decide, cancel, correct the card, record the participation's payment; read. */
@RestController
@RequestMapping("/api/transport/passes")
class PassController {

    private final Passes passes;
    private final RequestCommand requestCommand;
    private final IdempotentCommands commands;
    private final JsonMapper json;

    PassController(Passes passes, RequestCommand requestCommand, IdempotentCommands commands, JsonMapper json) {
        this.passes = passes;
        this.requestCommand = requestCommand;
        this.commands = commands;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<String> request(@RequestHeader("Idempotency-Key") UUID key, @RequestBody Passes.Request request) {
        return CommandResponses.of(requestCommand.execute(key, request, Agent.current(), null, null));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<String> decide(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Passes.Decision decision) {
        return command(key, "POST /api/transport/passes/" + id + "/decision", decision, 200,
                () -> passes.decide(id, decision, Agent.current()));
    }

    @PostMapping("/{id}/cancellation")
    ResponseEntity<String> cancel(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                  @RequestBody Passes.Cancellation cancellation) {
        return command(key, "POST /api/transport/passes/" + id + "/cancellation", cancellation, 200,
                () -> passes.cancel(id, cancellation, Agent.current()));
    }

    @PutMapping("/{id}/card")
    ResponseEntity<String> changeCard(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                      @RequestBody Passes.CardChange change) {
        return command(key, "PUT /api/transport/passes/" + id + "/card", change, 200,
                () -> passes.changeCard(id, change, Agent.current()));
    }

    @PostMapping("/{id}/participation-payment")
    ResponseEntity<String> participationPaid(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID key,
                                             @RequestBody Passes.ParticipationPayment payment) {
        return command(key, "POST /api/transport/passes/" + id + "/participation-payment", payment, 200,
                () -> passes.participationPaid(id, payment, Agent.current()));
    }

    @GetMapping("/{id}")
    Passes.PassView get(@PathVariable UUID id) {
        return passes.get(id, Agent.current());
    }

    @GetMapping
    List<Passes.PassView> search(@RequestParam(required = false) UUID beneficiaryId, @RequestParam(required = false) String status) {
        return passes.search(beneficiaryId, status, Agent.current());
    }

    private ResponseEntity<String> command(UUID key, String request, Object body, int status, Supplier<Passes.PassView> command) {
        Outcome outcome = commands.execute(key, request + " " + json.writeValueAsString(body), () -> {
            Passes.PassView view = command.get();
            return Outcome.of(status, status == 201 ? "/api/transport/passes/" + view.id() : null, json.writeValueAsString(view));
        });
        return CommandResponses.of(outcome);
    }
}
