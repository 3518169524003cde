package fr.paris.casvp.guichet.local;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a rendered manifest of a built-in kind against the Kubernetes API's schema, as the generated models of
 * {@code io.kubernetes:client-java-api} carry it: every field known ({@code @SerializedName}), every required field
 * present ({@code openapiRequiredFields}), every value of its JSON type (objects, lists, maps, text, numbers, booleans,
 * int-or-string, quantities). The client's own deserialisation is too lenient for this (it ignores unknown fields).
 */
final class KubernetesSchema {

    private KubernetesSchema() {
    }

    /** The model of a built-in kind ({@code apps/v1} {@code Deployment} → {@code V1Deployment}); empty for a custom one. */
    static Optional<Class<?>> modelOf(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (!group.isEmpty() && !group.endsWith(".k8s.io") && group.contains(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName("io.kubernetes.client.openapi.models."
                    + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with a resource, each with its path; empty when it is valid. */
    static List<String> violations(Map<String, Object> resource, Class<?> model) {
        List<String> violations = new ArrayList<>();
        check(resource, model, resource.get("kind") + "/" + name(resource), violations);
        return violations;
    }

    private static void check(Object value, Type type, String path, List<String> violations) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type item = generic.getActualTypeArguments()[generic.getActualTypeArguments().length - 1];
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                if (!(value instanceof List<?> list)) {
                    violations.add(path + ": a list is expected");
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), item, path + "[" + i + "]", violations);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (!(value instanceof Map<?, ?> map)) {
                    violations.add(path + ": a mapping is expected");
                    return;
                }
                map.forEach((key, entry) -> check(entry, item, path + "." + key, violations));
            }
            return;
        }
        Class<?> expected = (Class<?>) type;
        if (expected == String.class || expected.isEnum()) {
            expectType(value instanceof String, path, "a text", violations);
        } else if (expected == Integer.class || expected == Long.class || expected == int.class || expected == long.class) {
            expectType(value instanceof Integer || value instanceof Long, path, "an integer", violations);
        } else if (Number.class.isAssignableFrom(expected) || expected == double.class || expected == float.class) {
            expectType(value instanceof Number, path, "a number", violations);
        } else if (expected == Boolean.class || expected == boolean.class) {
            expectType(value instanceof Boolean, path, "true or false", violations);
        } else if (expected == IntOrString.class) {
            expectType(value instanceof Integer || value instanceof String, path, "an integer or a text", violations);
        } else if (expected == Quantity.class) {
            expectType(value instanceof String || value instanceof Number, path, "a quantity", violations);
        } else if (expected == OffsetDateTime.class) {
            expectType(value instanceof String || value instanceof java.util.Date, path, "a date and time", violations);
        } else if (expected != Object.class) {
            checkObject(value, expected, path, violations);
        }
    }

    private static void checkObject(Object value, Class<?> model, String path, List<String> violations) {
        if (!(value instanceof Map<?, ?> map)) {
            violations.add(path + ": an object (" + model.getSimpleName() + ") is expected");
            return;
        }
        Map<String, Field> fields = new HashMap<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name != null && !Modifier.isStatic(field.getModifiers())) {
                fields.put(name.value(), field);
            }
        }
        for (String required : requiredFields(model)) {
            if (!map.containsKey(required)) {
                violations.add(path + ": " + required + " is required");
            }
        }
        map.forEach((key, entry) -> {
            Field field = fields.get(String.valueOf(key));
            if (field == null) {
                violations.add(path + "." + key + ": no such field in " + model.getSimpleName());
            } else if (entry != null) {
                check(entry, field.getGenericType(), path + "." + key, violations);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredFields(Class<?> model) {
        try {
            Field required = model.getDeclaredField("openapiRequiredFields");
            return (Set<String>) required.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return Set.of();
        }
    }

    private static void expectType(boolean ok, String path, String what, List<String> violations) {
        if (!ok) {
            violations.add(path + ": " + what + " is expected");
        }
    }

    private static Object name(Map<String, Object> resource) {
        return resource.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("name") : "?";
    }
}
