package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Member;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.MemberRole;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HouseholdStore {

    private final JdbcClient jdbc;

    HouseholdStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredHousehold(UUID id, long version, List<Member> members) {
    }

    Optional<StoredHousehold> lock(UUID id) {
        return jdbc.sql("select version from household where id = :id for update").param("id", id).query(Long.class).optional()
                .map(version -> new StoredHousehold(id, version, members(id)));
    }

    Optional<StoredHousehold> find(UUID id) {
        return jdbc.sql("select version from household where id = :id").param("id", id).query(Long.class).optional()
                .map(version -> new StoredHousehold(id, version, members(id)));
    }

    /** The household a beneficiary belongs to, if any. */
    Optional<UUID> householdOf(UUID beneficiaryId) {
        return jdbc.sql("select household_id from household_member where beneficiary_id = :id").param("id", beneficiaryId)
                .query(UUID.class).optional();
    }

    List<Member> members(UUID householdId) {
        return jdbc.sql("select beneficiary_id, role from household_member where household_id = :id order by role, beneficiary_id")
                .param("id", householdId)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), MemberRole.valueOf(rs.getString(2))))
                .list();
    }

    void create(UUID id, Instant at) {
        jdbc.sql("insert into household (id, version, created_at, updated_at) values (:id, 0, :at, :at)")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    void replaceMembers(UUID id, List<Member> members, Instant at) {
        jdbc.sql("delete from household_member where household_id = :id").param("id", id).update();
        for (Member member : members) {
            jdbc.sql("insert into household_member (household_id, beneficiary_id, role) values (:id, :beneficiary, :role)")
                    .param("id", id).param("beneficiary", member.beneficiaryId()).param("role", member.role().name()).update();
        }
        jdbc.sql("update household set version = version + 1, updated_at = :at where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }
}
