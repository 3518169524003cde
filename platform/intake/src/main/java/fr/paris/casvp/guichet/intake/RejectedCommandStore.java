package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The store of the queued commands refused on replay (table {@code rejected_command}): all its SQL. */
public class RejectedCommandStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RejectedCommandStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records the refusal, once per receipt; false when it was already recorded. */
    boolean add(QueuedCommand command, String section, String agent, int status, Map<String, Object> problem, Instant at) {
        return jdbc.sql("""
                        insert into rejected_command (receipt_number, benefit, section, agent, method, path, received_at, status,
                            problem, rejected_at)
                        values (:receipt, :benefit, :section, :agent, :method, :path, :receivedAt, :status, cast(:problem as jsonb), :now)
                        on conflict (receipt_number) do nothing
                        """)
                .param("receipt", command.receiptNumber()).param("benefit", command.benefit()).param("section", section)
                .param("agent", agent).param("method", command.method()).param("path", command.path())
                .param("receivedAt", Timestamp.from(command.receivedAt())).param("status", status)
                .param("problem", json.writeValueAsString(problem)).param("now", Timestamp.from(at))
                .update() == 1;
    }

    /** A section's refused commands (every section's when {@code section} is null), newest first, 500 at most. */
    List<RejectedCommand> list(String section, boolean includeHandled) {
        return jdbc.sql("""
                        select * from rejected_command
                         where (cast(:section as text) is null or section = :section) and (:all or handled_at is null)
                         order by rejected_at desc limit 500
                        """)
                .param("section", section).param("all", includeHandled)
                .query((rs, n) -> new RejectedCommand(rs.getString("receipt_number"), rs.getString("benefit"), rs.getString("section"),
                        rs.getString("agent"), rs.getString("method"), rs.getString("path"),
                        rs.getTimestamp("received_at").toInstant(), rs.getInt("status"),
                        json.readValue(rs.getString("problem"), Map.class), rs.getTimestamp("rejected_at").toInstant(),
                        rs.getString("handled_by"), rs.getTimestamp("handled_at") == null ? null : rs.getTimestamp("handled_at").toInstant()))
                .list();
    }

    Optional<String> sectionOf(String receipt) {
        return jdbc.sql("select section from rejected_command where receipt_number = :r").param("r", receipt)
                .query(String.class).optional();
    }

    void markHandled(String receipt, String by, Instant at) {
        jdbc.sql("update rejected_command set handled_by = :by, handled_at = :at where receipt_number = :r and handled_at is null")
                .param("by", by).param("at", Timestamp.from(at)).param("r", receipt).update();
    }
}
