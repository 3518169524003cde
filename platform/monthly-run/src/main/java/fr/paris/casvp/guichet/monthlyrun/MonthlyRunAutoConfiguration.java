package fr.paris.casvp.guichet.monthlyrun;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly run of a service's {@link MonthlyBenefit} bean: the {@link MonthlyRun}, the runs left unfinished taken up
 * at start-up and on a watch every {@code guichet.monthly-run.watch-interval} (30 s; the service enables scheduling),
 * and the graceful stop when the service stops.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnBean(MonthlyBenefit.class)
public class MonthlyRunAutoConfiguration {

    @Bean(destroyMethod = "stop")
    <M> MonthlyRun<M> monthlyRun(MonthlyBenefit<M> benefit, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                                 @Value("${guichet.monthly-run.runners:2}") int runners) {
        return new MonthlyRun<>(benefit, jdbc, new TransactionTemplate(transactions), clock, runners);
    }

    @Bean
    MonthlyRunWatch monthlyRunWatch(MonthlyRun<?> run) {
        return new MonthlyRunWatch(run);
    }

    /** At start-up, then on every instance every {@code guichet.monthly-run.watch-interval}: the runs left unfinished. */
    static class MonthlyRunWatch {

        private final MonthlyRun<?> run;

        MonthlyRunWatch(MonthlyRun<?> run) {
            this.run = run;
        }

        @EventListener(ApplicationReadyEvent.class)
        void atStart() {
            run.resumeUnfinished();
        }

        @Scheduled(fixedDelayString = "${guichet.monthly-run.watch-interval:PT30S}",
                initialDelayString = "${guichet.monthly-run.watch-interval:PT30S}")
        void watch() {
            run.resumeUnfinished();
        }
    }
}
