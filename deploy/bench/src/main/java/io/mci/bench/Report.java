package io.mci.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's report: machine, command, date, load steps, a table per measurement, the ratios against their
 * targets. Written to {@code results/report.md} (pasted into docs/benchmarks.md) beside the raw latencies.
 */
final class Report {

    private final Path out;
    private final Benchmark.Settings settings;
    private final Instant started = Instant.now();
    private final String loadAverageAtStart = loadAverage();
    private final List<String> load = new ArrayList<>();
    private final List<String> dataset = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> ratios = new ArrayList<>();
    private String command;

    Report(Path out, Benchmark.Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    Path raw() {
        return out.resolve("raw");
    }

    void command(String command) {
        this.command = command;
    }

    void load(String what, double seconds) {
        load.add(String.format(Locale.ROOT, "| %s | %.1f s |", what, seconds));
        System.out.println(load.get(load.size() - 1));
    }

    void dataset(String database, long investigations, long alerts, long comments) {
        dataset.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |", database, investigations, alerts, comments));
    }

    void table(String title, List<LoadDriver.Result> rows) {
        StringBuilder b = new StringBuilder("### ").append(title).append("\n\n");
        b.append("| measurement | clients | requests | errors | p50 ms | p90 ms | p99 ms | max ms | req/s |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (LoadDriver.Result r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %,d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", r.name(),
                    r.clients(), r.requests(), r.errors(), r.p50(), r.p90(), r.p99(), r.max(), r.throughput()));
            if (r.firstError() != null) {
                b.append("\nfirst error of ").append(r.name()).append(": `").append(r.firstError().replace('`', '\'')).append("`\n\n");
            }
        }
        sections.add(b.toString());
    }

    void ratio(String what, double value, double target) {
        ratios.add(String.format(Locale.ROOT, "| %s | %.2f | at most %.1f | %s |", what, value, target,
                value <= target ? "met" : "**missed**"));
    }

    /** A figure that is not a target but explains one. */
    void note(String text) {
        ratios.add("| " + text + " | | | |");
    }

    void delayed(String region, Duration delay, Duration deadline, double p50, double p99, double max) {
        double limit = deadline.toMillis() + 100;
        sections.add(String.format(Locale.ROOT, "### 7. Region %s delayed by %d ms (proxy), aggregator deadline %d ms: "
                + "time to the partial answer (20 sequential requests)%n%n| p50 ms | p99 ms | max ms |%n| --- | --- | --- |%n"
                + "| %.1f | %.1f | %.1f |%n", region, delay.toMillis(), deadline.toMillis(), p50, p99, max));
        ratios.add(String.format(Locale.ROOT, "| partial answer with %s delayed %d ms: max ms | %.1f | at most %.0f (deadline + 100) | %s |",
                region, delay.toMillis(), max, limit, max <= limit ? "met" : "**missed**"));
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append("## Run of ").append(started.truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        b.append("- command: `").append(command).append("`\n");
        b.append("- machine: ").append(machine()).append('\n');
        b.append("- load average at start ").append(loadAverageAtStart).append(", at end ").append(loadAverage()).append('\n');
        b.append(String.format(Locale.ROOT, "- settings: %d s of every request before the first measurement, then per "
                + "measurement %d s warm-up and %d s measured (%d s for 32 clients); cursor depth %d pages%n",
                settings.jitWarmup().toSeconds(), settings.warmup().toSeconds(), settings.duration().toSeconds(),
                settings.longDuration().toSeconds(), settings.pagesDeep()));
        b.append("- took ").append(Duration.between(started, Instant.now()).toMinutes()).append(" min\n\n");
        b.append("### Load\n\n| step | took |\n| --- | --- |\n");
        load.forEach(l -> b.append(l).append('\n'));
        b.append("\n### Dataset\n\n| database | investigations | alerts | comments |\n| --- | --- | --- | --- |\n");
        dataset.forEach(l -> b.append(l).append('\n'));
        b.append("\n### Targets\n\n| ratio | value | target | |\n| --- | --- | --- | --- |\n");
        ratios.forEach(l -> b.append(l).append('\n'));
        b.append('\n');
        sections.forEach(s -> b.append(s).append('\n'));
        return b.toString();
    }

    void write() {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.md"), render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            // not Linux: leave it out
        }
        long memGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return rt.availableProcessors() + " cores (" + cpu + "), " + memGiB + " GiB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version") + "; every process "
                + "(3 regional services, entitlement, aggregator, Keycloak, 5 PostgreSQL, the load driver) on this machine";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
