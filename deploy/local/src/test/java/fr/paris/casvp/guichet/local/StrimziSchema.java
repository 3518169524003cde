package fr.paris.casvp.guichet.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strimzi.api.kafka.model.common.UnknownPropertyPreserving;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.mirrormaker2.KafkaMirrorMaker2;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a Strimzi resource against Strimzi's own API model ({@code io.strimzi:api}, the classes its CRDs are generated
 * from): read into the model, each value must have its field's type, and no field may be unknown (the model keeps an
 * unknown field aside, in its {@code additionalProperties}, rather than failing: found there, it is reported).
 */
final class StrimziSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<?>> MODELS = Map.of("Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class, "KafkaMirrorMaker2", KafkaMirrorMaker2.class);

    private StrimziSchema() {
    }

    /** The model of a Strimzi kind; empty for anything else. */
    static Optional<Class<?>> modelOf(String apiVersion, String kind) {
        return apiVersion.startsWith("kafka.strimzi.io/") ? Optional.ofNullable(MODELS.get(kind)) : Optional.empty();
    }

    /** What is wrong with a resource, each with its path; empty when it is valid. */
    static List<String> violations(Map<String, Object> resource, Class<?> model) {
        String path = resource.get("kind") + "/" + (resource.get("metadata") instanceof Map<?, ?> m ? m.get("name") : "?");
        List<String> violations = new ArrayList<>();
        Object read;
        try {
            read = JSON.convertValue(resource, model);
        } catch (IllegalArgumentException e) {
            violations.add(path + ": " + e.getMessage().lines().findFirst().orElse(""));
            return violations;
        }
        unknown(read, path, violations);
        return violations;
    }

    /** Walks the model's getters, reporting every field the model did not know. */
    private static void unknown(Object value, String path, List<String> violations) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknown(item, path + "[" + i++ + "]", violations);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.strimzi.")) {
            return;
        }
        if (value instanceof UnknownPropertyPreserving preserving && preserving.getAdditionalProperties() != null) {
            preserving.getAdditionalProperties().keySet().forEach(key ->
                    violations.add(path + "." + key + ": no such field in " + value.getClass().getSimpleName()));
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() == 0 && !Modifier.isStatic(getter.getModifiers()) && getter.getName().startsWith("get")
                    && !getter.getName().equals("getAdditionalProperties") && !getter.getName().equals("getClass")
                    && (getter.getReturnType().getName().startsWith("io.strimzi.") || Collection.class.isAssignableFrom(getter.getReturnType()))) {
                try {
                    unknown(getter.invoke(value), path + "." + decapitalise(getter.getName().substring(3)), violations);
                } catch (ReflectiveOperationException e) {
                    violations.add(path + ": cannot read " + getter.getName() + ": " + e);
                }
            }
        }
    }

    private static String decapitalise(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
