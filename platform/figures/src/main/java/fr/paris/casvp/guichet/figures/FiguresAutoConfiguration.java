package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.messaging.ModuleSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A benefit service's dated figures kept in its database (tables {@code dated_figure} and {@code figure_proposal},
 * migrated by this module): enabled by a {@link FigureCatalogue} bean, served under {@code guichet.figures.path}. The
 * rows the service ships are added at its start when absent.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "fr.paris.casvp.guichet.messaging.MessagingAutoConfiguration"})
@ConditionalOnBean(FigureCatalogue.class)
public class FiguresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FiguresAutoConfiguration.class);

    @Bean
    FigureStore figureStore(ModuleSchema schema, JdbcClient jdbc, FigureCatalogue catalogue, Clock clock) {
        schema.migrate("figures");
        FigureStore store = new FigureStore(jdbc);
        if (catalogue.shipped() != null) {
            int added = store.ship(DatedFigures.read(catalogue.shipped()), clock.instant());
            log.info("Dated figures: {} row(s) shipped with this release added", added);
        }
        return store;
    }

    @Bean
    Figures figures(FigureStore store, FigureCatalogue catalogue) {
        return new Figures(store, catalogue);
    }

    @Bean
    ProposalStore proposalStore(FigureStore figures, JdbcClient jdbc) {
        return new ProposalStore(jdbc);
    }

    @Bean
    FigureProposals figureProposals(ProposalStore proposals, FigureStore figures, FigureCatalogue catalogue,
                                    Optional<FigureConsequences> consequences, PlatformTransactionManager transactions, Clock clock) {
        return new FigureProposals(proposals, figures, catalogue, consequences, new TransactionTemplate(transactions), clock);
    }

    @Bean
    FigureController figureController(Figures figures, FigureProposals proposals, Clock clock) {
        return new FigureController(figures, proposals, clock);
    }

    /** The gauges of the stale figures, where the service has metrics. */
    @Bean
    StaleFigureGauges staleFigureGauges(Figures figures, FigureCatalogue catalogue, ObjectProvider<MeterRegistry> meters, Clock clock) {
        return new StaleFigureGauges(figures, catalogue, meters.getIfAvailable(SimpleMeterRegistry::new), clock);
    }

    @Bean
    DueFigures dueFigures(FigureProposals proposals) {
        return new DueFigures(proposals);
    }

    /** Approved values dated ahead take effect on their day: every few minutes, what follows from those whose day has come. */
    static class DueFigures {

        private final FigureProposals proposals;

        DueFigures(FigureProposals proposals) {
            this.proposals = proposals;
        }

        @Scheduled(fixedDelayString = "${guichet.figures.apply-interval:PT5M}", initialDelay = 30_000)
        void applyDue() {
            proposals.applyDue();
        }
    }
}
