package io.mci.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP proxy on loopback that holds every request for a fixed delay before passing it on: a region that answers,
 * but late. Part of the benchmark's configuration (the aggregator under test is pointed at it); nothing in the
 * product knows about it. A request is recognised as bytes arriving after a quiet gap on a connection.
 */
final class DelayProxy implements AutoCloseable {

    private static final long QUIET_GAP_NANOS = Duration.ofMillis(50).toNanos();

    private final ServerSocket server;
    private final int targetPort;
    private final Duration delay;

    DelayProxy(int targetPort, Duration delay) throws IOException {
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delay = delay;
        Thread acceptor = new Thread(this::accept, "delay-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                // closed, or the target refused: the caller sees a broken connection, as from a real region
            }
        }
    }

    private void pump(Socket from, Socket to, boolean delayed) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            long last = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (delayed && System.nanoTime() - last > QUIET_GAP_NANOS) {
                        Thread.sleep(delay.toMillis());
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    last = System.nanoTime();
                }
            } catch (IOException e) {
                // one side closed the connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "delay-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
