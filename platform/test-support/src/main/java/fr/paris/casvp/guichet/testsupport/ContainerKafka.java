package fr.paris.casvp.guichet.testsupport;

import org.testcontainers.kafka.KafkaContainer;

/** A KRaft broker in a container, when a Docker engine is available. */
final class ContainerKafka implements SharedInfrastructure.KafkaServer {

    private final KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");

    ContainerKafka() {
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void stop() {
        container.stop();
    }
}
