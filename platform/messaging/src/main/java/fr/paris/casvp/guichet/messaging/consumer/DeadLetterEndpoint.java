package fr.paris.casvp.guichet.messaging.consumer;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * For operators: {@code GET /actuator/deadletters} lists the dead letters not replayed yet, by topic;
 * {@code POST /actuator/deadletters/<topic>} replays those of a topic once its cause is fixed.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterReplayer replayer;

    public DeadLetterEndpoint(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @ReadOperation
    public Map<String, Long> pending() {
        return replayer.pending();
    }

    @WriteOperation
    public Map<String, Object> replay(@Selector String topic) throws Exception {
        return Map.of("topic", topic, "replayed", replayer.replay(topic));
    }
}
