package io.mci.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One MCI service as its own JVM process ({@code quarkus-run.jar}), configured by system properties. */
final class ServiceNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final ChildProcess process;

    private ServiceNode(String name, int port, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts the process; {@link #awaitReady} waits for it (so several can start in parallel). */
    static ServiceNode start(String name, Path jar, int port, Map<String, String> config, Path workDir, Path logDir,
            List<String> jvmOptions) {
        Path log = logDir.resolve(name + ".log");
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailure(name, log, "no build at " + jar + " (run mvn install first)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        Map<String, String> all = new TreeMap<>(config);
        all.put("quarkus.http.port", String.valueOf(port));
        all.put("quarkus.http.host", "127.0.0.1");
        all.put("quarkus.log.console.color", "false");
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            return new ServiceNode(name, port, ChildProcess.start(name, command, workDir, log, Map.of()));
        } catch (IOException e) {
            throw new StartupFailure(name, log, e.getMessage());
        }
    }

    void awaitReady(Duration timeout) {
        Ready.await(name, process, url() + "/q/health/ready", timeout);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
