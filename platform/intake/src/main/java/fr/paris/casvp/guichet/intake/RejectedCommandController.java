package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code <api path>/intake/rejected}: the queued commands refused on replay, for the section to handle (call the person
 * back, correct, file again); {@code POST .../{receipt}/handled} marks one handled.
 */
@RestController
public class RejectedCommandController {

    public record Rejected(String receiptNumber, String benefit, String section, String agent, String method, String path,
                           Instant receivedAt, int status, Map<String, Object> problem, Instant rejectedAt, String handledBy,
                           Instant handledAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public RejectedCommandController(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("${guichet.audit.path}/intake/rejected")
    public List<Rejected> rejected(@RequestParam(defaultValue = "false") boolean includeHandled) {
        Agent agent = Agent.current();
        return jdbc.sql("""
                        select * from rejected_command
                         where (cast(:section as text) is null or section = :section) and (:all or handled_at is null)
                         order by rejected_at desc limit 500
                        """)
                .param("section", agent.isSupervisor() ? null : agent.section()).param("all", includeHandled)
                .query((rs, n) -> new Rejected(rs.getString("receipt_number"), rs.getString("benefit"), rs.getString("section"),
                        rs.getString("agent"), rs.getString("method"), rs.getString("path"),
                        rs.getTimestamp("received_at").toInstant(), rs.getInt("status"),
                        json.readValue(rs.getString("problem"), Map.class), rs.getTimestamp("rejected_at").toInstant(),
                        rs.getString("handled_by"), rs.getTimestamp("handled_at") == null ? null : rs.getTimestamp("handled_at").toInstant()))
                .list();
    }

    @PostMapping("${guichet.audit.path}/intake/rejected/{receipt}/handled")
    public void handled(@PathVariable String receipt) {
        Agent agent = Agent.current();
        String section = jdbc.sql("select section from rejected_command where receipt_number = :r").param("r", receipt)
                .query(String.class).optional()
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                        "No rejected command with the receipt " + receipt + "."));
        agent.requireWrite(section);
        jdbc.sql("update rejected_command set handled_by = :by, handled_at = :at where receipt_number = :r and handled_at is null")
                .param("by", agent.toString()).param("at", Timestamp.from(clock.instant())).param("r", receipt).update();
    }
}
