package io.mci.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A closed-loop load driver on the JDK HttpClient: {@code clients} threads each send a request, wait for the
 * whole answer, check it and send the next, first for the warm-up (not recorded), then for the measured
 * duration. Every measured latency is kept (no sampling), so percentiles are exact, and written raw to a file.
 */
final class LoadDriver {

    /** What one measurement gave: latencies in milliseconds (client side: request sent to body fully read). */
    record Result(String name, int clients, long requests, long errors, double seconds, double p50, double p90,
            double p99, double max, String firstError) {

        double throughput() {
            return requests / seconds;
        }
    }

    /** Says what is wrong with an answer, or null when it is right. */
    @FunctionalInterface
    interface Check {
        String problem(int status, byte[] body);

        /** 200 and, for federated answers, no region missing. */
        Check COMPLETE_200 = (status, body) -> status != 200 ? "status " + status + ": " + text(body, 300)
                : contains(body, "\"partial\":true") ? "partial: " + text(body, 300) : null;
    }

    /** One measured unit of work: usually one request, sometimes several at once; says what went wrong, or null. */
    @FunctionalInterface
    interface Call {
        String run(HttpClient http) throws IOException, InterruptedException;
    }

    /** One request and the check of its answer. */
    static Call request(Supplier<HttpRequest> requests, Check check) {
        return http -> {
            HttpResponse<byte[]> response = http.send(requests.get(), HttpResponse.BodyHandlers.ofByteArray());
            return check.problem(response.statusCode(), response.body());
        };
    }

    /** Several requests sent at once; done when the last answer is in (the parallel floor of a fan-out). */
    static Call allAtOnce(List<Supplier<HttpRequest>> requests, Check check) {
        return http -> {
            List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> futures = requests.stream()
                    .map(r -> http.sendAsync(r.get(), HttpResponse.BodyHandlers.ofByteArray())).toList();
            String problem = null;
            for (var f : futures) {
                try {
                    HttpResponse<byte[]> response = f.get();
                    String p = check.problem(response.statusCode(), response.body());
                    problem = problem == null ? p : problem;
                } catch (java.util.concurrent.ExecutionException e) {
                    problem = problem == null ? "I/O: " + e.getCause() : problem;
                }
            }
            return problem;
        };
    }

    private final Path rawDir;

    LoadDriver(Path rawDir) {
        this.rawDir = rawDir;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Result run(String name, int clients, Duration warmup, Duration duration, Call call) {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        Samples samples = collect(name, clients, warmupEnd, warmupEnd + duration.toNanos(), call);
        return result(name, clients, duration, samples);
    }

    /** A measurement of an interleaved group: what to call it and what to send. */
    record Named(String name, Call call) {
    }

    /**
     * Measures several calls in turns: each warms up once, then they take {@code slice}-long turns, round after round,
     * until each has been measured {@code total}. A ratio between two of them then compares like with like on a
     * machine whose speed drifts (compilation finishing, other processes, caches): both saw the same minutes.
     */
    List<Result> interleaved(List<Named> calls, int clients, Duration warmup, Duration total, Duration slice) {
        for (Named n : calls) {
            collect(n.name(), clients, System.nanoTime() + warmup.toNanos(), System.nanoTime() + warmup.toNanos(), n.call());
        }
        int rounds = (int) Math.max(1, total.toNanos() / slice.toNanos());
        List<List<Samples>> perCall = new ArrayList<>();
        calls.forEach(n -> perCall.add(new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < calls.size(); i++) {
                long start = System.nanoTime();
                perCall.get(i).add(collect(calls.get(i).name(), clients, start, start + slice.toNanos(), calls.get(i).call()));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            results.add(result(calls.get(i).name(), clients, slice.multipliedBy(rounds), Samples.merge(perCall.get(i))));
        }
        return results;
    }

    private Result result(String name, int clients, Duration measured, Samples s) {
        writeRaw(name, s.sortedNanos());
        long[] all = s.sortedNanos();
        return new Result(name, clients, all.length, s.errors(), measured.toNanos() / 1e9, percentile(all, 50),
                percentile(all, 90), percentile(all, 99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6,
                s.firstError());
    }

    /** Latencies (sorted, ns) and errors of the measured part of a run. */
    private record Samples(long[] sortedNanos, long errors, String firstError) {

        static Samples merge(List<Samples> parts) {
            long[] all = parts.stream().flatMapToLong(p -> Arrays.stream(p.sortedNanos())).sorted().toArray();
            long errors = parts.stream().mapToLong(Samples::errors).sum();
            String first = parts.stream().map(Samples::firstError).filter(e -> e != null).findFirst().orElse(null);
            return new Samples(all, errors, first);
        }
    }

    /** {@code clients} threads call until {@code end}; what starts before {@code warmupEnd} is not recorded. */
    private static Samples collect(String name, int clients, long warmupEnd, long end, Call call) {
        HttpClient http = client();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] holder = { new long[4096] };
            Thread t = new Thread(() -> {
                int n = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    String problem;
                    try {
                        problem = call.run(http);
                    } catch (IOException e) {
                        problem = "I/O: " + e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long took = System.nanoTime() - start;
                    if (start < warmupEnd) {
                        continue;
                    }
                    if (problem != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, problem);
                    }
                    if (n == holder[0].length) {
                        holder[0] = Arrays.copyOf(holder[0], n * 2);
                    }
                    holder[0][n++] = took;
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(holder[0], n));
                }
            }, "load-" + name + "-" + c);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Samples(all, errors.get(), firstError.get());
    }

    /** Sends the same request {@code times} times one after the other; the sorted latencies in ms. */
    static double[] sequential(HttpClient http, Supplier<HttpRequest> requests, int times, Check check) {
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(requests.get(), HttpResponse.BodyHandlers.ofByteArray());
                String problem = check.problem(response.statusCode(), response.body());
                if (problem != null) {
                    throw new IllegalStateException(problem);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** Nearest-rank percentile of sorted nanosecond latencies, in ms. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    static double percentile(double[] sortedMs, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMs.length);
        return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, rank - 1))];
    }

    private void writeRaw(String name, long[] sortedNanos) {
        StringBuilder b = new StringBuilder("# ").append(name).append(": measured latencies in ms, sorted\n");
        for (long n : sortedNanos) {
            b.append(String.format("%.3f%n", n / 1e6));
        }
        try {
            Files.createDirectories(rawDir);
            Files.writeString(rawDir.resolve(name + ".latencies.txt"), b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] body, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= body.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static String text(byte[] body, int max) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }
}
