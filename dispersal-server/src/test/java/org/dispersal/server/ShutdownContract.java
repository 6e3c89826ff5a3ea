package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dispersal.store.RunStatus;
import org.dispersal.store.Store;
import org.dispersal.store.StoredRun;
import org.junit.jupiter.api.Test;

/**
 * Issue #18, finding 1: stopping the server while a long run executes and browsers follow its
 * progress. The stop must end within 10 seconds, close every stream with a last event saying the
 * run was interrupted, mark the run failed in the store, and log one line, not a flood.
 */
abstract class ShutdownContract {

  abstract String databaseUrl();

  @Test
  void stoppingWithOpenStreamsAndARunningRunEndsQuickly() throws Exception {
    String url = databaseUrl();
    DispersalServer server = TestServers.start(url, c -> c);
    Api admin = TestServers.admin(server);
    Api analyst = TestServers.user(server, admin, "ana", "analyst");
    long scenario = TestServers.listed(analyst, "isis-2017").get("id").asLong();
    long run = TestServers.submit(analyst, scenario, 3_000, 36).json().get("id").asLong();

    List<CompletableFuture<List<String>>> streams = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      streams.add(
          Api.HTTP
              .sendAsync(
                  analyst.events(run).timeout(Duration.ofSeconds(120)).build(),
                  HttpResponse.BodyHandlers.ofLines())
              .thenApply(
                  r -> {
                    try (Stream<String> lines = r.body()) {
                      return lines.filter(l -> l.startsWith("data:")).toList();
                    }
                  }));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (analyst.get("/api/runs/" + run).json().get("done").asInt() == 0) {
      assertThat(System.nanoTime()).as("the run never started").isLessThan(deadline);
      Thread.sleep(100);
    }

    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    long took;
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      Thread stop = new Thread(server::close, "test-stop");
      long start = System.nanoTime();
      stop.start();
      stop.join(15_000);
      took = (System.nanoTime() - start) / 1_000_000;
      assertThat(stop.isAlive()).as("the server still stops after 15 s").isFalse();
    } finally {
      System.setErr(err);
    }
    assertThat(took).as("milliseconds to stop").isLessThan(10_000);

    for (CompletableFuture<List<String>> stream : streams) {
      List<String> data = stream.get(5, TimeUnit.SECONDS);
      assertThat(data).isNotEmpty();
      JsonNode last = Api.Reply.parse(data.get(data.size() - 1).substring(5).trim());
      assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("failed");
      assertThat(last.get("error").asText()).isEqualTo("interrupted: the server stopped");
    }
    String written = log.toString(StandardCharsets.UTF_8);
    assertThat(written.lines().count()).as(written).isLessThanOrEqualTo(2);
    assertThat(written).contains("stopped in");

    try (Store store = Store.open(url)) {
      StoredRun after = store.runs().find(run).orElseThrow();
      assertThat(after.status()).isEqualTo(RunStatus.FAILED);
      assertThat(after.error()).isEqualTo("interrupted: the server stopped");
      assertThat(after.done()).isLessThan(3_000);
    }
  }
}
