package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.dispersal.app.Cancellation;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.store.RunKind;
import org.dispersal.store.RunStatus;
import org.dispersal.store.StoredRun;
import org.dispersal.store.StoredScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 ("the service under stress"), findings 2 and 5 and the HEAD leftover of phase 1, each
 * reproduced over real HTTP on each kind of store: a run that throws an {@link Error} ends failed
 * with its stream closed; runs too large for the heap are refused with the estimate; only a run's
 * owner or an admin may cancel it; one user cannot fill the queue; HEAD on an event stream answers
 * headers only. Requests the API cannot build (one that throws, one that waits until cancelled) go
 * straight to the service's queue: the test seam.
 */
abstract class RunLimitsContract extends ServerContract {

  /** The heap the test service gives its runs: 512 MiB, one run at a time. */
  static final long RUN_MEMORY = 512L << 20;

  Api ana;
  Api bob;
  StoredScenario isis;
  ScenarioInput isisInput;

  @Override
  UnaryOperator<ServerConfig> config() {
    return c -> c.withRunMemory(RUN_MEMORY);
  }

  @Override
  void setUp() {
    ana = TestServers.user(server, admin, "ana", "analyst");
    bob = TestServers.user(server, admin, "bob", "analyst");
    isis =
        server.store().scenarios().list().stream()
            .filter(s -> s.name().equals("isis-2017"))
            .findFirst()
            .orElseThrow();
    isisInput =
        new ScenarioInput(new ScenarioLibrary().parse(isis.yaml(), isis.name()), isis.yaml());
  }

  @AfterEach
  void drain() {
    admin
        .get("/api/runs")
        .json()
        .forEach(r -> admin.post("/api/runs/" + r.get("id") + "/cancel", ""));
    await().atMost(Duration.ofSeconds(60)).until(() -> server.queue().active() == 0);
  }

  long userId(String name) {
    return server.store().users().find(name).orElseThrow().id();
  }

  /** Queues a request for a user straight through the queue. */
  StoredRun submit(String user, RunRequest<?> request) {
    return server.queue().submit(user, userId(user), isis, request, null);
  }

  StoredRun stored(long id) {
    return server.store().runs().find(id).orElseThrow();
  }

  // finding 2: an Error ends the run failed, the job table forgets it, the stream ends
  @Test
  void aRunThatRunsOutOfMemoryEndsFailedAndItsStreamEnds() {
    StoredRun run = submit("ana", new Throwing(isisInput, new OutOfMemoryError("Java heap space")));
    await().atMost(Duration.ofSeconds(30)).until(() -> stored(run.id()).status().finished());
    StoredRun ended = stored(run.id());
    assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
    assertThat(ended.error()).contains("OutOfMemoryError");
    assertThat(server.queue().active()).isZero();
    Api.Reply events =
        Api.exchange(ana.events(run.id()).timeout(Duration.ofSeconds(20)).GET().build());
    assertThat(events.status()).isEqualTo(200);
    assertThat(events.body()).contains("\"status\":\"failed\"").contains("OutOfMemoryError");
    Api.Reply cancel = ana.post("/api/runs/" + run.id() + "/cancel", "");
    assertThat(cancel.status()).isEqualTo(409);
    assertThat(cancel.json().get("detail").asText()).contains("failed");
  }

  // finding 2: a watcher already on the stream gets the last event when the run throws
  @Test
  void aWatcherOfARunThatThrowsAnErrorGetsItsLastEvent() throws Exception {
    Waiting waiting = new Waiting(isisInput);
    StoredRun run = submit("ana", waiting);
    await().atMost(Duration.ofSeconds(30)).until(() -> waiting.running);
    var stream =
        Api.HTTP.sendAsync(
            ana.events(run.id()).timeout(Duration.ofSeconds(30)).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(10)).until(() -> server.hubStreams() > 0);
    waiting.fail = new StackOverflowError("deep");
    String body = stream.get(30, java.util.concurrent.TimeUnit.SECONDS).body();
    assertThat(body).contains("\"status\":\"failed\"").contains("StackOverflowError");
    assertThat(stored(run.id()).status()).isEqualTo(RunStatus.FAILED);
  }

