package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start without an admin password (the one-time setup link), throttling by client
 * address, and the per-user request rate: each on its own service, since they change its state.
 */
class FirstStartAndLimitsTest {

  @TempDir Path folder;

  /** The start message names the admin it created; the dashboard's hint is the server's rule. */
  @Test
  void theFirstAdminIsNamedAndTheDashboardHintMatchesThePasswordRule() throws Exception {
    String url = TestDatabases.duckDb(folder);
    try (DispersalServer first = TestServers.start(url, c -> c)) {
      assertThat(first.createdAdmin()).contains("admin");
      assertThat(first.setupLink()).isEmpty();
    }
    try (DispersalServer again = TestServers.start(url, c -> c)) {
      assertThat(again.createdAdmin()).isEmpty();
    }
    String admin = Files.readString(Path.of("../dispersal-web/src/views/admin.js"));
    assertThat(admin)
        .contains("minlength: '" + AccountRoutes.MIN_PASSWORD + "'")
        .contains("maxlength: '" + AccountRoutes.MAX_PASSWORD + "'")
        .contains(
            "'"
                + AccountRoutes.MIN_PASSWORD
                + " to "
                + String.format(java.util.Locale.ROOT, "%,d", AccountRoutes.MAX_PASSWORD)
                + " characters.'");
  }

  @Test
  void theSetupLinkCreatesTheFirstAdminOnce() {
    try (DispersalServer server =
        TestServers.start(TestDatabases.duckDb(folder), c -> c.withAdminPassword(null))) {
      String link = server.setupLink().orElseThrow();
      assertThat(link).startsWith("http://127.0.0.1:" + server.port() + "/setup?token=");
      String token = link.substring(link.indexOf("token=") + 6);
      Api api = new Api(server.port());
      assertThat(api.get("/setup").body()).contains("/setup/setup.js");
      SecurityTest.assertProblem(
          api.post(
              "/api/setup",
              Api.json("token", "wrong", "username", "chief", "password", TestServers.PASSWORD)),
          403);
      SecurityTest.assertProblem(
          api.post(
              "/api/setup", Api.json("token", token, "username", "chief", "password", "short")),
          422);
      Api.Reply made =
          api.post(
              "/api/setup",
              Api.json("token", token, "username", "chief", "password", TestServers.PASSWORD));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      assertThat(made.json().get("role").asText()).isEqualTo("admin");
      SecurityTest.assertProblem(
          api.post(
              "/api/setup",
              Api.json("token", token, "username", "again", "password", TestServers.PASSWORD)),
          403);
      assertThat(api.login("chief", TestServers.PASSWORD).status()).isEqualTo(200);
      assertThat(api.get("/api/audit").status()).isEqualTo(200);
    }
  }

  @Test
  void failuresFromOneAddressThrottleEveryName() {
    try (DispersalServer server =
        TestServers.start(
            TestDatabases.duckDb(folder),
            c -> c.withLoginThrottle(Duration.ofMinutes(15), 100, 3))) {
      Api admin = TestServers.admin(server);
      Api guesser = new Api(server.port());
      for (String name : new String[] {"alice", "bob", "carol"}) {
        SecurityTest.assertProblem(guesser.login(name, "not-the-password"), 401);
      }
      SecurityTest.assertProblem(guesser.login("admin", TestServers.ADMIN_PASSWORD), 429);
      assertThat(admin.get("/api/session").status()).isEqualTo(200);
    }
  }

  @Test
  void eachUserHasARequestRate() {
    try (DispersalServer server =
        TestServers.start(TestDatabases.duckDb(folder), c -> c.withRequestRate(60, 5))) {
      Api admin = TestServers.admin(server);
      int ok = 0;
      Api.Reply last = null;
      for (int i = 0; i < 8; i++) {
        last = admin.get("/api/runs");
        if (last.status() == 200) {
          ok++;
        }
      }
      assertThat(ok).isEqualTo(5);
      SecurityTest.assertProblem(last, 429);
      assertThat(last.header("Retry-After")).isNotNull();
      assertThat(new Api(server.port()).get("/api/health").status()).isEqualTo(200);
    }
  }

  @Test
  void aFullQueueRefusesRunsWith503() {
    try (DispersalServer server =
        TestServers.start(
            TestDatabases.duckDb(folder), c -> c.withRunLimits(2_000_000L, 20_000, 1, 0))) {
      Api admin = TestServers.admin(server);
      long scenario = admin.get("/api/scenarios").json().get(0).get("id").asLong();
      String big = Api.json("scenarioId", scenario, "replications", 6_000, "months", 36);
      Api.Reply first = admin.post("/api/runs", big);
      assertThat(first.status()).as(first.body()).isEqualTo(202);
      Api.Reply second = admin.post("/api/runs", big);
      SecurityTest.assertProblem(second, 503);
      assertThat(second.header("Retry-After")).isNotNull();
      long id = first.json().get("id").asLong();
      assertThat(admin.post("/api/runs/" + id + "/cancel", null).status()).isEqualTo(202);
    }
  }
}
