package org.dispersal.server;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded loopback load test of the results endpoint {@code GET /api/runs/{id}/summary}: starts
 * the service on 127.0.0.1 with a fresh embedded store, runs one forecast, then lets several
 * clients ask for summaries (the queries the dashboard's result views make) for a fixed time and
 * prints throughput, latency percentiles and errors. The per-user rate limit is off, since it would
 * measure the limiter rather than the service.
 *
 * <p>Arguments: {@code [clients] [seconds] [replications]}, default 8, 20, 200.
 */
public final class SummaryLoad {

  private static final String[] QUERIES = {
    "?scope=world&demographic=all",
    "?scope=world&state=returned",
    "?scope=region&month=12&demographic=all",
    "?scope=origin&month=24",
    "?scope=origin&scopeId=FRA",
    "?scope=region&state=relocated&demographic=all",
  };

  private SummaryLoad() {}

  /** Runs the load test and prints one line of figures per query mix and in total. */
  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int replications = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    if (clients < 1 || clients > 64 || seconds < 1 || seconds > 300) {
      throw new IllegalArgumentException("clients 1..64 and seconds 1..300");
    }
    Path dir = Files.createTempDirectory("dispersal-load");
    ServerConfig config =
        ServerConfig.defaults("jdbc:duckdb:" + dir.resolve("load.duckdb"))
            .withAddress("127.0.0.1", 0)
            .withAdminPassword(TestServers.ADMIN_PASSWORD)
            .withRequestRate(0, 1);
    try (DispersalServer server = DispersalServer.start(config)) {
      Api admin = TestServers.admin(server);
      long scenario = admin.get("/api/scenarios").json().get(0).get("id").asLong();
      Api.Reply run =
          admin.post("/api/runs", Api.json("scenarioId", scenario, "replications", replications));
      long id = run.json().get("id").asLong();
      String status =
          await("the run to finish")
              .atMost(Duration.ofMinutes(10))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> admin.get("/api/runs/" + id).json().get("status").asText(),
                  st -> !st.equals("queued") && !st.equals("running"));
      if (!status.equals("succeeded")) {
        throw new IllegalStateException("the run " + status);
      }
      admin.bearer =
          admin.post("/api/tokens", Api.json("name", "load")).json().get("token").asText();
      System.out.printf(
          Locale.ROOT,
          "run %d: %d replications of isis-2017; %d clients for %d s on 127.0.0.1:%d%n",
          id,
          replications,
          clients,
          seconds,
          server.port());
      for (String q : QUERIES) {
        Api.Reply r = admin.get("/api/runs/" + id + "/summary" + q);
        System.out.printf(
            Locale.ROOT,
            "  %-48s %6d rows %8d bytes%n",
            q,
            r.json().get("rows").size(),
            r.body().length());
      }
      measure(server.port(), id, admin.bearer, clients, Math.min(3, seconds), false);
      measure(server.port(), id, admin.bearer, clients, seconds, true);
    }
  }

  private static void measure(
      int port, long run, String token, int clients, int seconds, boolean report)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    List<long[]> perClient = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] counts = new int[clients];
    for (int c = 0; c < clients; c++) {
      long[] latencies = new long[2_000_000];
      perClient.add(latencies);
      int client = c;
      Thread t =
          new Thread(
              () -> {
                int n = 0;
                while (!stop.get() && n < latencies.length) {
                  String q = QUERIES[(client + n) % QUERIES.length];
                  HttpRequest req =
                      HttpRequest.newBuilder(
                              URI.create(
                                  "http://127.0.0.1:" + port + "/api/runs/" + run + "/summary" + q))
                          .header("Authorization", "Bearer " + token)
                          .timeout(Duration.ofSeconds(10))
                          .build();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> r =
                        http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (java.io.IOException e) {
                    errors.incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  latencies[n++] = System.nanoTime() - t0;
                }
                counts[client] = n;
              },
              "load-" + c);
      threads.add(t);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!report) {
      return;
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int k = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perClient.get(c), 0, all, k, counts[c]);
      k += counts[c];
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "requests %d in %.1f s: %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
        total,
        elapsed,
        total / elapsed,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6,
        all.length == 0 ? 0 : all[all.length - 1] / 1e6,
        errors.get());
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
