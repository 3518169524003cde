package fr.paris.casvp.guichet.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/** A service in miniature: the messaging module's auto-configuration and one listener that refuses poison. */
@SpringBootApplication
class MessagingTestApplication {

    static final String COMMANDS = "messaging-test.commands.v1";

    @Bean
    NewTopic commands() {
        return TopicBuilder.name(COMMANDS).partitions(3).build();
    }

    @Bean
    NewTopic commandsDeadLetters() {
        return TopicBuilder.name(COMMANDS + ".dlt").partitions(3).build();
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
