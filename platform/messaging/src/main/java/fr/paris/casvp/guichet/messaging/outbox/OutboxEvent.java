package fr.paris.casvp.guichet.messaging.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to publish, as the outbox stores it: the Kafka record's topic, key and JSON value, and its CloudEvents
 * attributes.
 *
 * @param eventId    {@code ce_id}: consumers recognise a redelivery by it
 * @param topic      a topic of {@code platform/contracts}' {@code Topic}
 * @param key        record key (the beneficiary id): ordering holds per key
 * @param type       {@code ce_type}, e.g. {@code fr.paris.casvp.guichet.beneficiary.snapshot.v1}
 * @param subject    {@code ce_subject}, the resource the event is about (may be null)
 * @param occurredAt {@code ce_time}
 * @param payload    the JSON value; null for a tombstone
 */
public record OutboxEvent(UUID eventId, String topic, String key, String type, String subject, Instant occurredAt,
                          String payload) {

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static OutboxEvent of(String topic, String key, String type, String subject, Instant occurredAt, String payload) {
        return new OutboxEvent(UUID.randomUUID(), topic, key, type, subject, occurredAt, payload);
    }
}
