package fr.paris.casvp.guichet.messaging.partner;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A partner that stops answering is noticed: for each partner a service waits on ({@link WaitingOrders}), the orders
 * still unanswered past the answer time agreed with it ({@code guichet.partners.answer-time.<partner>}, 72 hours by
 * default) are counted ({@code guichet.partner.orders.overdue}), the oldest waiting order's age is measured
 * ({@code guichet.partner.orders.oldest.age}, seconds), a reminder naming them is logged at most once an hour, and
 * {@code /actuator/partnerorders} lists them. Without it an aid stays {@code PAYMENT_ORDERED} in silence until the
 * topic's retention deletes the order.
 *
 * <p>The figures are those of the last {@link #refresh()} (every {@code guichet.partners.watch-interval}, a minute by
 * default), so that a scrape never queries the database.
 */
public class UnansweredOrders {

    /** The answer time when none is agreed: three days, a weekend included. */
    public static final Duration DEFAULT_ANSWER_TIME = Duration.ofHours(72);
    /** How many orders the reminder and the endpoint name at most. */
    static final int LISTED = 100;
    private static final Duration REMINDER_INTERVAL = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(UnansweredOrders.class);

    /** An order past its answer time. */
    public record Order(String orderId, String reference, Instant orderedAt) {
    }

    /** What is known of one partner at the last refresh. */
    private record Watch(long overdue, Instant oldest) {
    }

    private final List<WaitingOrders> partners;
    private final Function<String, Duration> answerTime;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Watch> watched = new ConcurrentHashMap<>();
    private final Map<String, Instant> reminded = new ConcurrentHashMap<>();

    /** @param answerTime the answer time agreed with a partner, by its principal */
    public UnansweredOrders(List<WaitingOrders> partners, Function<String, Duration> answerTime, JdbcClient jdbc, Clock clock,
                            MeterRegistry meters) {
        this.partners = List.copyOf(partners);
        this.answerTime = answerTime;
        this.jdbc = jdbc;
        this.clock = clock;
        for (WaitingOrders partner : this.partners) {
            watched.put(partner.partner(), new Watch(0, null));
            Gauge.builder("guichet.partner.orders.overdue", () -> watched.get(partner.partner()).overdue())
                    .description("Orders sent to the partner and unanswered past the agreed answer time (listed by /actuator/partnerorders)")
                    .tag("partner", partner.partner()).register(meters);
            Gauge.builder("guichet.partner.orders.oldest.age", () -> age(watched.get(partner.partner()).oldest()))
                    .description("Age of the oldest order waiting for the partner's answer (0 when none waits)")
                    .baseUnit("seconds").tag("partner", partner.partner()).register(meters);
        }
    }

    /** Counts again; logs a reminder for a partner with overdue orders, unless one was logged within the hour. */
    @Scheduled(fixedDelayString = "${guichet.partners.watch-interval:PT1M}", initialDelayString = "${guichet.partners.watch-interval:PT1M}")
    public void refresh() {
        Instant now = clock.instant();
        for (WaitingOrders partner : partners) {
            Instant deadline = now.minus(answerTime.apply(partner.partner()));
            Watch watch = jdbc.sql("select count(*) filter (where ordered_at < :deadline) as overdue, min(ordered_at) as oldest from ("
                            + partner.sql() + ") waiting")
                    .param("deadline", Timestamp.from(deadline))
                    .query((rs, row) -> new Watch(rs.getLong("overdue"),
                            rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                    .single();
            watched.put(partner.partner(), watch);
            Instant last = reminded.get(partner.partner());
            if (watch.overdue() > 0 && (last == null || !now.isBefore(last.plus(REMINDER_INTERVAL)))) {
                reminded.put(partner.partner(), now);
                List<Order> orders = overdue(partner, deadline);
                log.warn("{} order(s) to {} unanswered for more than {}: {}{} (all at /actuator/partnerorders)", watch.overdue(),
                        partner.partner(), answerTime.apply(partner.partner()),
                        orders.stream().limit(20).map(o -> o.reference() + " (" + o.orderedAt() + ")").toList(),
                        watch.overdue() > 20 ? " and more" : "");
            }
        }
    }

    /** Per partner: the agreed answer time, how many orders are past it, the oldest waiting order, the first 100 overdue. */
    public Map<String, Object> report() {
        Instant now = clock.instant();
        Map<String, Object> report = new LinkedHashMap<>();
        for (WaitingOrders partner : partners) {
            Duration agreed = answerTime.apply(partner.partner());
            List<Order> orders = overdue(partner, now.minus(agreed));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("answerTime", agreed.toString());
            entry.put("overdue", count(partner, now.minus(agreed)));
            entry.put("oldestWaitingSince", watched.get(partner.partner()).oldest());
            entry.put("orders", orders);
            report.put(partner.partner(), entry);
        }
        return report;
    }

    private List<Order> overdue(WaitingOrders partner, Instant deadline) {
        return jdbc.sql("select order_id::text as order_id, reference, ordered_at from (" + partner.sql()
                        + ") waiting where ordered_at < :deadline order by ordered_at, reference limit " + LISTED)
                .param("deadline", Timestamp.from(deadline))
                .query((rs, row) -> new Order(rs.getString("order_id"), rs.getString("reference"),
                        rs.getTimestamp("ordered_at").toInstant()))
                .list();
    }

    private long count(WaitingOrders partner, Instant deadline) {
        return jdbc.sql("select count(*) from (" + partner.sql() + ") waiting where ordered_at < :deadline")
                .param("deadline", Timestamp.from(deadline)).query(Long.class).single();
    }

    private double age(Instant oldest) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
