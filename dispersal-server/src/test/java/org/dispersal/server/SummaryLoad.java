package org.dispersal.server;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
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
import java.util.zip.GZIPInputStream;

/**
 * A bounded loopback load test of the results endpoint {@code GET /api/runs/{id}/summary}: starts
 * the service on 127.0.0.1 with a fresh embedded store, runs one forecast, then lets several
 * clients ask for summaries (the queries the dashboard's result views make) for a fixed time and
 * prints throughput, latency percentiles and errors. The per-user rate limit is off, since it would
 * measure the limiter rather than the service.
 *
 * <p>Arguments: {@code [clients] [seconds] [replications] [query] [options]}, default 8, 20, 200
 * and the mix of six queries below; a fourth argument (e.g. {@code "?scope=world&demographic=all"})
 * makes every client repeat that one query, the cached read of issue #19. The clients send {@code
 * Accept-Encoding: gzip}, as a browser does, and receive the bytes as sent (they do not inflate
 * them; before the test each query is asked once both ways and the inflated answer must equal the
 * plain one). The fifth argument is a comma-separated list of options: {@code identity} sends no
 * Accept-Encoding (the answers come uncompressed), {@code etag} sends the answer's ETag back and
 * counts 304 answers as successes, {@code jdk} makes the timed clients share one {@code
 * java.net.http} client (HTTP/1.1) instead of each keeping its own {@link KeepAliveClient}
 * connection, as the load test did until session 9. Only the JDK, this class's helpers and the
 * service's public start are used, so the same class measures an older build's jar put first on the
 * class path.
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

  /**
   * How long the first, uncached reads before the timed part may take (they load the run's rows
   * from the store; seconds on a busy machine).
   */
  private static final Duration FIRST_READ = Duration.ofMinutes(2);

  private SummaryLoad() {}

  /** Runs the load test and prints one line of figures per query mix and in total. */
  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int replications = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    String[] queries = args.length > 3 && !args[3].isBlank() ? new String[] {args[3]} : QUERIES;
    List<String> options = args.length > 4 ? Arrays.asList(args[4].split(",")) : List.of();
    boolean etags = options.contains("etag");
    boolean gzip = !options.contains("identity");
    boolean jdkClient = options.contains("jdk");
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
      System.out.println(
          gzip ? "  clients send Accept-Encoding: gzip" : "  clients send no Accept-Encoding");
      String[] tags = new String[queries.length];
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < queries.length; i++) {
        String q = queries[i];
        URI uri =
            URI.create("http://127.0.0.1:" + server.port() + "/api/runs/" + id + "/summary" + q);
        HttpResponse<byte[]> plain =
            http.send(get(uri, admin.bearer, false, null, FIRST_READ), ofBytes());
        HttpResponse<byte[]> packed =
            http.send(get(uri, admin.bearer, true, null, FIRST_READ), ofBytes());
        String encoding = packed.headers().firstValue("Content-Encoding").orElse("none");
        byte[] inflated = encoding.equals("gzip") ? inflate(packed.body()) : packed.body();
        if (plain.statusCode() != 200
            || packed.statusCode() != 200
            || !Arrays.equals(plain.body(), inflated)) {
          throw new IllegalStateException(q + ": the gzip answer differs from the plain one");
        }
        HttpResponse<byte[]> used = gzip ? packed : plain;
        try (KeepAliveClient raw = new KeepAliveClient("127.0.0.1", server.port(), 120_000)) {
          KeepAliveClient.Reply r =
              raw.get(
                  "/api/runs/" + id + "/summary" + q,
                  headers(admin.bearer, gzip, null).toArray(String[]::new));
          if (r.status() != 200 || !Arrays.equals(r.body(), used.body())) {
            throw new IllegalStateException(
                q + ": the keep-alive client's answer differs from java.net.http's");
          }
        }
        tags[i] = etags ? used.headers().firstValue("ETag").orElse(null) : null;
        System.out.printf(
            Locale.ROOT,
            "  %-48s %6d rows %8d bytes, %8d with gzip (Content-Encoding %s)%n",
            q,
            Json.MAPPER.readTree(plain.body()).get("rows").size(),
            plain.body().length,
            packed.body().length,
            encoding);
      }
      System.out.println(
          jdkClient
              ? "  each client: java.net.http (one shared HttpClient, HTTP/1.1)"
              : "  each client: one keep-alive HTTP/1.1 connection (KeepAliveClient)");
      measure(
          server.port(),
          id,
          admin.bearer,
          queries,
          tags,
          gzip,
          jdkClient,
          clients,
          Math.min(3, seconds),
          false);
      measure(
          server.port(), id, admin.bearer, queries, tags, gzip, jdkClient, clients, seconds, true);
    }
  }

  private static void measure(
      int port,
      long run,
      String token,
      String[] queries,
      String[] tags,
      boolean gzip,
      boolean jdkClient,
      int clients,
      int seconds,
      boolean report)
      throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
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
                if (!jdkClient) {
                  counts[client] =
                      keepAlive(
                          port, run, token, queries, tags, gzip, client, stop, errors, latencies);
                  return;
                }
                int n = 0;
                while (!stop.get() && n < latencies.length) {
                  int which = (client + n) % queries.length;
                  HttpRequest req =
                      get(
                          URI.create(
                              "http://127.0.0.1:"
                                  + port
                                  + "/api/runs/"
                                  + run
                                  + "/summary"
                                  + queries[which]),
                          token,
                          gzip,
                          tags[which],
                          Duration.ofSeconds(10));
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> r =
                        http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != (tags[which] != null ? 304 : 200)) {
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

  /** One client's loop over its own keep-alive connection; returns the number of requests. */
  private static int keepAlive(
      int port,
      long run,
      String token,
      String[] queries,
      String[] tags,
      boolean gzip,
      int client,
      AtomicBoolean stop,
      AtomicLong errors,
      long[] latencies) {
    String[] targets = new String[queries.length];
    String[][] headers = new String[queries.length][];
    for (int i = 0; i < queries.length; i++) {
      targets[i] = "/api/runs/" + run + "/summary" + queries[i];
      headers[i] = headers(token, gzip, tags[i]).toArray(String[]::new);
    }
    int n = 0;
    try (KeepAliveClient c = new KeepAliveClient("127.0.0.1", port, 10_000)) {
      while (!stop.get() && n < latencies.length) {
        int which = (client + n) % queries.length;
        long t0 = System.nanoTime();
        try {
          KeepAliveClient.Reply r = c.get(targets[which], headers[which]);
          if (r.status() != (tags[which] != null ? 304 : 200)) {
            errors.incrementAndGet();
          }
        } catch (java.io.IOException e) {
          errors.incrementAndGet();
        }
        latencies[n++] = System.nanoTime() - t0;
      }
    }
    return n;
  }

  private static List<String> headers(String token, boolean gzip, String tag) {
    List<String> h = new ArrayList<>();
    h.add("Authorization: Bearer " + token);
    if (gzip) {
      h.add("Accept-Encoding: gzip");
    }
    if (tag != null) {
      h.add("If-None-Match: " + tag);
    }
    return h;
  }

  private static HttpRequest get(
      URI uri, String token, boolean gzip, String tag, Duration timeout) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).timeout(timeout);
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    if (tag != null) {
      b.header("If-None-Match", tag);
    }
    return b.build();
  }

  private static HttpResponse.BodyHandler<byte[]> ofBytes() {
    return HttpResponse.BodyHandlers.ofByteArray();
  }

  private static byte[] inflate(byte[] gzip) throws java.io.IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
