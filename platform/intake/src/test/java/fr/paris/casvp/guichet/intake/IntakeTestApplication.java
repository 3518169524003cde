package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.web.Agent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A service in miniature: the intake module's auto-configuration and one kind of queued command. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IntakeTestApplication.Things.class)
class IntakeTestApplication {

    /**
     * {@code POST /api/things}: applied (recorded with its agent), unless its body says {@code "defect"}: then it fails
     * as a bug would, every time.
     */
    static class Things implements IntakeHandler {

        final List<String> applied = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final IdempotentCommands commands;

        Things(IdempotentCommands commands) {
            this.commands = commands;
        }

        @Override
        public boolean handles(String method, String path) {
            return method.equals("POST") && path.equals("/api/things");
        }

        @Override
        public IdempotentCommands.Outcome apply(QueuedCommand command, Agent agent) {
            attempts.computeIfAbsent(command.receiptNumber(), k -> new AtomicInteger()).incrementAndGet();
            if (command.body().contains("defect")) {
                throw new IllegalStateException("a defect, the same at every attempt");
            }
            // As a service does: the command's idempotency key, so that a command sent twice is applied once.
            return commands.execute(command.idempotencyKey(), command.method() + " " + command.path() + " " + command.body(), () -> {
                applied.add(agent.username() + " " + command.body());
                return IdempotentCommands.Outcome.of(201, "/api/things/" + command.receiptNumber(), "{}");
            });
        }
    }
}
