package io.mci.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole federated system, started once for all whole-system tests of this JVM (real processes, a real
 * PostgreSQL per region and for entitlements, Keycloak, real HTTP), with the demo world loaded through the
 * services' own APIs. Stopped when the last test class is done. Free ports and a fresh state folder under
 * {@code target/}, so a developer's running {@code deploy/local/run.sh} is not touched.
 *
 * <p>Settings that differ from the local run, each so that a test can observe what it proves in seconds:
 * the aggregator's read deadline (2 s), its breaker delay (2 s) and API-key cache (2 s); the aggregator runs
 * under a JFR recording of every file write (see {@link SovereigntyIT}).
 */
public final class WholeSystem implements BeforeAllCallback {

    static final int INVESTIGATIONS = 6_000;
    static final String DEADLINE = "PT2S";
    static final String API_KEY_CACHE_TTL = "PT2S";

    private static LocalSystem system;
    private static DemoData.Summary demo;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (WholeSystem.class) {
            if (system == null) {
                start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(WholeSystem.class.getName(), (ExtensionContext.Store.CloseableResource) WholeSystem::stop);
            }
        }
    }

    static LocalSystem system() {
        return system;
    }

    static DemoData.Summary demo() {
        return demo;
    }

    /** Where the aggregator's JFR recording of file writes is dumped when the aggregator stops. */
    static Path aggregatorRecording() {
        return state().resolve("jfr/aggregator.jfr");
    }

    static Path aggregatorJfrRepository() {
        return state().resolve("jfr/repository");
    }

    static Path aggregatorTmp() {
        return state().resolve("tmp/aggregator");
    }

    private static Path state() {
        return Path.of(System.getProperty("mci.root", "../..")).toAbsolutePath().normalize()
                .resolve("deploy/local/target/whole-system");
    }

    private static void start() {
        Path root = Path.of(System.getProperty("mci.root", "../..")).toAbsolutePath().normalize();
        Path state = state();
        deleteTree(state);
        try {
            Files.createDirectories(aggregatorJfrRepository());
            Files.createDirectories(aggregatorTmp());
            Path settings = state.resolve("jfr/file-writes.jfc");
            try (var in = WholeSystem.class.getResourceAsStream("/file-writes.jfc")) {
                Files.copy(in, settings);
            }
            LocalSystem.Options options = LocalSystem.Options.defaults(root).withState(state, false)
                    .withExtraConfig(Map.of("aggregator", Map.of(
                            "mci.fanout.deadline", DEADLINE,
                            "mci.breaker.delay", "PT2S",
                            "mci.api-keys.cache-ttl", API_KEY_CACHE_TTL,
                            "java.io.tmpdir", aggregatorTmp().toString())))
                    .withExtraJvmOptions(Map.of("aggregator", List.of(
                            "-XX:FlightRecorderOptions=repository=" + aggregatorJfrRepository(),
                            "-XX:StartFlightRecording=settings=" + settings + ",filename=" + aggregatorRecording()
                                    + ",dumponexit=true")));
            system = new LocalSystem(options).start();
            List<DemoData.Customer> customers = DemoData.customers(system.regions());
            DemoData.seed(system, customers, INVESTIGATIONS, 42L);
            demo = new DemoData.Summary(customers, INVESTIGATIONS, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
