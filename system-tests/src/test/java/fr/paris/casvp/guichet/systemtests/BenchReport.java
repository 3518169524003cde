package fr.paris.casvp.guichet.systemtests;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes the benchmarks' results into {@code docs/benchmarks.md}: each scenario owns the section between
 * {@code <!-- bench:<id> -->} and {@code <!-- /bench:<id> -->} (replaced when it runs again, added at the end the first
 * time), and its plots go to {@code docs/benchmarks/<id>-*.png}. Running one scenario so leaves the others' figures as
 * they were measured, each with its own date.
 */
final class BenchReport {

    private static final Path ROOT = Path.of(System.getProperty("guichet.root", "..")).toAbsolutePath().normalize();
    /** Where the sections and plots go: {@code docs/}, unless a smoke run sent them to its own folder. */
    private static volatile Path doc = ROOT.resolve("docs/benchmarks.md");
    private static volatile Path plots = ROOT.resolve("docs/benchmarks");

    /** Told apart on white and in grey: blue, orange, green, red (Okabe-Ito's). */
    private static final List<Color> COLOURS = List.of(new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(213, 94, 0));

    private BenchReport() {
    }

    /** Sends the sections and plots to {@code folder} instead of {@code docs/} (a smoke run: its figures mean nothing). */
    static void writeInto(Path folder) {
        doc = folder.resolve("benchmarks.md");
        plots = folder.resolve("benchmarks");
    }

    /** Replaces (or adds) the scenario's section. */
    static synchronized void section(String id, String markdown) throws IOException {
        String begin = "<!-- bench:" + id + " -->";
        String end = "<!-- /bench:" + id + " -->";
        String block = begin + "\n" + markdown.strip() + "\n" + end;
        Files.createDirectories(doc.getParent());
        String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
        Matcher existing = Pattern.compile(Pattern.quote(begin) + ".*?" + Pattern.quote(end), Pattern.DOTALL).matcher(text);
        text = existing.find() ? text.substring(0, existing.start()) + block + text.substring(existing.end())
                : text.stripTrailing() + "\n\n" + block + "\n";
        Files.writeString(doc, text);
        System.out.println(block);
    }

    /** Where and when: the machine the figures come from (the suite and the load generator share it). */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return "%s; %d cores (%s), %.0f GiB; Java %s; the whole suite and the load generator on the same machine".formatted(
                ZonedDateTime.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                runtime.availableProcessors(), cpuModel(), memory / (1024.0 * 1024 * 1024), System.getProperty("java.version"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException unreadable) {
            return "unknown CPU";
        }
    }

    /** A table row of a tally: served, refused, failed, latency percentiles of the served, of the refused, statuses. */
    static String row(String name, OpenLoad.Tally tally, double seconds) {
        StringBuilder statuses = new StringBuilder();
        tally.statuses().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(status -> statuses
                .append(statuses.isEmpty() ? "" : ", ").append(status.getKey() == 0 ? "no answer" : status.getKey())
                .append(" × ").append(status.getValue()));
        return "| %s | %d | %d (%.0f/s) | %d | %d | %.1f | %.1f | %.1f | %s | %s |".formatted(name, tally.total(), tally.served(),
                tally.served() / seconds, tally.refused(), tally.failed(), tally.servedMs(50), tally.servedMs(99),
                tally.servedMs(99.9), tally.refused() == 0 ? "—" : "%.1f".formatted(tally.refusedMs(99)), statuses);
    }

    static final String HEADER = """
            | requests | sent | served | refused (429/503) | failed | p50 ms | p99 ms | p99.9 ms | refusal p99 ms | statuses |
            |---|---|---|---|---|---|---|---|---|---|""";

    /**
     * Two plots of a run, second by second: latency of the served requests (p50, p99; log scale) and the rates
     * (offered, served, refused). Returns the markdown that shows them.
     */
    static String timeline(String id, OpenLoad.Result result) throws IOException {
        XYSeries p50 = new XYSeries("p50");
        XYSeries p99 = new XYSeries("p99");
        XYSeries offered = new XYSeries("offered");
        XYSeries served = new XYSeries("served");
        XYSeries refused = new XYSeries("refused (429/503)");
        XYSeries failed = new XYSeries("failed");
        for (Map.Entry<Integer, OpenLoad.Tally> second : result.bySecond().entrySet()) {
            OpenLoad.Tally tally = second.getValue();
            if (tally.served() > 0) {
                p50.add(second.getKey().doubleValue(), Math.max(0.1, tally.servedMs(50)));
                p99.add(second.getKey().doubleValue(), Math.max(0.1, tally.servedMs(99)));
            }
            offered.add(second.getKey().doubleValue(), tally.total());
            served.add(second.getKey().doubleValue(), tally.served());
            refused.add(second.getKey().doubleValue(), tally.refused());
            failed.add(second.getKey().doubleValue(), tally.failed());
        }
        JFreeChart latency = chart("Latency of the served requests, by second of their scheduled start", "second of the run",
                "ms (log scale)", List.of(p50, p99));
        ((XYPlot) latency.getPlot()).setRangeAxis(new LogarithmicAxis("ms (log scale)"));
        JFreeChart rates = chart("Requests per second, by second of their scheduled start", "second of the run",
                "requests/s", List.of(offered, served, refused, failed));
        save(latency, id + "-latency.png");
        save(rates, id + "-rates.png");
        return "| latency over time | rates over time |\n|---|---|\n| ![latency](benchmarks/%s-latency.png) | ![rates](benchmarks/%s-rates.png) |"
                .formatted(id, id);
    }

    /** Throughput (served per second) and p99 against the offered rate, one point per phase. */
    static String againstOfferedLoad(String id, OpenLoad.Result result) throws IOException {
        XYSeries served = new XYSeries("served/s");
        XYSeries ideal = new XYSeries("offered/s");
        XYSeries p99 = new XYSeries("p99 ms");
        for (OpenLoad.Phase phase : result.phases()) {
            OpenLoad.Tally tally = result.phase(phase.name());
            double seconds = phase.length().toMillis() / 1000.0;
            served.add(phase.perSecond(), tally.served() / seconds);
            ideal.add(phase.perSecond(), phase.perSecond());
            if (tally.served() > 0) {
                p99.add(phase.perSecond(), tally.servedMs(99));
            }
        }
        save(chart("Served against offered", "offered requests/s", "served requests/s", List.of(ideal, served)), id + "-throughput.png");
        JFreeChart latency = chart("p99 of the served against offered", "offered requests/s", "ms (log scale)", List.of(p99));
        ((XYPlot) latency.getPlot()).setRangeAxis(new LogarithmicAxis("ms (log scale)"));
        save(latency, id + "-p99.png");
        return "| throughput against offered load | p99 against offered load |\n|---|---|\n"
                + "| ![throughput](benchmarks/%s-throughput.png) | ![p99](benchmarks/%s-p99.png) |".formatted(id, id);
    }

    private static JFreeChart chart(String title, String x, String y, List<XYSeries> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, series.size() == 1 || series.get(0).getItemCount() < 20);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
            renderer.setSeriesPaint(i, COLOURS.get(i % COLOURS.size()));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    private static void save(JFreeChart chart, String name) throws IOException {
        Files.createDirectories(plots);
        ChartUtils.saveChartAsPNG(plots.resolve(name).toFile(), chart, 800, 420);
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
