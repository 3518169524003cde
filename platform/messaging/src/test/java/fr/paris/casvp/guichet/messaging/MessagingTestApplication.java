package fr.paris.casvp.guichet.messaging;

import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * A service in miniature: the messaging module's auto-configuration and listeners. It scans only its own classes:
 * the module's beans come from its auto-configuration, as in a service.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
        classes = {MessagingTestApplication.PaymentListener.class, MessagingTestApplication.CommandListener.class}))
class MessagingTestApplication {

    static final String COMMANDS = "messaging-test.commands.v1";
    static final String PAYMENTS = "messaging-test.payments.v1";
    static final String REFUNDS = "messaging-test.refunds.v1";
    static final String EVENTS = "messaging-test.events.v1";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NewTopic commands() {
        return TopicBuilder.name(COMMANDS).partitions(3).build();
    }

    @Bean
    NewTopic commandsDeadLetters() {
        return TopicBuilder.name(COMMANDS + ".dlt").partitions(3).build();
    }

    @Bean
    NewTopic payments() {
        return TopicBuilder.name(PAYMENTS).partitions(3).build();
    }

    @Bean
    NewTopic paymentsDeadLetters() {
        return TopicBuilder.name(PAYMENTS + ".dlt").partitions(3).build();
    }

    @Bean
    NewTopic refunds() {
        return TopicBuilder.name(REFUNDS).partitions(3).build();
    }

    @Bean
    NewTopic refundsDeadLetters() {
        return TopicBuilder.name(REFUNDS + ".dlt").partitions(3).build();
    }

    @Bean
    NewTopic events() {
        return TopicBuilder.name(EVENTS).partitions(3).build();
    }

    /** Records a payment confirmation once per event, and refuses those of an unknown order until it is known. */
    @Component
    static class PaymentListener {

        final Set<String> knownOrders = ConcurrentHashMap.newKeySet();
        private final IdempotentConsumer idempotent;
        private final JdbcClient jdbc;

        PaymentListener(IdempotentConsumer idempotent, JdbcClient jdbc) {
            this.idempotent = idempotent;
            this.jdbc = jdbc;
            jdbc.sql("create table if not exists confirmed_payment (order_id text not null, confirmed_at timestamptz default now())").update();
        }

        @KafkaListener(topics = {PAYMENTS, REFUNDS})
        void on(ConsumerRecord<String, String> record) {
            idempotent.apply("messaging-test.payments", record, confirmation -> {
                if (!knownOrders.contains(confirmation.value())) {
                    throw new IllegalStateException("unknown order " + confirmation.value());
                }
                jdbc.sql("insert into confirmed_payment (order_id) values (:order)").param("order", confirmation.value()).update();
            });
        }

        int confirmations(String order) {
            return jdbc.sql("select count(*) from confirmed_payment where order_id = :order").param("order", order)
                    .query(Integer.class).single();
        }
    }

    @Component
    static class CommandListener {

        final List<String> applied = new CopyOnWriteArrayList<>();
        final List<String> attempts = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = COMMANDS)
        void on(String command) {
            attempts.add(command);
            if (command.startsWith("poison")) {
                throw new IllegalArgumentException("cannot apply " + command);
            }
            applied.add(command);
        }
    }
}
