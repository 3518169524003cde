package fr.paris.casvp.guichet.contracts.benefit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The benefits Guichet delivers, read once from {@code benefits/benefits.properties} (UTF-8): the one list the
 * gateway, the topics, the paper kit, the notices, the counter and the deployments take theirs from. A declaration
 * with a key missing, a key unknown, or a value of the wrong shape stops the reading with a message naming each.
 */
public final class Benefits {

    public static final String RESOURCE = "benefits/benefits.properties";
    static final Set<String> KEYS = Set.of("service", "database", "local-port", "board", "receipt", "title", "short",
            "your-request", "reference-word", "files", "counter-form", "counter-file", "to-examine", "to-decide", "filing",
            "event-type-prefix", "event-schema", "notices", "reference", "partner", "monthly", "dated-figures", "file", "examine", "decide");
    private static final Pattern CODE = Pattern.compile("[a-z]+");
    /** A role, a transition, a moment: upper-case words joined by underscores. */
    private static final Pattern ROLE = Pattern.compile("[A-Z_]+");
    private static final List<Benefit> DECLARED = read(RESOURCE);
    private static final Map<String, Benefit> BY_CODE = byCode(DECLARED);

    private Benefits() {
    }

    /** Every benefit, in the declaration's order. */
    public static List<Benefit> all() {
        return DECLARED;
    }

    /** Their codes, in the declaration's order: {@code aid, solidarity, transport...}. */
    public static List<String> codes() {
        return DECLARED.stream().map(Benefit::code).toList();
    }

