package fr.paris.casvp.guichet.testsupport;

import fr.paris.casvp.guichet.contracts.Topic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real KRaft broker running inside the test JVM, on a free port. */
final class EmbeddedKafkaServer implements SharedInfrastructure.KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;

    EmbeddedKafkaServer() {
        broker = new EmbeddedKafkaKraftBroker(1, Topic.DEFAULT_PARTITIONS);
        broker.kafkaPorts(0);
        broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void stop() {
        broker.destroy();
    }
}
