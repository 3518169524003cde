package fr.paris.casvp.guichet.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.paris.casvp.guichet.contracts.audit.AuditAnchor;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.status.BoardEntry;
import fr.paris.casvp.guichet.contracts.transport.PassConfirmation;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON Schema per event type ({@code ce_type}): the published files of {@code docs/schemas/}, in this jar under
 * {@code contracts/schemas/}. They are open (an object may carry fields the schema does not name) so that a consumer
 * ignores what a later version adds ({@code docs/partners.md}, "How the contract changes").
 *
 * <p>Two readings: {@link #violations} is how Guichet checks what it writes, with every object closed (no field the
 * schema does not document may leave Guichet); {@link #inboundViolations} is how a record that arrives is checked, as
 * published (a field it does not know is ignored).
 */
public final class EventSchemas {

    /** Where the schemas are on the class path. */
    public static final String LOCATION = "contracts/schemas/";

    /**
     * The envelope every benefit's events carry, whatever the benefit (person, section, transition, status, time): not an
     * event type of its own, a schema each benefit's events also satisfy.
     */
    public static final String BENEFIT_EVENT_ENVELOPE = "benefit-event-envelope.v1.json";

    private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper json = JsonMapper.builder().build();
    /** After {@code json}: the benefits' types are read from their schemas with it. */
    private static final Map<String, String> SCHEMA_BY_TYPE = schemaByType();
    private static final Map<String, Schema> written = new ConcurrentHashMap<>();
    private static final Map<String, Schema> published = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Every event type that has a schema. */
    public static Set<String> types() {
        return SCHEMA_BY_TYPE.keySet();
    }

    /** Every published schema file: each event type's, and the envelope every benefit's events carry. */
    public static Set<String> schemaFiles() {
        Set<String> files = new TreeSet<>();
        SCHEMA_BY_TYPE.values().forEach(resource -> files.add(resource.substring(LOCATION.length())));
        files.add(BENEFIT_EVENT_ENVELOPE);
        return files;
    }

    /** The schema file of an event type, e.g. {@code payment-order.v1.json}; null when the type has none. */
    public static String schemaFile(String type) {
        String resource = SCHEMA_BY_TYPE.get(type);
        return resource == null ? null : resource.substring(LOCATION.length());
    }

    /**
     * What is wrong with {@code payload} as an event of {@code type} that Guichet writes: its schema with every object
     * closed, so that a field the schema does not document is reported too. Empty when it is valid.
     */
    public static List<String> violations(String type, String payload) {
        return validate(type, payload, written, true);
    }

    /** What is wrong with {@code payload} as an event of {@code type} read from a topic: its schema as published. */
    public static List<String> inboundViolations(String type, String payload) {
        return validate(type, payload, published, false);
    }

    private static List<String> validate(String type, String payload, Map<String, Schema> cache, boolean closed) {
        String resource = SCHEMA_BY_TYPE.get(type);
        if (resource == null) {
            return List.of("no schema for event type " + type);
        }
        Schema schema = cache.computeIfAbsent(resource, r -> load(r, closed));
        try {
            return schema.validate(payload, InputFormat.JSON).stream().map(Object::toString).toList();
        } catch (JacksonException notJson) {
            return List.of(": not JSON (" + notJson.getOriginalMessage() + ")");
        }
    }

    private static Map<String, String> schemaByType() {
        Map<String, String> byType = new HashMap<>();
        byType.put(BeneficiarySnapshot.TYPE, LOCATION + "beneficiary-snapshot.v1.json");
        byType.put(PaymentOrder.TYPE, LOCATION + "payment-order.v1.json");
        byType.put(PaymentConfirmation.TYPE, LOCATION + "payment-confirmation.v1.json");
        byType.put(PaymentOrderV2.TYPE, LOCATION + "payment-order.v2.json");
        byType.put(PaymentConfirmation.TYPE_V2, LOCATION + "payment-confirmation.v2.json");
        byType.put(PassOrder.TYPE, LOCATION + "transport-pass-order.v1.json");
        byType.put(PassConfirmation.TYPE, LOCATION + "transport-pass-confirmation.v1.json");
        for (Benefit benefit : Benefits.all()) {
            for (String transition : transitions(benefit.eventSchema())) {
                byType.put(benefit.eventTypePrefix() + transition.toLowerCase(Locale.ROOT).replace('_', '-') + ".v1",
                        LOCATION + benefit.eventSchema());
            }
        }
        byType.put(QueuedCommand.TYPE, LOCATION + "intake-command.v1.json");
        byType.put(ReceiptState.TYPE, LOCATION + "receipt-state.v1.json");
        byType.put(ReceiptSeries.TYPE, LOCATION + "receipt-series.v1.json");
        byType.put(BoardEntry.TYPE, LOCATION + "status-board-entry.v1.json");
        byType.put(AuditAnchor.TYPE, LOCATION + "audit-anchor.v1.json");
        return Map.copyOf(byType);
    }

    /** A benefit's transitions, as its events' schema lists them (the enum of {@code transition}). */
    private static List<String> transitions(String schemaFile) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(LOCATION + schemaFile)) {
            if (in == null) {
                throw new IllegalStateException("no " + LOCATION + schemaFile + " on the class path");
            }
            JsonNode transitions = json.readTree(in).path("properties").path("transition").path("enum");
            if (!transitions.isArray() || transitions.isEmpty()) {
                throw new IllegalStateException(schemaFile + " lists no transition (properties.transition.enum)");
            }
            List<String> names = new ArrayList<>();
            transitions.forEach(t -> names.add(t.asString()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String resource, boolean closed) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            JsonNode schema = json.readTree(in);
            if (closed) {
                close(schema);
            }
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every object of the schema that names its properties, and says nothing of others, refuses others; the condition
     * of an {@code if} is left as it is (it names only the properties it tests).
     */
    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> {
                if (!entry.getKey().equals("if")) {
                    close(entry.getValue());
                }
            });
        } else {
            node.forEach(EventSchemas::close);
        }
    }
}
