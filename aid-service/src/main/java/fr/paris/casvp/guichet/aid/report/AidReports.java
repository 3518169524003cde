package fr.paris.casvp.guichet.aid.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a section director reports on (RM V.2.1 c/3): the section's applications counted and summed by month, category
 * and outcome. The month is the one of the outcome: the latest decision (after an appeal, the new one), the lapse, or
 * the reception for an application still pending.
 */
@Component
class AidReports {

    /**
     * @param outcome   GRANTED, REFUSED, LAPSED or PENDING
     * @param requested the amounts asked for
     * @param granted   the amounts granted (0 unless GRANTED)
     */
    record Row(String month, String category, String outcome, long count, BigDecimal requested, BigDecimal granted) {
    }

    record Totals(long count, BigDecimal requested, BigDecimal granted) {
    }

    record Report(String section, String from, String to, List<Row> rows, Totals totals) {
    }

    private final JdbcClient jdbc;

    AidReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Report report(String section, YearMonth from, YearMonth to) {
        List<Row> rows = jdbc.sql("""
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
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
        Totals totals = new Totals(rows.stream().mapToLong(Row::count).sum(),
                rows.stream().map(Row::requested).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(Row::granted).reduce(BigDecimal.ZERO, BigDecimal::add));
        return new Report(section, from.toString(), to.toString(), rows, totals);
    }
}
