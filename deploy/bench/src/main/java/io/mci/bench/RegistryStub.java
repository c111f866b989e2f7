package io.mci.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The customer registry as the centralized store needs it: every benchmark customer homed in one region (the
 * centralized one). Benchmark configuration only: it lets the unchanged regional code serve all customers from one
 * database, which is the centralized design the federated view is compared with.
 */
final class RegistryStub implements AutoCloseable {

    private static final String PATH = "/entitlement/v1/internal/customers";

    private final HttpServer server;
    private final Set<UUID> customers;
    private final String region;

    RegistryStub(Collection<UUID> customers, String region) throws IOException {
        this.customers = Set.copyOf(customers);
        this.region = region;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(PATH, this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(PATH.length());
        String body;
        int status = 200;
        if (rest.isEmpty() || rest.equals("/")) {
            body = customers.stream().map(this::entry).collect(Collectors.joining(",", "{\"customers\":[", "]}"));
        } else {
            UUID id = parse(rest.substring(1));
            if (id != null && customers.contains(id)) {
                body = entry(id);
            } else {
                status = 404;
                body = "{\"message\":\"unknown customer\",\"correlation_id\":\"registry-stub\"}";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String entry(UUID id) {
        return "{\"id\":\"" + id + "\",\"region\":\"" + region + "\"}";
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