  // finding 2: the memory estimate counts months
  @Test
  void aRunTooLargeForTheHeapIsRefusedWithTheEstimate() {
    long scenario = isis.id();
    Api.Reply big =
        ana.post(
            "/api/runs",
            Api.json("scenarioId", scenario, "replications", 8000, "seed", 1, "months", 240));
    assertThat(big.status()).as(big.body()).isEqualTo(413);
    assertThat(big.json().get("detail").asText())
        .contains("estimated")
        .contains("MiB")
        .contains("241 months");
    Api.Reply small =
        ana.post(
            "/api/runs",
            Api.json("scenarioId", scenario, "replications", 200, "seed", 1, "months", 12));
    assertThat(small.status()).as(small.body()).isEqualTo(202);
  }

  // finding 5: cancel by the owner or an admin only
  @Test
  void onlyTheOwnerOrAnAdminMayCancelARun() {
    StoredRun run = submit("ana", new Waiting(isisInput));
    Api.Reply byBob = bob.post("/api/runs/" + run.id() + "/cancel", "");
    assertThat(byBob.status()).as(byBob.body()).isEqualTo(403);
    assertThat(stored(run.id()).status().finished()).isFalse();
    Api.Reply byAna = ana.post("/api/runs/" + run.id() + "/cancel", "");
    assertThat(byAna.status()).as(byAna.body()).isEqualTo(202);
    StoredRun other = submit("bob", new Waiting(isisInput));
    Api.Reply byAdmin = admin.post("/api/runs/" + other.id() + "/cancel", "");
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(202);
  }

  // finding 5: ownership by account id, never by name
  @Test
  void aRecreatedUserCannotCancelTheDeletedUsersRun() {
    TestServers.user(server, admin, "carl", "analyst");
    StoredRun run = submit("carl", new Waiting(isisInput));
    assertThat(admin.delete("/api/users/carl").status()).isEqualTo(204);
    Api carl2 = TestServers.user(server, admin, "carl", "analyst");
    assertThat(carl2.post("/api/runs/" + run.id() + "/cancel", "").status()).isEqualTo(403);
  }

  // finding 5: one user's share of the queue
  @Test
  void oneUserCannotFillTheQueue() {
    // The test service runs one at a time with four waiting: two each at most.
    submit("ana", new Waiting(isisInput));
    submit("ana", new Waiting(isisInput));
    String body = Api.json("scenarioId", isis.id(), "replications", 10, "seed", 1, "months", 6);
    Api.Reply third = ana.post("/api/runs", body);
    assertThat(third.status()).as(third.body()).isEqualTo(429);
    assertThat(third.header("Retry-After")).isNotNull();
    Api.Reply other = bob.post("/api/runs", body);
    assertThat(other.status()).as(other.body()).isEqualTo(202);
  }

  // phase 1 leftover: HEAD on the event stream
  @Test
  void headOnAnEventStreamAnswersHeadersOnly() {
    StoredRun run = submit("ana", new Waiting(isisInput));
    Api.Reply head =
        Api.exchange(
            ana.events(run.id())
                .timeout(Duration.ofSeconds(10))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).startsWith("text/event-stream");
    assertThat(head.body()).isEmpty();
    assertThat(server.hubStreams()).isZero();
  }

  /** A stand-in forecast of no replications whose execution a test decides. */
  interface FakeForecast extends RunRequest<Void> {
    @Override
    default RunKind kind() {
      return RunKind.FORECAST;
    }

    @Override
    default int replications() {
      return 0;
    }

    @Override
    default long seed() {
      return 0;
    }
  }

  /** A request whose execution throws at once. */
  record Throwing(ScenarioInput scenario, Error error) implements FakeForecast {
    @Override
    public RunResult<Void> execute(
        Provenance provenance, IntConsumer progress, Cancellation cancellation) {
      throw error;
    }
  }

  /** A request that runs until cancelled, or throws what it is told to. */
  static final class Waiting implements FakeForecast {
    final ScenarioInput scenario;
    volatile boolean running;
    volatile Error fail;

    Waiting(ScenarioInput scenario) {
      this.scenario = scenario;
    }

    @Override
    public ScenarioInput scenario() {
      return scenario;
    }

    @Override
    public RunResult<Void> execute(
        Provenance provenance, IntConsumer progress, Cancellation cancellation) {
      running = true;
      while (true) {
        cancellation.check();
        if (fail != null) {
          throw fail;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
