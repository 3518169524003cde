package fr.paris.casvp.guichet.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code guichet.messaging.outbox.*}.
 *
 * @param enabled        a service that publishes events sets it to true
 * @param batchSize      events per round at most
 * @param pollInterval   pause between rounds when there is nothing to do (a commit wakes the relay up at once)
 * @param sendTimeout    how long a round waits for the broker's acknowledgements
 * @param initialBackoff first pause after a failed round; doubles up to {@code maxBackoff}
 * @param retention      how long sent events are kept before being deleted
 */
@ConfigurationProperties("guichet.messaging.outbox")
public record OutboxProperties(@DefaultValue("false") boolean enabled,
                               @DefaultValue("500") int batchSize,
                               @DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("30s") Duration sendTimeout,
                               @DefaultValue("500ms") Duration initialBackoff,
                               @DefaultValue("30s") Duration maxBackoff,
                               @DefaultValue("7d") Duration retention) {
}
