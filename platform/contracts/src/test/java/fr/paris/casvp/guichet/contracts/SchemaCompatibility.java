package fr.paris.casvp.guichet.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What makes a schema incompatible with its released version, each change named by the field it touches: a field
 * removed, its type changed, any of its constraints changed (format, pattern, constant, bounds, a value of its
 * enumeration removed or added), a field newly required, an object closed to fields it does not name, the schema's
 * {@code $id} changed. A looser constraint breaks too: a partner that validates what it reads with the version it has
 * would refuse the new records (a new product, a longer reference). Only a new optional field is compatible, besides a
 * new event type and a new topic (docs/partners.md, "How the contract changes").
 */
final class SchemaCompatibility {

    private static final List<String> SAME = List.of("format", "pattern", "const", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems");

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code released} to {@code current}; empty when every consumer and producer follows. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        if (!released.path("$id").equals(current.path("$id"))) {
            changes.add("$id changed from " + released.path("$id") + " to " + current.path("$id"));
        }
        compare("", released, current, changes);
        closed("", current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> changes) {
        String field = path.isEmpty() ? "the payload" : "field " + path;
        Set<String> releasedTypes = types(released);
        Set<String> currentTypes = types(current);
        if (!releasedTypes.isEmpty() && !currentTypes.containsAll(releasedTypes)) {
            changes.add(field + " changed type from " + releasedTypes + " to " + currentTypes);
        }
        for (String keyword : SAME) {
            if (released.has(keyword) && !released.get(keyword).equals(current.get(keyword))) {
                changes.add(field + " changed its " + keyword + " from " + released.get(keyword) + " to " + current.get(keyword));
            }
        }
        if (released.has("enum")) {
            Set<JsonNode> values = new HashSet<>();
            current.path("enum").forEach(values::add);
            released.get("enum").forEach(value -> {
                if (current.has("enum") && !values.contains(value)) {
                    changes.add(field + " no longer allows " + value);
                }
            });
            Set<JsonNode> before = new HashSet<>();
            released.get("enum").forEach(before::add);
            current.path("enum").forEach(value -> {
                if (!before.contains(value)) {
                    changes.add(field + " allows the new value " + value + ": a reader that validates with this version would refuse it");
                }
            });
        }
        Set<String> wasRequired = new HashSet<>();
        released.path("required").forEach(name -> wasRequired.add(name.asString()));
        current.path("required").forEach(name -> {
            if (!wasRequired.contains(name.asString())) {
                changes.add("field " + join(path, name.asString()) + " became required");
            }
        });
        for (Map.Entry<String, JsonNode> property : released.path("properties").properties()) {
            String name = join(path, property.getKey());
            JsonNode now = current.path("properties").get(property.getKey());
            if (now == null) {
                changes.add("field " + name + " removed");
            } else {
                compare(name, property.getValue(), now, changes);
            }
        }
        if (released.has("items") && current.has("items")) {
            compare(path + "[]", released.get("items"), current.get("items"), changes);
        }
    }

    /** Every object of the schema must let a consumer meet fields it does not know. */
    private static void closed(String path, JsonNode schema, List<String> changes) {
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean() && !additional.asBoolean()
                || schema.path("unevaluatedProperties").isBoolean() && !schema.path("unevaluatedProperties").asBoolean()) {
            changes.add((path.isEmpty() ? "the payload" : "field " + path) + " is closed to new fields: a consumer of this "
                    + "version would refuse the next one");
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            closed(join(path, property.getKey()), property.getValue(), changes);
        }
        if (schema.has("items")) {
            closed(path + "[]", schema.get("items"), changes);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type != null) {
            types.add(type.asString());
        }
        return types;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
