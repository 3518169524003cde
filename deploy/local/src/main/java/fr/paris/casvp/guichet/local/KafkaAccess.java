package fr.paris.casvp.guichet.local;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The principals of {@code deploy/kafka/access.yaml} and the ACLs they amount to. Each declared benefit
 * ({@link Benefits}) is a principal named after its service, made from the file's template for its partner
 * ({@code benefit-services}); in any list, a name with {@code <code>} (or {@code <database>}, {@code <service>}) stands
 * for one name per declared benefit, and in a template for that benefit's.
 */
record KafkaAccess(Map<String, Principal> principals) {

    /** What one principal may do: write {@code produces}, read {@code consumes}, use the groups named {@code groups*}. */
    record Principal(String name, List<String> produces, List<String> consumes, List<String> groups) {

        String user() {
            return "User:" + name;
        }
    }

    static KafkaAccess read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return of(document, Benefits.all());
        }
    }

    static KafkaAccess of(Map<String, Object> document, List<Benefit> benefits) {
        Map<String, Principal> principals = new LinkedHashMap<>();
        asMap(document.get("principals"), "principals").forEach((name, value) -> {
            Map<String, Object> entry = asMap(value, name);
            principals.put(name, new Principal(name, everyBenefit(list(entry, "produces"), benefits),
                    everyBenefit(list(entry, "consumes"), benefits), everyBenefit(list(entry, "groups"), benefits)));
        });
        Map<String, Object> templates = asMap(document.get("benefit-services"), "benefit-services");
        for (Benefit benefit : benefits) {
            String partner = benefit.partner().principal();
            Map<String, Object> template = asMap(templates.get(partner), "benefit-services." + partner);
            if (principals.containsKey(benefit.service())) {
                throw new IllegalArgumentException(benefit.service() + " is a declared benefit's service: its principal is made"
                        + " from benefit-services, it may not be written under principals");
            }
            principals.put(benefit.service(), new Principal(benefit.service(), thisBenefit(list(template, "produces"), benefit),
                    thisBenefit(list(template, "consumes"), benefit), thisBenefit(list(template, "groups"), benefit)));
        }
        return new KafkaAccess(principals);
    }

    /** A name with {@code <code>} becomes one name per benefit, in the declaration's order. */
    private static List<String> everyBenefit(List<String> names, List<Benefit> benefits) {
        List<String> expanded = new ArrayList<>();
        for (String name : names) {
            if (name.contains("<")) {
                benefits.forEach(benefit -> expanded.add(named(name, benefit)));
            } else {
                expanded.add(name);
            }
        }
        return List.copyOf(expanded);
    }

    private static List<String> thisBenefit(List<String> names, Benefit benefit) {
        return names.stream().map(name -> named(name, benefit)).toList();
    }

    private static String named(String name, Benefit benefit) {
        String named = name.replace("<code>", benefit.code()).replace("<database>", benefit.database())
                .replace("<service>", benefit.service());
        if (named.contains("<") || named.contains(">")) {
            throw new IllegalArgumentException("'" + name + "': only <code>, <database> and <service> stand for a benefit's names");
        }
        return named;
    }

    /** Every ACL of every principal: nothing more is allowed. */
    Set<AclBinding> bindings() {
        Set<AclBinding> bindings = new LinkedHashSet<>();
        for (Principal principal : principals.values()) {
            for (String topic : principal.produces()) {
                bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
                bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
            }
            for (String topic : principal.consumes()) {
                bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
                bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
            }
            for (String group : principal.groups()) {
                bindings.add(allow(principal, ResourceType.GROUP, group, PatternType.PREFIXED, AclOperation.READ));
                bindings.add(allow(principal, ResourceType.GROUP, group, PatternType.PREFIXED, AclOperation.DESCRIBE));
            }
        }
        return bindings;
    }

    private static AclBinding allow(Principal principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal.user(), "*", operation, AclPermissionType.ALLOW));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("'" + what + "' must be a mapping");
        }
        return (Map<String, Object>) map;
    }

    private static List<String> list(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        if (!(value instanceof List<?> items) || items.stream().anyMatch(item -> !(item instanceof String))) {
            throw new IllegalArgumentException("'" + key + "' must be a list of names");
        }
        return items.stream().map(String.class::cast).toList();
    }
}
