package fr.paris.casvp.guichet.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a change's trace through the outbox: the W3C {@code traceparent} of the span that wrote an event is stored
 * with it ({@link #current()}); the relay publishes the event in a producer span that continues that trace, and puts
 * that span's context in the record's headers ({@link #publishing}), where the consumers' observations find it. Without
 * a tracer (a test context), the stored context is passed on as it is.
 */
public final class OutboxTracing {

    static final String TRACEPARENT = "traceparent";

    /** No tracer: nothing recorded, nothing started. */
    public static final OutboxTracing NONE = new OutboxTracing(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The W3C traceparent of the current span, or null when there is none. */
    String current() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the span of an event's publication, child of the change's ({@code traceparent}), and writes its context in
     * the record's headers. Null when there is nothing to continue; the caller ends the span once the broker answered.
     */
    Span publishing(String traceparent, ProducerRecord<String, String> record) {
        if (traceparent == null) {
            return null;
        }
        if (tracer == null) {
            put(record.headers(), TRACEPARENT, traceparent);
            return null;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(record.topic() + " publish")
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.operation", "publish")
                .tag("messaging.destination.name", record.topic())
                .start();
        propagator.inject(span.context(), record.headers(), OutboxTracing::put);
        return span;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
