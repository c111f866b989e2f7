package io.mci.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole federated system on one machine: a PostgreSQL per region and one for entitlements, Keycloak,
 * the entitlement service, one regional service per region and the aggregator, each its own process and
 * each talking real HTTP. Used by {@code deploy/local/run.sh} (fixed ports, data kept between runs) and by
 * the whole-system tests (free ports, fresh data).
 */
public final class LocalSystem implements AutoCloseable {

    /** Service client secrets of the local realm (deploy/keycloak/mci-realm.json). */
    static final String AGGREGATOR_CLIENT = "mci-aggregator";
    static final String AGGREGATOR_SECRET = "mci-aggregator-secret";
    static final String REGIONAL_CLIENT = "mci-regional";
    static final String REGIONAL_SECRET = "mci-regional-secret";

    /**
     * How to run it.
     *
     * @param root         the repository root (service builds and deploy/ are found from it)
     * @param state        where data folders and logs go
     * @param keycloakHome the unpacked Keycloak distribution
     * @param regions      region ids, e.g. us, eu, ap
     * @param fixedPorts   the documented ports (local run) or free ports (tests)
     * @param jvmOptions   options for every service JVM
     * @param extraConfig  per-component extra system properties (component name -> key -> value)
     * @param extraJvmOptions per-component extra JVM options (component name -> options)
     */
    public record Options(Path root, Path state, Path keycloakHome, List<String> regions, boolean fixedPorts,
            List<String> jvmOptions, Map<String, Map<String, String>> extraConfig,
            Map<String, List<String>> extraJvmOptions) {

        public static Options defaults(Path root) {
            return new Options(root, root.resolve("deploy/local/.run"),
                    root.resolve("deploy/local/target/keycloak/keycloak-26.5.6"), List.of("us", "eu", "ap"), true,
                    List.of("-Xmx384m", "-XX:+UseSerialGC"), Map.of(), Map.of());
        }

        public Options withState(Path newState, boolean fixed) {
            return new Options(root, newState, keycloakHome, regions, fixed, jvmOptions, extraConfig, extraJvmOptions);
        }

        public Options withExtraConfig(Map<String, Map<String, String>> extra) {
            return new Options(root, state, keycloakHome, regions, fixedPorts, jvmOptions, extra, extraJvmOptions);
        }

        public Options withExtraJvmOptions(Map<String, List<String>> extra) {
            return new Options(root, state, keycloakHome, regions, fixedPorts, jvmOptions, extraConfig, extra);
        }

        Path logs() {
            return state.resolve("logs");
        }

        Path data() {
            return state.resolve("data");
        }
    }

    private final Options options;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, PostgresNode> databases = new LinkedHashMap<>();
    private final Map<String, ServiceNode> regionServices = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> regionConfig = new HashMap<>();
    private KeycloakNode keycloak;
    private ServiceNode entitlement;
    private ServiceNode aggregator;

    public LocalSystem(Options options) {
        this.options = options;
    }

    /** Starts everything, in parallel where the dependencies allow; on failure stops what started. */
    public LocalSystem start() {
        try {
            int kcPort = port(8180);
            int kcManagementPort = port(9180);
            CompletableFuture<KeycloakNode> kc = CompletableFuture.supplyAsync(() -> KeycloakNode.start(
                    options.keycloakHome(), options.root().resolve("deploy/keycloak/mci-realm.json"), kcPort,
                    kcManagementPort, options.logs(), Duration.ofMinutes(3)));
            int pgPort = 5441;
            databases.put("entitlement", startPostgres("entitlement", port(pgPort++)));
            for (String region : options.regions()) {
                databases.put(region, startPostgres(region, port(pgPort++)));
            }
            keycloak = kc.join();
            started.add(keycloak);

            entitlement = startService("entitlement", "entitlement-service", port(8081), entitlementConfig());
            int regionPort = 8091;
            for (String region : options.regions()) {
                int p = port(regionPort++);
                regionServices.put(region, startService("regional-" + region, "regional-investigation-service", p,
                        regionalConfig(region)));
            }
            aggregator = startService("aggregator", "aggregator-service", port(8080), aggregatorConfig());
            Duration timeout = Duration.ofMinutes(3);
            entitlement.awaitReady(timeout);
            for (ServiceNode node : regionServices.values()) {
                node.awaitReady(timeout);
            }
            aggregator.awaitReady(timeout);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e instanceof java.util.concurrent.CompletionException c && c.getCause() instanceof RuntimeException r
                    ? r : e;
        }
    }

    private int port(int fixed) {
        return options.fixedPorts() ? fixed : Ports.free();
    }

    private PostgresNode startPostgres(String name, int port) {
        PostgresNode node = PostgresNode.start(name, options.data().resolve("postgres-" + name),
                options.state().resolve("pg-binaries"), port, "mci_" + name);
        started.add(node);
        return node;
    }

    private ServiceNode startService(String name, String module, int port, Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        all.putAll(options.extraConfig().getOrDefault(name, Map.of()));
        List<String> jvm = new ArrayList<>(options.jvmOptions());
        jvm.addAll(options.extraJvmOptions().getOrDefault(name, List.of()));
        ServiceNode node = ServiceNode.start(name, options.root().resolve(module + "/target/quarkus-app/quarkus-run.jar"),
                port, all, options.state().resolve("work/" + name), options.logs(), jvm);
        started.add(node);
        return node;
    }

    private Map<String, String> oidc() {
        return Map.of("quarkus.oidc.auth-server-url", keycloak.issuer());
    }

