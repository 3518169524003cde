package fr.paris.casvp.guichet.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code guichet.messaging.*}.
 *
 * @param partitions     partitions of every topic this service declares (12 by default, as the README says)
 * @param deliveryAttempts how many times a record is tried before it is sent to {@code <topic>.dlt}
 * @param retryBackoff   first pause between two attempts; doubles each time
 */
@ConfigurationProperties("guichet.messaging")
public record MessagingProperties(@DefaultValue("12") int partitions,
                                  @DefaultValue("4") int deliveryAttempts,
                                  @DefaultValue("500ms") Duration retryBackoff) {
}
