package fr.paris.casvp.guichet.aid.report;

import fr.paris.casvp.guichet.aid.domain.SectionReport;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the section director's report ({@link SectionReport}). */
@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SectionReport report(String section, YearMonth from, YearMonth to) {
        List<SectionReport.Row> rows = jdbc.sql("""
                        with outcome as (
                            select a.category, a.requested_amount,
                                   case when a.status = 'LAPSED' then 'LAPSED' when d.outcome is not null then d.outcome
                                        else 'PENDING' end as outcome,
                                   case when d.outcome = 'GRANTED' and a.status <> 'LAPSED' then d.amount else 0 end as granted,
                                   to_char(case when a.status = 'LAPSED' then a.updated_at
                                                when d.decided_at is not null then d.decided_at
                                                else a.received_at end at time zone 'Europe/Paris', 'YYYY-MM') as month
                              from aid_application a
                              left join lateral (select outcome, amount, decided_at from aid_decision
                                                  where application_id = a.id order by seq desc limit 1) d on true
                             where a.section = :section)
                        select month, category, outcome, count(*), sum(requested_amount), sum(granted)
                          from outcome where month between :from and :to
                         group by month, category, outcome order by month, category, outcome
                        """)
                .param("section", section).param("from", from.toString()).param("to", to.toString())
                .query((rs, n) -> new SectionReport.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
        return SectionReport.of(section, from.toString(), to.toString(), rows);
    }
}