    private Map<String, String> entitlementConfig() {
        Map<String, String> c = new HashMap<>(oidc());
        c.putAll(databases.get("entitlement").quarkusDatasource());
        return c;
    }

    private Map<String, String> regionalConfig(String region) {
        Map<String, String> c = regionalConfig(region, databases.get(region));
        regionConfig.put(region, c);
        return c;
    }

    private Map<String, String> regionalConfig(String region, PostgresNode db) {
        Map<String, String> c = new HashMap<>(oidc());
        c.putAll(db.quarkusDatasource());
        c.put("mci.region.id", region);
        c.put("mci.synthetic.enabled", "true");
        c.put("quarkus.rest-client.entitlement.url", entitlement.url());
        c.put("quarkus.oidc-client.auth-server-url", keycloak.issuer());
        c.put("quarkus.oidc-client.client-id", REGIONAL_CLIENT);
        c.put("quarkus.oidc-client.credentials.secret", REGIONAL_SECRET);
        return c;
    }

    private Map<String, String> aggregatorConfig() {
        Map<String, String> c = new HashMap<>(oidc());
        c.put("quarkus.rest-client.entitlement.url", entitlement.url());
        c.put("quarkus.oidc-client.auth-server-url", keycloak.issuer());
        c.put("quarkus.oidc-client.client-id", AGGREGATOR_CLIENT);
        c.put("quarkus.oidc-client.credentials.secret", AGGREGATOR_SECRET);
        regionServices.forEach((region, node) -> c.put("mci.regions." + region + ".url", node.url()));
        return c;
    }

    /**
     * Starts one more PostgreSQL (data folder of its own) and one more regional service on it, beside the regions
     * of the topology and not known to the aggregator: the benchmark's centralized store runs the same regional code
     * this way. {@code extraConfig} overrides the regional settings (e.g. another customer registry).
     *
     * @return the new service's base URL
     */
    public String startExtraRegionalService(String name, String regionId, Map<String, String> extraConfig) {
        PostgresNode db = startPostgres(name, Ports.free());
        databases.put(name, db);
        Map<String, String> c = regionalConfig(regionId, db);
        c.putAll(extraConfig);
        ServiceNode node = startService("regional-" + name, "regional-investigation-service", Ports.free(), c);
        node.awaitReady(Duration.ofMinutes(3));
        return node.url();
    }

    /**
     * Starts a second aggregator of the same topology with some settings changed (the benchmark points one region
     * of it at a delaying proxy). Stopped with everything else.
     *
     * @return its base URL
     */
    public String startExtraAggregator(String name, Map<String, String> extraConfig) {
        Map<String, String> c = new HashMap<>(aggregatorConfig());
        c.putAll(extraConfig);
        ServiceNode node = startService(name, "aggregator-service", Ports.free(), c);
        node.awaitReady(Duration.ofMinutes(3));
        return node.url();
    }

    /** Stops one region's service (the whole-system tests take a region down mid-run). */
    public void stopRegion(String region) {
        ServiceNode node = regionServices.get(region);
        node.close();
        started.remove(node);
    }

    /** Freezes ({@code SIGSTOP}) or thaws ({@code SIGCONT}) one region's service: a region that hangs. */
    public void freezeRegion(String region, boolean frozen) {
        regionServices.get(region).process().signal(frozen ? "STOP" : "CONT");
    }

    /** Stops the aggregator (SIGTERM, so that it ends as it would in production) and waits for it. */
    public void stopAggregator() {
        aggregator.close();
        started.remove(aggregator);
    }

    /** Starts a stopped region's service again on the same port and database. */
    public void restartRegion(String region) {
        ServiceNode old = regionServices.get(region);
        ServiceNode node = startService("regional-" + region, "regional-investigation-service", old.port(),
                regionConfig.get(region));
        regionServices.put(region, node);
        node.awaitReady(Duration.ofMinutes(2));
    }

    public String aggregatorUrl() {
        return aggregator.url();
    }

    public String entitlementUrl() {
        return entitlement.url();
    }

    public String regionUrl(String region) {
        return regionServices.get(region).url();
    }

    public List<String> regions() {
        return options.regions();
    }

    public String issuer() {
        return keycloak.issuer();
    }

    public String tokenUrl() {
        return keycloak.tokenUrl();
    }

    /** A demo user's access token (password grant; every demo user's password is {@code demo}). */
    public String userToken(String username) {
        return keycloak.userToken(username, "demo");
    }

    public String aggregatorServiceToken() {
        return keycloak.clientToken(AGGREGATOR_CLIENT, AGGREGATOR_SECRET);
    }

    /** JDBC connection to a component's database ("entitlement" or a region id), for checks and seeding. */
    public java.sql.Connection database(String name) throws java.sql.SQLException {
        return databases.get(name).connect();
    }

    /** The working directory of a service process ("aggregator", "entitlement", "regional-us", ...). */
    public Path workDir(String component) {
        return options.state().resolve("work/" + component);
    }

    /** A component's log file ("aggregator", "keycloak", "regional-us", ...). */
    public Path log(String component) {
        return options.logs().resolve(component + ".log");
    }

    public Path logs() {
        return options.logs();
    }

    public Options options() {
        return options;
    }

    @Override
    public void close() {
        List<AutoCloseable> toStop = new ArrayList<>(started);
        Collections.reverse(toStop);
        // Services first (in parallel), then Keycloak and the databases.
        toStop.parallelStream().filter(ServiceNode.class::isInstance).forEach(LocalSystem::quietly);
        toStop.stream().filter(c -> !(c instanceof ServiceNode)).forEach(LocalSystem::quietly);
        started.clear();
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e.getMessage());
        }
    }
}
