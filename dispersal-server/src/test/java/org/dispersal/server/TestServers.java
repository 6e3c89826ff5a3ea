package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Starts services for tests on an ephemeral loopback port over a real store from the store's {@code
 * TestDatabases}: a fresh DuckDB file, or a fresh schema of the PostgreSQL named by
 * DISPERSAL_TEST_PG_URL (the store's convention: skipped without it, failed when
 * DISPERSAL_REQUIRE_PG=1).
 */
final class TestServers {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String PASSWORD = "a-long-enough-password";

  private TestServers() {}

  /** A service on 127.0.0.1 with an ephemeral port, the test admin, and small limits for runs. */
  static DispersalServer start(String url, UnaryOperator<ServerConfig> tweak) {
    ServerConfig c =
        ServerConfig.defaults(url)
            .withAddress("127.0.0.1", 0)
            .withAdminPassword(ADMIN_PASSWORD)
            .withRunLimits(2_000_000L, 20_000, 1, 4);
    return DispersalServer.start(tweak.apply(c));
  }

  /** Creates a user in no team as admin and returns a client logged in as that user. */
  static Api user(DispersalServer server, Api admin, String name, String role) {
    return user(server, admin, name, role, null);
  }

  /** Creates a user of a team (or none) as admin and returns a client logged in as that user. */
  static Api user(DispersalServer server, Api admin, String name, String role, String team) {
    Api.Reply r =
        admin.post(
            "/api/users",
            Api.json("username", name, "password", PASSWORD, "role", role, "team", team));
    if (r.status() != 201) {
      throw new IllegalStateException("cannot create " + name + ": " + r.body());
    }
    Api api = new Api(server.port());
    Api.Reply login = api.login(name, PASSWORD);
    if (login.status() != 200) {
      throw new IllegalStateException("cannot log in " + name + ": " + login.body());
    }
    return api;
  }

  /** The scenario of this name in the caller's list. */
  static JsonNode listed(Api api, String name) {
    for (JsonNode s : api.get("/api/scenarios").json()) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no scenario " + name + " in the list");
  }

  /** Submits a forecast of the scenario with seed 7 and checks that it was accepted. */
  static Api.Reply submit(Api api, long scenario, int replications, int months) {
    Api.Reply r =
        api.post(
            "/api/runs",
            Api.json(
                "scenarioId", scenario, "replications", replications, "seed", 7, "months", months));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r;
  }

  static Api admin(DispersalServer server) {
    Api api = new Api(server.port());
    Api.Reply r = api.login("admin", ADMIN_PASSWORD);
    if (r.status() != 200) {
      throw new IllegalStateException("admin cannot log in: " + r.body());
    }
    return api;
  }

  /** Waits up to two minutes for the run to end; its detail as {@code api} sees it. */
  static JsonNode finished(Api api, long run) {
    return await("run " + run + " to finish")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> api.get("/api/runs/" + run).json(),
            d -> List.of("succeeded", "failed", "cancelled").contains(d.get("status").asText()));
  }
}
