package fr.paris.casvp.guichet.notice.notice;

import fr.paris.casvp.guichet.notice.domain.Benefit;
import fr.paris.casvp.guichet.notice.domain.Channel;
import fr.paris.casvp.guichet.notice.domain.Delivery;
import fr.paris.casvp.guichet.notice.domain.Moment;
import fr.paris.casvp.guichet.notice.domain.Notice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code notice}: one row per event and channel. */
@Repository
class NoticeStore {

    private static final int MAX_OUTCOME = 500;

    /** A notice to send now, locked for this instance. */
    record Due(UUID id, Channel channel, String pseudonym, Notice notice, int attempts) {
    }

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new notice, PENDING, or SKIPPED with this reason; nothing when this event already has one for the channel. */
    void add(UUID id, String eventId, Channel channel, String pseudonym, Notice n, Instant now, String skipped) {
        jdbc.sql("""
                        insert into notice (id, event_id, channel, pseudonym, benefit, moment, reference, section, occurred_at,
                                            valid_from, status, next_attempt_at, outcome, created_at)
                        values (:id, :eventId, :channel, :pseudonym, :benefit, :moment, :reference, :section, :occurredAt,
                                :validFrom, :status, :now, :outcome, :now)
                        on conflict (event_id, channel) do nothing
                        """)
                .param("id", id).param("eventId", eventId).param("channel", channel.name()).param("pseudonym", pseudonym)
                .param("benefit", n.benefit().name()).param("moment", n.moment().name()).param("reference", n.reference())
                .param("section", n.section()).param("occurredAt", Timestamp.from(n.occurredAt())).param("validFrom", n.validFrom())
                .param("status", skipped == null ? "PENDING" : "SKIPPED").param("outcome", skipped)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The oldest notice due, locked (other instances skip it); call inside a transaction. */
    Optional<Due> nextDue(Instant now) {
        return jdbc.sql("""
                        select id, channel, pseudonym, benefit, moment, reference, section, occurred_at, valid_from, attempts
                          from notice
                         where status = 'PENDING' and next_attempt_at <= :now
                         order by next_attempt_at
                         limit 1
                           for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        notice(rs, 4), rs.getInt(10)))
                .optional();
    }

    void sent(UUID id, Instant now) {
        jdbc.sql("update notice set status = 'SENT', attempts = attempts + 1, sent_at = :now, outcome = null where id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    void skip(UUID id, String why) {
        jdbc.sql("update notice set status = 'SKIPPED', outcome = :why where id = :id").param("id", id).param("why", why).update();
    }

    void retry(UUID id, int attempts, Instant next, String why) {
        jdbc.sql("update notice set attempts = :attempts, next_attempt_at = :next, outcome = :why where id = :id")
                .param("id", id).param("attempts", attempts).param("next", Timestamp.from(next)).param("why", cut(why)).update();
    }

    void fail(UUID id, int attempts, String why) {
        jdbc.sql("update notice set status = 'FAILED', attempts = :attempts, outcome = :why where id = :id")
                .param("id", id).param("attempts", attempts).param("why", cut(why)).update();
    }

    boolean retryNow(UUID id, Instant now) {
        return jdbc.sql("update notice set status = 'PENDING', attempts = 0, next_attempt_at = :now where id = :id and status = 'FAILED'")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    List<NoticeView> list(Delivery status, int limit) {
        return jdbc.sql("""
                        select id, event_id, channel, benefit, moment, reference, section, occurred_at, status, attempts,
                               outcome, created_at, sent_at
                          from notice where status = :status order by created_at desc limit :limit
                        """)
                .param("status", status.name()).param("limit", limit)
                .query((rs, n) -> new NoticeView(rs.getObject(1, UUID.class), rs.getString(2), Channel.valueOf(rs.getString(3)),
                        rs.getString(4), Moment.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        instant(rs, 8), Delivery.valueOf(rs.getString(9)), rs.getInt(10), rs.getString(11), instant(rs, 12),
                        instant(rs, 13)))
                .list();
    }

    long count(Delivery status) {
        return jdbc.sql("select count(*) from notice where status = :status").param("status", status.name()).query(Long.class).single();
    }

    Duration oldestPendingAge(Instant now) {
        return jdbc.sql("select min(created_at) from notice where status = 'PENDING'")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(t -> Duration.between(t.toInstant(), now))
                        .orElse(Duration.ZERO))
                .single();
    }

    private static Notice notice(ResultSet rs, int from) throws SQLException {
        return new Notice(Benefit.valueOf(rs.getString(from)), Moment.valueOf(rs.getString(from + 1)), rs.getString(from + 2),
                rs.getString(from + 3), rs.getTimestamp(from + 4).toInstant(), rs.getObject(from + 5, LocalDate.class));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_OUTCOME ? text : text.substring(0, MAX_OUTCOME);
    }
}
