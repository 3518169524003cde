package fr.paris.casvp.guichet.aid.report;

import fr.paris.casvp.guichet.aid.domain.SectionReport;
import fr.paris.casvp.guichet.web.Agent;
import java.time.YearMonth;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a section director reports on (RM V.2.1 c/3): their own section's applications counted and summed by month,
 * category and outcome; a supervisor's, any section's.
 */
@Service
class ReportService {

    private final ReportStore store;

    ReportService(ReportStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    SectionReport report(String section, YearMonth from, YearMonth to, Agent agent) {
        agent.requireRole(Agent.SECTION_DIRECTOR, Agent.SUPERVISOR);
        agent.requireRead(section);
        return store.report(section, from, to);
    }
}
