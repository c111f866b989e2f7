package io.mci.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code deploy/local/run.sh}: starts the whole system on fixed local ports with data kept under
 * {@code deploy/local/.run/}, loads the demo data on the first run, prints how to use it, and stops
 * every process it started on Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("mci.root", ".")).toAbsolutePath().normalize();
        LocalSystem.Options options = LocalSystem.Options.defaults(root);
        Instant begin = Instant.now();
        System.out.println("Starting MCI (logs in " + options.logs() + ") ...");
        LocalSystem system = new LocalSystem(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping every process this run started ...");
            system.close();
        }, "mci-stop"));
        try {
            system.start();
            DemoData.Summary demo = DemoData.ensure(system, options.data());
            System.out.println(Banner.render(system, demo, Duration.between(begin, Instant.now())));
        } catch (StartupFailure e) {
            System.err.println("\n" + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }
}
