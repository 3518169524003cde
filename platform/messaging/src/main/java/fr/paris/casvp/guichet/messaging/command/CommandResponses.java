package fr.paris.casvp.guichet.messaging.command;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HTTP answer of a command's outcome, the same for a replay (marked {@code Idempotent-Replayed: true}). */
public final class CommandResponses {

    private CommandResponses() {
    }

    public static ResponseEntity<String> of(IdempotentCommands.Outcome outcome) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()));
        outcome.locationIfAny().map(URI::create).ifPresent(response::location);
        return response.body(outcome.body());
    }
}
