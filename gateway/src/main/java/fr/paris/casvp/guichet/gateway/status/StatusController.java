package fr.paris.casvp.guichet.gateway.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/status}: service by service, what works now. Answered by the gateway alone. */
@RestController
class StatusController {

    private final ServiceHealthMonitor monitor;
    private final Clock clock;

    StatusController(ServiceHealthMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    @GetMapping("/api/status")
    StatusBoard status() {
        return new StatusBoard(clock.instant(), monitor.states());
    }

    record StatusBoard(Instant at, List<ServiceState> services) {
    }
}
