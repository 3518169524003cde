package fr.paris.casvp.guichet.figures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The table {@code figure_proposal}: the new values proposed, approved or withdrawn. */
public class ProposalStore {

    private final JdbcClient jdbc;

    public ProposalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FigureProposal proposal) {
        jdbc.sql("""
                        insert into figure_proposal (id, name, effective_from, value, source, status, proposed_by, proposed_at)
                        values (:id, :name, :from, :value, :source, :status, :by, :at)
                        """)
                .param("id", proposal.id()).param("name", proposal.name()).param("from", proposal.effectiveFrom())
                .param("value", proposal.value()).param("source", proposal.source()).param("status", proposal.status().name())
                .param("by", proposal.proposedBy()).param("at", Timestamp.from(proposal.proposedAt())).update();
    }

    void update(FigureProposal proposal) {
        jdbc.sql("update figure_proposal set status = :status, decided_by = :by, decided_at = :at, applied_at = :applied where id = :id")
                .param("status", proposal.status().name()).param("by", proposal.decidedBy())
                .param("at", timestamp(proposal.decidedAt())).param("applied", timestamp(proposal.appliedAt()))
                .param("id", proposal.id()).update();
    }

    Optional<FigureProposal> lock(UUID id) {
        return jdbc.sql("select * from figure_proposal where id = :id for update").param("id", id).query(ProposalStore::proposal).optional();
    }

    Optional<FigureProposal> find(UUID id) {
        return jdbc.sql("select * from figure_proposal where id = :id").param("id", id).query(ProposalStore::proposal).optional();
    }

    /** The latest first (200 at most); only those of a status when one is given. */
    List<FigureProposal> list(FigureProposal.Status status) {
        return jdbc.sql("""
                        select * from figure_proposal where (:status::text is null or status = :status)
                         order by proposed_at desc limit 200
                        """)
                .param("status", status == null ? null : status.name()).query(ProposalStore::proposal).list();
    }

    /** Approved values whose day has come and whose consequences wait, oldest first, locked (another instance skips them). */
    List<FigureProposal> dueToApply(LocalDate today) {
        return jdbc.sql("""
                        select * from figure_proposal where status = 'APPROVED' and applied_at is null and effective_from <= :today
                         order by effective_from, decided_at for update skip locked
                        """)
                .param("today", today).query(ProposalStore::proposal).list();
    }

    private static FigureProposal proposal(ResultSet rs, int n) throws SQLException {
        return new FigureProposal(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("effective_from", LocalDate.class),
                rs.getBigDecimal("value"), rs.getString("source"), FigureProposal.Status.valueOf(rs.getString("status")),
                rs.getString("proposed_by"), instant(rs.getTimestamp("proposed_at")), rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")), instant(rs.getTimestamp("applied_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
