package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dispersal.server.security.LoginThrottle;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 ("the service under stress"), findings 3, 4 and 6, each reproduced over real HTTP on
 * each kind of store.
 */
abstract class StressFindingsContract extends ServerContract {

  Api analyst;

  @Override
  void setUp() {
    analyst = TestServers.user(server, admin, "ana", "analyst", "alpha");
  }

  /** A raw HTTP/1.1 exchange from a chosen loopback address; returns the whole response. */
  static String raw(int port, String from, String request) {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(from, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs in from a loopback address; returns the status line's code and Retry-After. */
  static String loginFrom(int port, String from, String user, String password) {
    String body = Api.json("username", user, "password", password);
    String response =
        raw(
            port,
            from,
            "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + body);
    return response.substring(9, 12);
  }

  long createScenario(Api who, String name) {
    Api.Reply r =
        who.post("/api/scenarios", Api.json("name", name, "yaml", "extends: isis-2017\n"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  // finding 6: X-HTTP-Method-Override
  @Test
  void aMethodOverrideHeaderIsRefusedNotHonoured() {
    long id = createScenario(analyst, "override-target");
    Api.Reply r =
        Api.exchange(
            analyst
                .request("/api/scenarios/" + id)
                .header("X-HTTP-Method-Override", "DELETE")
                .GET()
                .build());
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(analyst.get("/api/scenarios/" + id).status()).isEqualTo(200);
  }

  // finding 6: HEAD
  @Test
  void headIsServedForGetRoutes() {
    Api.Reply health = analyst.head("/api/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEmpty();
    Api.Reply list = analyst.head("/api/scenarios");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.header("X-Content-Type-Options")).isEqualTo("nosniff");
    Api.Reply anonymous = new Api(server.port()).head("/api/scenarios");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  // finding 6: Jetty's own error pages
  @Test
  void jettysOwnErrorPagesCarryTheSecurityHeaders() {
    String response =
        raw(
            server.port(),
            "127.0.0.1",
            "GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response)
        .contains("X-Content-Type-Options: nosniff")
        .contains("Content-Security-Policy: " + SecurityHeaders.CSP)
        .contains("X-Frame-Options: DENY");
  }

  // finding 6: strict JSON types
  @Test
  void wrongJsonTypesAreRefusedNamingTheField() {
    for (String value : new String[] {"1.5", "\"10\"", "2147483648", "true"}) {
      Api.Reply r =
          analyst.post(
              "/api/runs",
              "{\"scenarioId\":1,\"replications\":" + value + ",\"seed\":1,\"months\":6}");
      assertThat(r.status()).as(value + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("detail").asText()).as(value).contains("replications");
    }
    Api.Reply name = analyst.post("/api/scenarios", "{\"name\":5,\"yaml\":\"extends: isis-2017\"}");
    assertThat(name.status()).as(name.body()).isEqualTo(400);
    assertThat(name.json().get("detail").asText()).contains("name");
  }

  // finding 6: ids are ASCII digits
  @Test
  void idsAreAsciiDigitsOnly() {
    assertThat(analyst.get("/api/scenarios/\uFF11").status()).isEqualTo(400);
    assertThat(analyst.get("/api/runs/\uFF11").status()).isEqualTo(400);
    assertThat(analyst.get("/api/scenarios/+1").status()).isEqualTo(400);
    assertThat(analyst.get("/api/compare?a=\uFF11&b=1&month=1").status()).isEqualTo(400);
  }

  // finding 6: names without bidirectional overrides
  @Test
  void namesRefuseControlAndBidirectionalOverrideCharacters() {
    for (String bad : new String[] {"evil\u202Elmth.exe", "a\u2066b", "a\u200Fb", "a\u0007b"}) {
      Api.Reply r =
          analyst.post("/api/scenarios", Api.json("name", bad, "yaml", "extends: isis-2017\n"));
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }
  }

  // finding 6: ownership by user id
  @Test
  void aRecreatedUserDoesNotOwnTheDeletedUsersScenarios() {
    Api bob = TestServers.user(server, admin, "bob", "analyst");
    long id = createScenario(bob, "bobs-plan");
    assertThat(admin.delete("/api/users/bob").status()).isEqualTo(204);
    Api bob2 = TestServers.user(server, admin, "bob", "analyst");
    Api.Reply put =
        bob2.put(
            "/api/scenarios/" + id, Api.json("name", "taken-over", "yaml", "extends: isis-2017\n"));
    assertThat(put.status()).as(put.body()).isEqualTo(403);
    assertThat(bob2.delete("/api/scenarios/" + id).status()).isEqualTo(403);
    long own = createScenario(bob2, "bobs-new-plan");
    assertThat(
            bob2.put(
                    "/api/scenarios/" + own,
                    Api.json("name", "bobs-new-plan", "yaml", "extends: isis-2017\n"))
                .status())
        .isEqualTo(200);
  }

  // finding 6: unique token names
  @Test
  void aTokenNameInUseIsAConflict() {
    Api.Reply first = analyst.post("/api/tokens", Api.json("name", "nightly"));
    assertThat(first.status()).isEqualTo(201);
    Api.Reply second = analyst.post("/api/tokens", Api.json("name", "nightly"));
    assertThat(second.status()).as(second.body()).isEqualTo(409);
    Api script = new Api(server.port());
    script.bearer = first.json().get("token").asText();
    assertThat(script.get("/api/session").status()).isEqualTo(200);
  }

  // finding 6: teams
  @Test
  void teamsAreLowerCaseSlugsAndAnAdminCanChangeThem() {
    Api cleo = TestServers.user(server, admin, "cleo", "viewer");
    Api.Reply moved = admin.put("/api/users/cleo", Api.json("team", "alpha"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("team").asText()).isEqualTo("alpha");
    assertThat(cleo.get("/api/session").json().get("team").asText()).isEqualTo("alpha");
    assertThat(
            admin.put("/api/users/cleo", Api.json("role", "analyst")).json().get("team").asText())
        .as("a role change leaves the team")
        .isEqualTo("alpha");
    for (String bad : new String[] {"<script>", "ALPHA", "a".repeat(1000), "al pha", "-x"}) {
      Api.Reply r = admin.put("/api/users/cleo", Api.json("team", bad));
      assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(422);
      Api.Reply c =
          admin.post(
              "/api/users",
              Api.json(
                  "username",
                  "dora",
                  "password",
                  TestServers.PASSWORD,
                  "role",
                  "viewer",
                  "team",
                  bad));
      assertThat(c.status()).as(bad + ": " + c.body()).isEqualTo(422);
    }
    Api.Reply none = admin.put("/api/users/cleo", "{\"team\":null}");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("team").isNull()).isTrue();
  }

  // finding 6: passwords of control characters
  @Test
  void aPasswordOfControlCharactersIsRefused() {
    Api.Reply r =
        admin.post(
            "/api/users",
            Api.json(
                "username",
                "nul",
                "password",
                "\u0000".repeat(12),
                "role",
                "viewer",
                "team",
                null));
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
  }

  // finding 3: field lengths and audit paging
  @Test
  void longLoginNamesDoNotReachTheAuditLogAndTheAuditPages() {
    String huge = "x".repeat(900_000);
    for (int i = 0; i < 3; i++) {
      Api.Reply r = new Api(server.port()).login(huge, "wrong-password-here");
      assertThat(r.status()).isIn(401, 422, 429);
    }
    Api.Reply latest = admin.getOk("/api/audit?limit=40");
    assertThat(latest.body().length()).isLessThan(40 * 4_000);

    server
        .store()
        .audit()
        .record("u".repeat(5_000), "a".repeat(500), "t".repeat(5_000), "d".repeat(50_000));
    JsonNode clipped = admin.get("/api/audit?limit=1").json().get(0);
    assertThat(clipped.get("username").asText().length()).isLessThanOrEqualTo(100);
    assertThat(clipped.get("action").asText().length()).isLessThanOrEqualTo(50);
    assertThat(clipped.get("target").asText().length()).isLessThanOrEqualTo(300);
    assertThat(clipped.get("detail").asText().length()).isLessThanOrEqualTo(2_000);

    JsonNode page1 = admin.get("/api/audit?limit=3").json();
    assertThat(page1).hasSize(3);
    long last = page1.get(2).get("id").asLong();
    JsonNode page2 = admin.get("/api/audit?limit=3&before=" + last).json();
    assertThat(page2).isNotEmpty();
    assertThat(page2.get(0).get("id").asLong()).isLessThan(last);
    assertThat(admin.get("/api/audit?before=x").status()).isEqualTo(400);
  }

  // finding 4: throttling by (user, address), kept in the store
  @Test
  void failedLoginsFromOneAddressDoNotLockTheUserOutElsewhereAndSurviveARestart() {
    String url = databaseUrl();
    DispersalServer first = TestServers.start(url, c -> c);
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(loginFrom(first.port(), "127.0.0.2", "admin", "wrong-password-" + i))
            .isEqualTo("401");
      }
      assertThat(loginFrom(first.port(), "127.0.0.2", "admin", TestServers.ADMIN_PASSWORD))
          .isEqualTo("429");
      assertThat(loginFrom(first.port(), "127.0.0.3", "admin", TestServers.ADMIN_PASSWORD))
          .isEqualTo("200");
    } finally {
      first.close();
    }
    DispersalServer second = TestServers.start(url, c -> c);
    try {
      assertThat(loginFrom(second.port(), "127.0.0.2", "admin", TestServers.ADMIN_PASSWORD))
          .as("the throttle survives a restart")
          .isEqualTo("429");
      assertThat(loginFrom(second.port(), "127.0.0.4", "admin", TestServers.ADMIN_PASSWORD))
          .isEqualTo("200");
    } finally {
      second.close();
    }
  }

  // finding 4: growing back-off
  @Test
  void theBackOffGrowsWithEachFurtherFailure() {
    MovableClock clock = new MovableClock();
    LoginThrottle throttle = new LoginThrottle(clock, server.store().loginFailures());
    String user = "backoff-" + System.nanoTime();
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.retryAfter(user, "10.0.0.1")).isEmpty();
      throttle.failed(user, "10.0.0.1");
    }
    Duration previous = Duration.ZERO;
    for (int i = 0; i < 4; i++) {
      Duration wait = throttle.retryAfter(user, "10.0.0.1").orElseThrow();
      assertThat(wait).isGreaterThan(previous);
      assertThat(throttle.retryAfter(user, "10.0.0.9")).as("another address").isEmpty();
      clock.advance(wait);
      assertThat(throttle.retryAfter(user, "10.0.0.1")).isEmpty();
      throttle.failed(user, "10.0.0.1");
      previous = wait;
    }
    throttle.succeeded(user, "10.0.0.1");
    assertThat(throttle.retryAfter(user, "10.0.0.1")).isEmpty();
  }
}
