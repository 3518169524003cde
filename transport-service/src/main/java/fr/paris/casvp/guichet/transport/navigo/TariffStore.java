package fr.paris.casvp.guichet.transport.navigo;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.transport.domain.Navigo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tariffs in force on a date, from {@code transport_parameter}, {@code transport_participation}, {@code transport_product}. */
@Repository
public class TariffStore {

    private final JdbcClient jdbc;

    TariffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Navigo.Tariffs on(LocalDate date) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("""
                        select distinct on (name) name, value from transport_parameter
                         where effective_from <= :date order by name, effective_from desc
                        """)
                .param("date", date).query((rs, n) -> values.put(rs.getString(1), rs.getBigDecimal(2))).list();
        Map<String, String> products = new HashMap<>();
        jdbc.sql("""
                        select distinct on (category) category, product from transport_product
                         where effective_from <= :date order by category, effective_from desc
                        """)
                .param("date", date).query((rs, n) -> products.put(rs.getString(1), rs.getString(2))).list();
        List<Navigo.Band> table = jdbc.sql("""
                        select situation, max_income_tax, zones_1_2, zones_1_5 from transport_participation
                         where effective_from = (select max(effective_from) from transport_participation where effective_from <= :date)
                        """)
                .param("date", date)
                .query((rs, n) -> new Navigo.Band(Navigo.Situation.valueOf(rs.getString(1)), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
        if (table.isEmpty() || products.isEmpty()) {
            throw noTariff("the participation table", date);
        }
        return new Navigo.Tariffs() {
            @Override
            public BigDecimal value(String name) {
                BigDecimal value = values.get(name);
                if (value == null) {
                    throw noTariff(name, date);
                }
                return value;
            }

            @Override
            public String product(Navigo.Category category) {
                return products.get(category.name());
            }

            @Override
            public List<Navigo.Band> participation() {
                return table;
            }
        };
    }

    private static Refusal noTariff(String what, LocalDate date) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, ProblemTypes.REQUEST_REFUSED, "No tariff in force",
                "No value of " + what + " is in force on " + date + ".");
    }
}
