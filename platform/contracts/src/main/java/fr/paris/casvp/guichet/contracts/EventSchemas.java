package fr.paris.casvp.guichet.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JSON Schema per event type ({@code ce_type}), from {@code schemas/} in this module. A producer's tests validate
 * what it emits against it; partners may use the same files.
 */
public final class EventSchemas {

    private static final Map<String, String> SCHEMA_BY_TYPE = Map.of(
            BeneficiarySnapshot.TYPE, "schemas/beneficiary-snapshot.v1.json");

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

    private static Schema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
