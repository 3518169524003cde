package fr.paris.casvp.guichet.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the machine's CPU goes during a benchmark, by component of the local run: each process's CPU time (user and
 * system, from {@code /proc/<pid>/stat}) at the start and the end of a phase. A JVM of the suite is named by its
 * {@code -Dguichet.component=}, PostgreSQL's processes are summed, this JVM is the load generator. Linux only: elsewhere
 * the snapshot is empty and nothing is reported.
 */
final class CpuByComponent {

    private static final Pattern COMPONENT = Pattern.compile("-Dguichet\\.component=([a-z-]+)");
    private static final long SELF = ProcessHandle.current().pid();
    /** Linux's clock ticks per second ({@code getconf CLK_TCK}), 100 on every kernel this runs on. */
    private static final double TICKS = 100;

    private final Map<String, Double> seconds;
    private final long nanos;

    private CpuByComponent(Map<String, Double> seconds, long nanos) {
        this.seconds = seconds;
        this.nanos = nanos;
    }

    static CpuByComponent now() {
        Map<String, Double> seconds = new TreeMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(process -> {
                String component = component(process);
                Double cpu = cpuSeconds(process);
                if (component != null && cpu != null) {
                    seconds.merge(component, cpu, Double::sum);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return new CpuByComponent(Map.of(), System.nanoTime());
        }
        return new CpuByComponent(seconds, System.nanoTime());
    }

    /** From this snapshot to a later one: a Markdown table, the busiest first; empty when nothing was read. */
    String tableUntil(CpuByComponent end) {
        double elapsed = (end.nanos - nanos) / 1e9;
        Map<String, Double> used = new TreeMap<>();
        end.seconds.forEach((component, cpu) -> used.put(component, cpu - seconds.getOrDefault(component, 0.0)));
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        if (used.isEmpty() || total <= 0) {
            return "";
        }
        StringBuilder table = new StringBuilder("| component | CPU s | share | cores |\n|---|---|---|---|\n");
        used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> table.append("| %s | %.1f | %.0f %% | %.2f |%n".formatted(e.getKey(), e.getValue(),
                        100 * e.getValue() / total, e.getValue() / elapsed)));
        return table.append("| all | %.1f | 100 %% | %.2f |%n".formatted(total, total / elapsed)).toString();
    }

    private static String component(Path process) {
        String commandLine = read(process.resolve("cmdline"));
        if (commandLine == null || commandLine.isEmpty()) {
            return null;
        }
        if (process.getFileName().toString().equals(Long.toString(SELF))) {
            return "load generator";
        }
        Matcher component = COMPONENT.matcher(commandLine);
        if (component.find()) {
            return component.group(1);
        }
        return commandLine.startsWith("postgres") || commandLine.contains("/bin/postgres") ? "postgres" : "other";
    }

    private static Double cpuSeconds(Path process) {
        String stat = read(process.resolve("stat"));
        if (stat == null) {
            return null;
        }
        // After the command's name (in parentheses, which may hold spaces): state is field 3, utime 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return null; // the process ended meanwhile, or is not ours to read
        }
    }
}
