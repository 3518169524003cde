package fr.paris.casvp.guichet.notice.recipient;

import fr.paris.casvp.guichet.notice.domain.Recipient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code recipient}: one row per person, only moving forward in snapshot versions. */
@Repository
public class RecipientStore {

    private final JdbcClient jdbc;

    RecipientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(String pseudonym, UUID beneficiaryId, long version, Recipient r, Instant now) {
        jdbc.sql("""
                        insert into recipient (pseudonym, beneficiary_id, version, sex, last_name, email, phone, accepts_sms,
                                               declines_notices, updated_at)
                        values (:pseudonym, :id, :version, :sex, :lastName, :email, :phone, :acceptsSms, :declines, :now)
                        on conflict (pseudonym) do update
                           set version = excluded.version, sex = excluded.sex, last_name = excluded.last_name,
                               email = excluded.email, phone = excluded.phone, accepts_sms = excluded.accepts_sms,
                               declines_notices = excluded.declines_notices, updated_at = excluded.updated_at
                         where not recipient.erased and excluded.version > recipient.version
                        """)
                .param("pseudonym", pseudonym).param("id", beneficiaryId).param("version", version)
                .param("sex", r.sex()).param("lastName", r.lastName()).param("email", r.email()).param("phone", r.phone())
                .param("acceptsSms", r.acceptsSms()).param("declines", r.declinesNotices())
                .param("now", Timestamp.from(now))
                .update();
    }

    void erase(String pseudonym, UUID beneficiaryId, Instant now) {
        jdbc.sql("""
                        insert into recipient (pseudonym, beneficiary_id, version, erased, updated_at)
                        values (:pseudonym, :id, 0, true, :now)
                        on conflict (pseudonym) do update
                           set sex = null, last_name = null, email = null, phone = null, accepts_sms = false,
                               declines_notices = false, erased = true, updated_at = excluded.updated_at
                        """)
                .param("pseudonym", pseudonym).param("id", beneficiaryId).param("now", Timestamp.from(now))
                .update();
    }

    Optional<Recipient> find(String pseudonym) {
        return jdbc.sql("""
                        select sex, last_name, email, phone, accepts_sms, declines_notices
                          from recipient where pseudonym = :pseudonym and not erased
                        """)
                .param("pseudonym", pseudonym)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .optional();
    }
}
