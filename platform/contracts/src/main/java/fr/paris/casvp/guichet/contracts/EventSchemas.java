package fr.paris.casvp.guichet.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent;
import fr.paris.casvp.guichet.contracts.audit.AuditAnchor;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent;
import fr.paris.casvp.guichet.contracts.status.BoardEntry;
import fr.paris.casvp.guichet.contracts.transport.PassConfirmation;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JSON Schema per event type ({@code ce_type}), from {@code schemas/} in this module. A producer's tests validate
 * what it emits against it; partners may use the same files.
 */
public final class EventSchemas {

    private static final Map<String, String> SCHEMA_BY_TYPE = schemaByType();

    private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> loaded = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Every event type that has a schema. */
    public static Set<String> types() {
        return SCHEMA_BY_TYPE.keySet();
    }

    /** What is wrong with {@code json} as an event of {@code type}; empty when it is valid. */
    public static List<String> violations(String type, String json) {
        String resource = SCHEMA_BY_TYPE.get(type);
        if (resource == null) {
            return List.of("no schema for event type " + type);
        }
        Schema schema = loaded.computeIfAbsent(resource, EventSchemas::load);
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    private static Map<String, String> schemaByType() {
        Map<String, String> byType = new HashMap<>();
        byType.put(BeneficiarySnapshot.TYPE, "schemas/beneficiary-snapshot.v1.json");
        byType.put(PaymentOrder.TYPE, "schemas/payment-order.v1.json");
        byType.put(PaymentConfirmation.TYPE, "schemas/payment-confirmation.v1.json");
        for (AidApplicationEvent.Transition transition : AidApplicationEvent.Transition.values()) {
            byType.put(AidApplicationEvent.typeOf(transition), "schemas/aid-application-event.v1.json");
        }
        for (SolidarityEvent.Transition transition : SolidarityEvent.Transition.values()) {
            byType.put(SolidarityEvent.typeOf(transition), "schemas/solidarity-event.v1.json");
        }
        byType.put(PassOrder.TYPE, "schemas/transport-pass-order.v1.json");
        byType.put(PassConfirmation.TYPE, "schemas/transport-pass-confirmation.v1.json");
        for (TransportEvent.Transition transition : TransportEvent.Transition.values()) {
            byType.put(TransportEvent.typeOf(transition), "schemas/transport-event.v1.json");
        }
        byType.put(QueuedCommand.TYPE, "schemas/intake-command.v1.json");
        byType.put(ReceiptState.TYPE, "schemas/receipt-state.v1.json");
        byType.put(ReceiptSeries.TYPE, "schemas/receipt-series.v1.json");
        byType.put(BoardEntry.TYPE, "schemas/status-board-entry.v1.json");
        byType.put(AuditAnchor.TYPE, "schemas/audit-anchor.v1.json");
        return Map.copyOf(byType);
    }

    private static Schema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
