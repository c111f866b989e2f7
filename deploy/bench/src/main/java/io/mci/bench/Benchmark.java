package io.mci.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.mci.local.Http;
import io.mci.local.LocalSystem;

/**
 * {@code deploy/bench/run.sh}: the reproducible benchmark of the federated view (docs/benchmarks.md).
 *
 * <p>Starts the local system (3 regions) on free ports with a fresh state under {@code deploy/bench/target/}, plus a
 * centralized store (one more PostgreSQL and one more regional service, same code) and, for the delayed-region
 * case, a second aggregator whose {@code ap} region sits behind a proxy that holds each request for 2 s. Loads the
 * dataset, warms up, measures, and writes the report and the raw latencies under {@code deploy/bench/target/}.
 */
public final class Benchmark {

    /** The benchmark's settings; {@code --quick} shrinks everything for a smoke run of the command itself. */
    record Settings(int customers, long investigations, int scaleCustomers, long scalePerCustomer, Duration jitWarmup,
            Duration warmup, Duration duration, Duration longDuration, int pagesDeep, Duration regionDelay,
            Duration delayedDeadline) {

        static Settings parse(String[] args) {
            boolean quick = List.of(args).contains("--quick");
            return quick
                    ? new Settings(100, 30_000, 1_000, 20, Duration.ofSeconds(5), Duration.ofSeconds(2),
                            Duration.ofSeconds(5), Duration.ofSeconds(10), 50, Duration.ofSeconds(2), Duration.ofSeconds(1))
                    : new Settings(1_000, 1_000_000, 10_000, 100, Duration.ofSeconds(90), Duration.ofSeconds(10),
                            Duration.ofSeconds(30), Duration.ofSeconds(60), 500, Duration.ofSeconds(2), Duration.ofSeconds(1));
        }
    }

    private static final String CENTRAL = "central";
    private static final String LIST = "/idr/v2/investigations?multi-customer=true&size=100&sort=priority,DESC";

    private final Settings settings;
    private final LocalSystem system;
    private final BenchWorld world;
    private final LoadDriver driver;
    private final Report report;
    private final BenchWorld.Tokens tokens;
    private String centralUrl;

