package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.beneficiary.domain.FieldChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** What changed between two versions of a document, field by field ({@code address.postcode}: 75013 → 75014). */
final class Changes {

    private Changes() {
    }

    static List<FieldChange> between(JsonNode before, JsonNode after) {
        Map<String, String> old = flatten(before);
        Map<String, String> now = flatten(after);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : new TreeSet<>(union(old, now))) {
            if (!Objects.equals(old.get(field), now.get(field))) {
                changes.add(new FieldChange(field, old.get(field), now.get(field)));
            }
        }
        return changes;
    }

    private static Set<String> union(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> fields = new TreeMap<>();
        flatten(node, "", fields);
        return fields;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> fields) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                flatten(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", fields);
            }
        } else {
            fields.put(path, node.isString() ? node.asString() : node.toString());
        }
    }
}
