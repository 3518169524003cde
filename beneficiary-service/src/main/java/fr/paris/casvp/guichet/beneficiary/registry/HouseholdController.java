package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.messaging.command.CommandResponses;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands.Outcome;
import fr.paris.casvp.guichet.web.Agent;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/beneficiaries/households}: a couple, or a person with dependants. */
@RestController
@RequestMapping("/api/beneficiaries/households")
class HouseholdController {

    private final HouseholdService households;
    private final IdempotentCommands commands;
    private final JsonMapper json;

    HouseholdController(HouseholdService households, IdempotentCommands commands, JsonMapper json) {
        this.households = households;
        this.commands = commands;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<String> create(@RequestHeader("Idempotency-Key") UUID idempotencyKey,
                                  @RequestBody HouseholdService.Composition composition) {
        Outcome outcome = commands.execute(idempotencyKey, "POST /api/beneficiaries/households " + json.writeValueAsString(composition), () -> {
            HouseholdService.View household = households.create(composition, Agent.current());
            return Outcome.of(201, "/api/beneficiaries/households/" + household.id(), json.writeValueAsString(household));
        });
        return CommandResponses.of(outcome);
    }

    @PutMapping("/{id}")
    ResponseEntity<String> update(@PathVariable UUID id, @RequestHeader("Idempotency-Key") UUID idempotencyKey,
                                  @RequestBody HouseholdService.Composition composition) {
        Outcome outcome = commands.execute(idempotencyKey, "PUT /api/beneficiaries/households/" + id + " " + json.writeValueAsString(composition),
                () -> Outcome.of(200, null, json.writeValueAsString(households.update(id, composition, Agent.current()))));
        return CommandResponses.of(outcome);
    }

    @GetMapping("/{id}")
    HouseholdService.View get(@PathVariable UUID id) {
        return households.get(id, Agent.current());
    }
}