    private Benchmark(Settings settings, LocalSystem system, Path out) {
        this.settings = settings;
        this.system = system;
        this.world = new BenchWorld(system);
        this.driver = new LoadDriver(out.resolve("raw"));
        this.report = new Report(out, settings);
        this.tokens = new BenchWorld.Tokens(system);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Path root = Path.of(System.getProperty("mci.root", ".")).toAbsolutePath().normalize();
        Path base = root.resolve("deploy/bench/target");
        Path state = base.resolve("state");
        Path out = base.resolve("results");
        deleteTree(state);
        deleteTree(out);
        Files.createDirectories(out);
        LocalSystem.Options options = LocalSystem.Options.defaults(root).withState(state, false);
        System.out.println("Benchmark: starting the system (logs in " + state.resolve("logs") + ") ...");
        try (LocalSystem system = new LocalSystem(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "bench-stop"));
            system.start();
            new Benchmark(settings, system, out).run(args);
        }
    }

    private void run(String[] args) throws Exception {
        report.command("deploy/bench/run.sh" + (args.length == 0 ? "" : " " + String.join(" ", args)));
        int scaleAnalyst = settings.scaleCustomers();
        List<Integer> scopes = List.of(10, 100, settings.customers(), scaleAnalyst).stream().distinct().sorted().toList();
        List<Integer> firstScopes = scopes.stream().filter(n -> n <= settings.customers()).toList();

        // ---- Load: the partner with 1,000 customers and their investigations.
        long t0 = System.nanoTime();
        world.registerEntitlements(0, settings.customers(), firstScopes, 6);
        report.load("entitlements: partner, " + settings.customers() + " customers (licensed, associated, approved), "
                + "analysts granted " + firstScopes + " customers, all through the entitlement API", seconds(t0));
        long t1 = System.nanoTime();
        Map<String, String> generated = world.generate(0, settings.customers(), settings.investigations() / settings.customers(), 7L);
        report.load("investigations of customers 0.." + (settings.customers() - 1) + " by each region's generator, regions in parallel: "
                + generated, seconds(t1));

        // ---- The centralized store: one more PostgreSQL and regional service holding all rows of the three regions.
        long t2 = System.nanoTime();
        try (RegistryStub registry = new RegistryStub(BenchWorld.firstCustomers(settings.scaleCustomers()), CENTRAL)) {
            centralUrl = system.startExtraRegionalService(CENTRAL, CENTRAL,
                    Map.of("quarkus.rest-client.entitlement.url", registry.url()));
            Map<String, Long> copied = world.copyToCentral(CENTRAL);
            report.load("centralized copy (binary COPY, indexes rebuilt): " + copied, seconds(t2));
            long t3 = System.nanoTime();
            List<String> databases = new ArrayList<>(system.regions());
            databases.add(CENTRAL);
            world.vacuumAnalyze(databases);
            report.load("VACUUM ANALYZE of the 3 regions and the centralized database", seconds(t3));
            for (String db : databases) {
                report.dataset(db, world.count(db, "investigation"), world.count(db, "alert"), world.count(db, "comment"));
            }

            phaseA();
        }

        // ---- Scale: the dataset grows to 10,000 customers.
        long t5 = System.nanoTime();
        world.registerEntitlements(settings.customers(), settings.scaleCustomers(), List.of(scaleAnalyst), 6);
        report.load("growth: customers " + settings.customers() + ".." + (settings.scaleCustomers() - 1)
                + " registered, analyst granted " + scaleAnalyst + " customers, through the entitlement API", seconds(t5));
        long t4 = System.nanoTime();
        Map<String, String> grown = world.generate(settings.customers(), settings.scaleCustomers(), settings.scalePerCustomer(), 11L);
        world.vacuumAnalyze(system.regions());
        report.load("growth: " + settings.scalePerCustomer() + " investigations for each of customers " + settings.customers()
                + ".." + (settings.scaleCustomers() - 1) + " + VACUUM ANALYZE: " + grown, seconds(t4));
        for (String region : system.regions()) {
            report.dataset(region + " (grown)", world.count(region, "investigation"), world.count(region, "alert"),
                    world.count(region, "comment"));
        }
        scale(scopes);
        report.write();
        System.out.println(report.render());
    }

    /** Everything measured on the 1,000-customer dataset. */
    private void phaseA() throws IOException {
        String analyst = "bench-" + settings.customers();
        String aggregator = system.aggregatorUrl();
        Supplier<HttpRequest> federated = () -> get(aggregator + LIST, tokens.of(analyst));
        Instant now = Instant.now();
        Instant from = now.minus(28, ChronoUnit.DAYS);
        Map<String, Supplier<HttpRequest>> regionQueries = new LinkedHashMap<>();
        Map<String, Supplier<HttpRequest>> countQueries = new LinkedHashMap<>();
        for (String region : system.regions()) {
            String body = queryBody(world.firstCustomersIn(region, settings.customers()), from, now);
            regionQueries.put(region, () -> post(system.regionUrl(region) + "/regional/v1/investigations/query",
                    serviceToken(), body));
            String counts = Http.JSON.writeValueAsString(Map.of("customer_ids", world.firstCustomersIn(region, settings.customers())));
            countQueries.put(region, () -> post(system.regionUrl(region) + "/regional/v1/investigations/counts",
                    serviceToken(), counts));
        }
        String centralBody = queryBody(BenchWorld.firstCustomers(settings.customers()), from, now);
        Supplier<HttpRequest> centralQuery = () -> post(centralUrl + "/regional/v1/investigations/query", serviceToken(),
                centralBody);
        Supplier<HttpRequest> customersView = () -> get(aggregator + "/mci/v1/customers", tokens.of(analyst));

        // 0. Warm-up: every request of this phase, round robin from 4 clients, so that every JVM has compiled its hot
        // paths before the first figure is taken (the first measurement of an earlier run was 2x its later repeat).
        List<Supplier<HttpRequest>> all = new ArrayList<>(List.of(federated, customersView, centralQuery));
        all.addAll(regionQueries.values());
        all.addAll(countQueries.values());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        measure("warm-up-all-requests-c4", 4, settings.jitWarmup(), LoadDriver.request(
                () -> all.get(Math.floorMod(next.getAndIncrement(), all.size())).get(), LoadDriver.Check.COMPLETE_200));

        // 1-3. The federated list and what it is compared with, measured in turns (see LoadDriver.interleaved): the
        // list at 1 client, the same query straight to each region, to the three at once (the floor this machine
        // gives a fan-out, no aggregator), and on the centralized store.
        List<LoadDriver.Named> floorGroup = new ArrayList<>();
        floorGroup.add(named("federated-list-c1", federated));
        regionQueries.forEach((region, query) -> floorGroup.add(named("region-" + region + "-c1", query)));
        floorGroup.add(new LoadDriver.Named("regions-all-at-once-c1",
                LoadDriver.allAtOnce(List.copyOf(regionQueries.values()), LoadDriver.Check.COMPLETE_200)));
        floorGroup.add(named("central-c1", centralQuery));
        List<LoadDriver.Result> floorResults = inTurns(floorGroup);
        LoadDriver.Result f1 = floorResults.get(0);
        List<LoadDriver.Result> floors = floorResults.subList(1, 1 + regionQueries.size());
        LoadDriver.Result together = floorResults.get(1 + regionQueries.size());
        LoadDriver.Result central = floorResults.get(floorResults.size() - 1);

        LoadDriver.Result f8 = measure("federated-list-c8", 8, settings.duration(), federated);
        LoadDriver.Result f32 = measure("federated-list-c32", 32, settings.longDuration(), federated);
        report.table("1. Federated list (`" + LIST + "`, analyst entitled to " + settings.customers() + " customers)",
                List.of(f1, f8, f32));

        LoadDriver.Result slowest = floors.stream().max(Comparator.comparingDouble(LoadDriver.Result::p50)).orElseThrow();
        List<LoadDriver.Result> floorRows = new ArrayList<>(floors);
        floorRows.add(together);
        report.table("2. The floor: the same query sent straight to each regional service, one region at a time, "
                + "and to the three at once (1 client; in turns with 1. and 3.)", floorRows);
        report.ratio("federated p50 / slowest region p50", f1.p50() / slowest.p50(), 1.2);
        report.note("federated p50 / p50 of the three regions queried at once without the aggregator: "
                + String.format(java.util.Locale.ROOT, "%.2f", f1.p50() / together.p50()));

        report.table("3. Centralized: the same query on one PostgreSQL holding every row (1 client; in turns with 1. and 2.)",
                List.of(central));
        report.ratio("federated p50 / centralized p50", f1.p50() / central.p50(), 1.5);

        // 4. Deep paging by cursor: page 1 against page N, in turns.
        String deepCursor = cursorOfPage(aggregator, analyst, settings.pagesDeep());
        String deepUrl = aggregator + LIST + "&cursor=" + URLEncoder.encode(deepCursor, StandardCharsets.UTF_8);
        List<LoadDriver.Result> pages = inTurns(List.of(named("cursor-page-1-c1", federated),
                named("cursor-page-" + settings.pagesDeep() + "-c1", () -> get(deepUrl, tokens.of(analyst)))));
        report.table("4. Deep paging: page 1 and cursor page " + settings.pagesDeep() + " (size 100, 1 client, in turns)", pages);
        report.ratio("cursor page " + settings.pagesDeep() + " p50 / page 1 p50", pages.get(1).p50() / pages.get(0).p50(), 1.3);

        // 6. The Customers view against the same counts query sent straight to each region, and to the three at once.
        List<LoadDriver.Named> viewGroup = new ArrayList<>();
        viewGroup.add(named("customers-view-c1", customersView));
        countQueries.forEach((region, count) -> viewGroup.add(named("counts-" + region + "-c1", count)));
        viewGroup.add(new LoadDriver.Named("counts-all-at-once-c1",
                LoadDriver.allAtOnce(List.copyOf(countQueries.values()), LoadDriver.Check.COMPLETE_200)));
        List<LoadDriver.Result> viewRows = inTurns(viewGroup);
        LoadDriver.Result view = viewRows.get(0);
        List<LoadDriver.Result> counts = viewRows.subList(1, 1 + countQueries.size());
        LoadDriver.Result countsTogether = viewRows.get(viewRows.size() - 1);
        report.table("6. Customers view (open investigations per priority, " + settings.customers()
                + " customers) and the counts query straight to each region, one at a time and the three at once "
                + "(1 client, in turns)", viewRows);
        LoadDriver.Result slowestCounts = counts.stream().max(Comparator.comparingDouble(LoadDriver.Result::p50)).orElseThrow();
        report.ratio("Customers view p50 / slowest region's counts p50", view.p50() / slowestCounts.p50(), 1.3);
        report.note("Customers view p50 / p50 of the three regions' counts at once without the aggregator: "
                + String.format(java.util.Locale.ROOT, "%.2f", view.p50() / countsTogether.p50()));

        // 7. One region delayed by 2 s behind a proxy: a second aggregator with a 1 s deadline.
        delayedRegion(analyst);
    }

    private void delayedRegion(String analyst) throws IOException {
        String delayedRegion = "ap";
        int regionPort = URI.create(system.regionUrl(delayedRegion)).getPort();
        try (DelayProxy proxy = new DelayProxy(regionPort, settings.regionDelay())) {
            String url = system.startExtraAggregator("aggregator-delayed", Map.of(
                    "mci.regions." + delayedRegion + ".url", proxy.url(),
                    "mci.fanout.deadline", settings.delayedDeadline().toString(),
                    // Every request times out in ap here: keep the breaker out of the way so each one waits the deadline.
                    "mci.breaker.request-volume-threshold", "1000000"));
            LoadDriver.Check partialNamingAp = (status, body) -> status != 200 ? "status " + status
                    : !LoadDriver.contains(body, "\"partial\":true") ? "not partial"
                    : !LoadDriver.contains(body, "{\"region\":\"" + delayedRegion + "\",\"status\":\"timeout\"") ? "ap not timeout: "
                            + LoadDriver.text(body, 400) : null;
            HttpClient http = LoadDriver.client();
            LoadDriver.sequential(http, () -> get(url + LIST, tokens.of(analyst)), 3, partialNamingAp); // warm-up
            double[] ms = LoadDriver.sequential(http, () -> get(url + LIST, tokens.of(analyst)), 20, partialNamingAp);
            Files.writeString(report.raw().resolve("delayed-region.latencies.txt"), "# time to the partial answer, ms\n"
                    + String.join("\n", Stream.of(ms).flatMapToDouble(java.util.Arrays::stream).mapToObj(d -> String.format("%.3f", d)).toList()) + "\n");
            report.delayed(delayedRegion, settings.regionDelay(), settings.delayedDeadline(), LoadDriver.percentile(ms, 50),
                    LoadDriver.percentile(ms, 99), ms[ms.length - 1]);
        }
    }

    /** 5. p50 of the federated list for analysts entitled to 10, 100, 1,000 and 10,000 customers. */
    private void scale(List<Integer> scopes) {
        List<LoadDriver.Named> group = new ArrayList<>();
        for (int scope : scopes) {
            String analyst = "bench-" + scope;
            group.add(named("scale-" + scope + "-customers-c1", () -> get(system.aggregatorUrl() + LIST, tokens.of(analyst))));
        }
        List<LoadDriver.Result> results = inTurns(group);
        report.table("5. Scale: the federated list for analysts entitled to 10, 100, 1,000 and 10,000 customers "
                + "(dataset grown to " + settings.scaleCustomers() + " customers, 1 client, in turns)", results);
        report.ratio("p50 at " + scopes.get(scopes.size() - 1) + " customers / p50 at " + scopes.get(0) + " customers",
                results.get(results.size() - 1).p50() / results.get(0).p50(), 3.0);
    }

    private static LoadDriver.Named named(String name, Supplier<HttpRequest> request) {
        return new LoadDriver.Named(name, LoadDriver.request(request, LoadDriver.Check.COMPLETE_200));
    }

    /** The calls measured in 3 s turns, each for the measurement duration in all, after its own warm-up (1 client). */
    private List<LoadDriver.Result> inTurns(List<LoadDriver.Named> calls) {
        System.out.printf("  measuring in turns: %s (1 client, %d s each + %d s warm-up) ...%n",
                calls.stream().map(LoadDriver.Named::name).toList(), settings.duration().toSeconds(), settings.warmup().toSeconds());
        List<LoadDriver.Result> results = driver.interleaved(calls, 1, settings.warmup(), settings.duration(), Duration.ofSeconds(3));
        results.forEach(r -> System.out.printf("    %s: p50 %.1f ms, p99 %.1f ms, %d errors%s%n", r.name(), r.p50(), r.p99(),
                r.errors(), r.firstError() == null ? "" : " (first: " + r.firstError() + ")"));
        return results;
    }

    private LoadDriver.Result measure(String name, int clients, Duration duration, Supplier<HttpRequest> request) {
        return measure(name, clients, duration, LoadDriver.request(request, LoadDriver.Check.COMPLETE_200));
    }

    private LoadDriver.Result measure(String name, int clients, Duration duration, LoadDriver.Call call) {
        System.out.printf("  measuring %s (%d client(s), %d s + %d s warm-up) ...%n", name, clients, duration.toSeconds(),
                settings.warmup().toSeconds());
        LoadDriver.Result r = driver.run(name, clients, settings.warmup(), duration, call);
        System.out.printf("    p50 %.1f ms, p99 %.1f ms, %.1f req/s, %d errors%s%n", r.p50(), r.p99(), r.throughput(),
                r.errors(), r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
        return r;
    }

    /** Walks the cursor pages of the federated list; the cursor that gets page {@code page}. */
    private String cursorOfPage(String aggregator, String analyst, int page) throws IOException {
        HttpClient http = LoadDriver.client();
        String cursor = null;
        for (int p = 1; p < page; p++) {
            String url = aggregator + LIST + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> r = http.send(get(url, tokens.of(analyst)), HttpResponse.BodyHandlers.ofString());
                JsonNode json = Http.JSON.readTree(r.body());
                JsonNode next = json.at("/metadata/next_cursor");
                if (r.statusCode() != 200 || next.isMissingNode() || next.isNull()) {
                    throw new IllegalStateException("page " + p + " has no next cursor: " + r.statusCode());
                }
                cursor = next.asText();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return cursor;
    }

    private String serviceToken() {
        return tokens.service();
    }

    private static String queryBody(List<UUID> customers, Instant from, Instant to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_ids", customers);
        body.put("created_from", from.truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("created_to", to.truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("sort", Map.of("field", "priority", "order", "DESC"));
        body.put("limit", 100);
        body.put("include_total", true);
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
