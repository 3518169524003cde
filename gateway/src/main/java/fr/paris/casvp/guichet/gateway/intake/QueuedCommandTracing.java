package fr.paris.casvp.guichet.gateway.intake;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A queued command is sent in a producer span of the counter's request, whose W3C {@code traceparent} goes in the
 * record's headers: the service applies the command in the same trace. Done here rather than by Spring Kafka's template
 * observation, which asks the broker for its cluster id before each send until it has it: with Kafka down from the
 * start, each "capture offline" answer then waited two minutes instead of three seconds.
 */
@Component
class QueuedCommandTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    QueuedCommandTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
    }

    /** Starts the span of the record's send, child of the current one, with its context in the record; null if untraced. */
    Span sending(ProducerRecord<String, String> record) {
        Span current = tracer == null || propagator == null ? null : tracer.currentSpan();
        if (current == null) {
            return null;
        }
        Span span = tracer.spanBuilder().setParent(current.context()).name(record.topic() + " send").kind(Span.Kind.PRODUCER)
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka").tag("messaging.operation", "publish")
                .tag("messaging.destination.name", record.topic()).start();
        propagator.inject(span.context(), record.headers(), (headers, name, value) -> {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
        return span;
    }
}
