package fr.paris.casvp.guichet.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The outbox carries a change's trace to its record, with the tracer the applications run (OpenTelemetry's). */
class OutboxTracingTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final OutboxTracing tracing = new OutboxTracing(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @Test
    void anEventIsPublishedInAProducerSpanOfTheTraceOfTheChangeThatWroteIt() {
        Span change = tracer.nextSpan().name("http post /api/aid/applications").start();
        String stored;
        try (Tracer.SpanInScope scope = tracer.withSpan(change)) {
            stored = tracing.current();
        } finally {
            change.end();
        }
        assertThat(stored).isEqualTo("00-" + change.context().traceId() + "-" + change.context().spanId() + "-01");

        ProducerRecord<String, String> record = new ProducerRecord<>("aid.events.v1", "key", "{}");
        tracing.publishing(stored, record).end();

        SpanData publication = exported.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.PRODUCER)
                .findFirst().orElseThrow();
        assertThat(publication.getName()).isEqualTo("aid.events.v1 publish");
        assertThat(publication.getTraceId()).isEqualTo(change.context().traceId());
        assertThat(publication.getParentSpanId()).isEqualTo(change.context().spanId());
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + publication.getTraceId() + "-" + publication.getSpanId() + "-01");
    }

    @Test
    void withoutATraceNothingIsStoredNorStartedAndWithoutATracerTheStoredContextIsPassedOn() {
        assertThat(tracing.current()).isNull();
        ProducerRecord<String, String> untraced = new ProducerRecord<>("aid.events.v1", "key", "{}");
        assertThat(tracing.publishing(null, untraced)).isNull();
        assertThat(untraced.headers().lastHeader("traceparent")).isNull();

        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ProducerRecord<String, String> record = new ProducerRecord<>("aid.events.v1", "key", "{}");
        assertThat(OutboxTracing.NONE.publishing(traceparent, record)).isNull();
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)).isEqualTo(traceparent);
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }
}
