package fr.paris.casvp.guichet.contracts.status;

import java.time.Instant;
import java.util.UUID;

/**
 * What every instance of the gateway must show alike on the status board, on {@code status-board.v1} (key = the
 * service, or {@code *} for the whole board), read from its beginning by each instance at start: a supervisor's
 * message, or a change of a service's availability that an instance saw. Event type {@link #TYPE}; schema
 * {@code schemas/status-board-entry.v1.json}.
 *
 * @param id      unique; an instance that wrote it does not apply it twice when it reads it back
 * @param service the board's name of the service, or {@code *}
 * @param message a MESSAGE's text (blank: the message is cleared)
 * @param author  a MESSAGE's author (the supervisor's user name)
 * @param from    an AVAILABILITY's previous state (AVAILABLE, DEGRADED, UNAVAILABLE)
 * @param to      an AVAILABILITY's new state
 */
public record BoardEntry(UUID id, Kind kind, String service, Instant at, String message, String author, String from, String to) {

    public static final String TYPE = "fr.paris.casvp.guichet.status.board.v1";
    /** The key of what concerns the whole board. */
    public static final String WHOLE_BOARD = "*";

    public enum Kind { MESSAGE, AVAILABILITY }

    public static BoardEntry message(String service, String message, String author, Instant at) {
        return new BoardEntry(UUID.randomUUID(), Kind.MESSAGE, service, at, message, author, null, null);
    }

    public static BoardEntry availability(String service, String from, String to, Instant at) {
        return new BoardEntry(UUID.randomUUID(), Kind.AVAILABILITY, service, at, null, null, from, to);
    }
}