    public static Optional<Benefit> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The benefit of this code; an {@link IllegalArgumentException} naming the codes declared when there is none. */
    public static Benefit of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("no benefit " + code + " (declared: " + codes() + ")"));
    }

    static List<Benefit> read(String resource) {
        try (InputStream in = Benefits.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            Properties entries = new Properties();
            entries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The benefits of a declaration; every fault of it named at once. */
    static List<Benefit> parse(Properties entries) {
        List<String> faults = new ArrayList<>();
        List<String> codes = list(entries.getProperty("benefits"));
        if (codes.isEmpty()) {
            faults.add("benefits: lists no benefit");
        }
        Set<String> known = new TreeSet<>();
        known.add("benefits");
        List<Benefit> benefits = new ArrayList<>();
        for (String code : codes) {
            if (!CODE.matcher(code).matches()) {
                faults.add("benefits: " + code + " is not a code (lower-case letters)");
                continue;
            }
            KEYS.forEach(key -> known.add(code + "." + key));
            Declaration declaration = new Declaration(code, entries, faults);
            Benefit benefit = declaration.benefit();
            if (benefit != null) {
                benefits.add(benefit);
            }
        }
        Set<String> unknown = new TreeSet<>(entries.stringPropertyNames());
        unknown.removeAll(known);
        unknown.forEach(key -> faults.add(key + ": not a key of the declaration"));
        duplicates(benefits.stream().map(Benefit::service).toList(), "service", faults);
        duplicates(benefits.stream().map(Benefit::database).toList(), "database", faults);
        duplicates(benefits.stream().map(b -> String.valueOf(b.localPort())).toList(), "local-port", faults);
        if (!faults.isEmpty()) {
            throw new IllegalStateException("The benefits' declaration is wrong: " + String.join("; ", faults));
        }
        return List.copyOf(benefits);
    }

    private static void duplicates(List<String> values, String key, List<String> faults) {
        values.stream().filter(value -> values.indexOf(value) != values.lastIndexOf(value)).distinct()
                .forEach(value -> faults.add(key + ": " + value + " is declared twice"));
    }

    private static Map<String, Benefit> byCode(List<Benefit> benefits) {
        Map<String, Benefit> byCode = new LinkedHashMap<>();
        benefits.forEach(benefit -> byCode.put(benefit.code(), benefit));
        return Map.copyOf(byCode);
    }

    static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** One benefit's keys, each fault added to the list. */
    private record Declaration(String code, Properties entries, List<String> faults) {

        Benefit benefit() {
            int faultsBefore = faults.size();
            String service = text("service");
            String database = text("database");
            int port = port();
            Benefit.Names names = new Benefit.Names(text("board"), text("receipt"), text("title"), text("short"), text("your-request"),
                    text("reference-word"));
            String files = text("files");
            if (files != null && !files.startsWith("/api/" + code + "/")) {
                faults.add(code + ".files: " + files + " is not under /api/" + code + "/");
            }
            String form = screen("counter-form");
            String file = screen("counter-file");
            List<String> filing = list(entries.getProperty(code + ".filing"));
            filing.stream().filter(path -> !path.startsWith("/api/" + code + "/"))
                    .forEach(path -> faults.add(code + ".filing: " + path + " is not under /api/" + code + "/"));
            String prefix = text("event-type-prefix");
            if (prefix != null && !prefix.endsWith(".")) {
                faults.add(code + ".event-type-prefix: ends with a dot");
            }
            String schema = text("event-schema");
            if (schema != null && Benefits.class.getClassLoader().getResource("contracts/schemas/" + schema) == null) {
                faults.add(code + ".event-schema: no " + schema + " in docs/schemas");
            }
            Map<String, String> notices = notices();
            List<String> reference = list(entries.getProperty(code + ".reference"));
            if (reference.isEmpty()) {
                faults.add(code + ".reference: names no field");
            }
            Benefit.Partner partner = partner();
            Boolean monthly = bool("monthly");
            Benefit.Figures figures = figures();
            Benefit.Roles roles = new Benefit.Roles(roles("file", true), roles("examine", false), roles("decide", true));
            Benefit.Counter counter = new Benefit.Counter(files, form, file, statuses("to-examine", !roles.examine().isEmpty()),
                    statuses("to-decide", true));
            if (faults.size() > faultsBefore) {
                return null;
            }
            Benefit benefit = new Benefit(code, service, database, port, names, counter, filing, prefix, schema, notices, reference, partner,
                    monthly, figures, roles);
            if (Benefits.class.getClassLoader().getResource(benefit.paperForm()) == null) {
                faults.add(code + ": no paper form " + benefit.paperForm());
            }
            return benefit;
        }

        private String text(String key) {
            String value = entries.getProperty(code + "." + key);
            if (value == null || value.isBlank()) {
                faults.add(code + "." + key + ": missing");
                return null;
            }
            return value.trim();
        }

        private String screen(String key) {
            String value = text(key);
            if (value != null && !value.matches("#/[a-z-]+/")) {
                faults.add(code + "." + key + ": " + value + " is not a counter's screen (#/name/)");
            }
            return value;
        }

        private int port() {
            String value = text("local-port");
            try {
                int port = value == null ? 0 : Integer.parseInt(value);
                if (value != null && (port < 1024 || port > 65535)) {
                    faults.add(code + ".local-port: " + value + " is not a port from 1024 to 65535");
                }
                return port;
            } catch (NumberFormatException e) {
                faults.add(code + ".local-port: " + value + " is not a number");
                return 0;
            }
        }

        private Map<String, String> notices() {
            Map<String, String> notices = new LinkedHashMap<>();
            for (String pair : list(entries.getProperty(code + ".notices"))) {
                String[] parts = pair.split(":");
                if (parts.length != 2 || !ROLE.matcher(parts[0]).matches() || !ROLE.matcher(parts[1]).matches()) {
                    faults.add(code + ".notices: " + pair + " is not TRANSITION:MOMENT");
                } else {
                    notices.put(parts[0], parts[1]);
                }
            }
            return notices;
        }

        private Benefit.Partner partner() {
            String value = text("partner");
            try {
                return value == null ? null : Benefit.Partner.of(value);
            } catch (IllegalArgumentException e) {
                faults.add(code + ".partner: " + value + " is not treasury or transport-operator");
                return null;
            }
        }

        private Benefit.Figures figures() {
            String value = text("dated-figures");
            try {
                return value == null ? null : Benefit.Figures.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                faults.add(code + ".dated-figures: " + value + " is not none or administered");
                return null;
            }
        }

        private Boolean bool(String key) {
            String value = text(key);
            if (value != null && !value.equals("true") && !value.equals("false")) {
                faults.add(code + "." + key + ": " + value + " is not true or false");
            }
            return Boolean.parseBoolean(value);
        }

        /** The statuses of a queue: required when some role works it, none when nobody does. */
        private List<String> statuses(String key, boolean worked) {
            List<String> statuses = list(entries.getProperty(code + "." + key));
            if (worked && statuses.isEmpty()) {
                faults.add(code + "." + key + ": names no status, and some role works this queue");
            } else if (!worked && !statuses.isEmpty()) {
                faults.add(code + "." + key + ": names statuses, and no role works this queue");
            }
            statuses.stream().filter(status -> !ROLE.matcher(status).matches())
                    .forEach(status -> faults.add(code + "." + key + ": " + status + " is not a status"));
            return statuses;
        }

        private List<String> roles(String key, boolean required) {
            if (!entries.containsKey(code + "." + key)) {
                faults.add(code + "." + key + ": missing");
                return List.of();
            }
            List<String> roles = list(entries.getProperty(code + "." + key));
            if (required && roles.isEmpty()) {
                faults.add(code + "." + key + ": names no role");
            }
            roles.stream().filter(role -> !ROLE.matcher(role).matches())
                    .forEach(role -> faults.add(code + "." + key + ": " + role + " is not a role"));
            return roles;
        }
    }
}
