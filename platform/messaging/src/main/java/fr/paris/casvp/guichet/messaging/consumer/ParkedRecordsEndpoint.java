package fr.paris.casvp.guichet.messaging.consumer;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** For operators: {@code GET /actuator/parked} lists the inbound records parked, not applied, with the reasons. */
@Endpoint(id = "parked")
public class ParkedRecordsEndpoint {

    private final ParkedRecords parked;

    public ParkedRecordsEndpoint(ParkedRecords parked) {
        this.parked = parked;
    }

    @ReadOperation
    public List<Map<String, Object>> parked() {
        return parked.list();
    }
}
