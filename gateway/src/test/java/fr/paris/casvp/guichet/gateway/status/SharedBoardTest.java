package fr.paris.casvp.guichet.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.status.BoardEntry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How the board merges what several gateway instances wrote (what they read back from status-board.v1). */
class SharedBoardTest {

    private static final Instant T = Instant.parse("2026-12-02T09:00:00Z");

    private final SharedBoard board = new SharedBoard(null, JsonMapper.builder().build());

    @Test
    void theSameChangeSeenByTwoInstancesIsOneIncident() {
        board.apply(BoardEntry.availability("aid", null, "AVAILABLE", T));
        board.apply(BoardEntry.availability("aid", "AVAILABLE", "DEGRADED", T.plusSeconds(60)));
        board.apply(BoardEntry.availability("aid", "AVAILABLE", "DEGRADED", T.plusSeconds(62)));

        assertThat(board.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.service()).isEqualTo("aid");
            assertThat(incident.from()).isEqualTo("AVAILABLE");
            assertThat(incident.to()).isEqualTo("DEGRADED");
            assertThat(incident.at()).isEqualTo(T.plusSeconds(60));
        });
    }

    @Test
    void anOlderChangeReadAfterALaterOneGoesToTheHistoryWithoutChangingTheCurrentState() {
        board.apply(BoardEntry.availability("aid", "DEGRADED", "AVAILABLE", T.plusSeconds(600)));
        board.apply(BoardEntry.availability("aid", "AVAILABLE", "DEGRADED", T));
        board.apply(BoardEntry.availability("aid", "AVAILABLE", "DEGRADED", T.plusSeconds(3)));
        board.apply(BoardEntry.availability("aid", "DEGRADED", "AVAILABLE", T.plusSeconds(601)));

        assertThat(board.incidents()).extracting(ServiceHealthMonitor.Incident::to).containsExactly("AVAILABLE", "DEGRADED");
        board.apply(BoardEntry.availability("aid", "AVAILABLE", "UNAVAILABLE", T.plusSeconds(900)));
        assertThat(board.incidents()).extracting(ServiceHealthMonitor.Incident::to)
                .as("the latest first").containsExactly("UNAVAILABLE", "AVAILABLE", "DEGRADED");
    }

    @Test
    void aMessageIsShownUntilClearedAndEachEntryIsAppliedOnce() {
        BoardEntry message = BoardEntry.message("transport", "Navigo : décisions lundi.", "superviseur", T);
        board.apply(message);
        board.apply(message);

        assertThat(board.message("transport")).isEqualTo("Navigo : décisions lundi.");
        assertThat(board.incidents()).hasSize(1);

        board.apply(new BoardEntry(UUID.randomUUID(), BoardEntry.Kind.MESSAGE, "transport", T.plusSeconds(5), "", "superviseur",
                null, null));
        assertThat(board.message("transport")).isNull();
        assertThat(board.incidents()).hasSize(2);
    }
}
