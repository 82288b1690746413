// POST /api/advise under 50 concurrent clients for a bounded time, against a server on loopback.
// Run by bench/web-load.sh:  java -cp target/rust-engineer.jar bench/WebLoadBench.java http://127.0.0.1:PORT 50 15
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

public class WebLoadBench {
    static final String[] BRIEFS = {
        "{\"text\": \"A REST API for payments; p99 under 5 ms; data in PostgreSQL\"}",
        "{\"text\": \"A cross-platform CLI tool that lints config files\"}",
        "{\"text\": \"Wrap our legacy C library for image decoding\"}",
        "{\"kind\": \"backend\", \"latency_ms\": 40, \"go_or_node_ok\": true}",
        "{\"text\": \"A Spring Boot backend for insurance claims\"}",
    };

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads.add(Thread.ofVirtual().start(() -> {
                int i = id;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/advise")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BRIEFS[i++ % BRIEFS.length])).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - s);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(l);
        System.out.printf(Locale.ROOT, "%d clients, %.1f s: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n",
                clients, elapsed, l.length, l.length / elapsed, l[l.length / 2] / 1e6, l[(int) (l.length * 0.99)] / 1e6, l[l.length - 1] / 1e6, errors.get());
    }
}
