package fr.paris.casvp.guichet.shapefixture.thing;

import org.springframework.kafka.annotation.KafkaListener;

/** A Kafka listener that calls the application service: what the shape expects. */
class ThingListener {

    private final Things things = new Things();

    @KafkaListener(topics = "things.v1")
    void on(String name) {
        things.get(name);
    }
}
