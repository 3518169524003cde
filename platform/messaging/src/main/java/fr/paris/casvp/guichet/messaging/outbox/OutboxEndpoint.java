package fr.paris.casvp.guichet.messaging.outbox;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * For operators: {@code GET /actuator/outbox} says how many events wait for the broker and lists the ones it refused
 * for good (parked: id, topic, type, when, why; never the payload).
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxRelay relay;

    public OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    @ReadOperation
    public Map<String, Object> outbox() {
        List<Map<String, Object>> parked = relay.parked();
        return Map.of("unsent", relay.unsentCount(), "oldestUnsentAgeSeconds", relay.oldestUnsentAgeSeconds(),
                "parkedCount", parked.size(), "parked", parked);
    }
}
