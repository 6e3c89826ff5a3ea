package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Role boundaries, CSRF, tokens, hostile input and security headers, over real HTTP against a
 * service on the embedded store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

  /** A scenario that extends the built-in one and changes nothing. */
  static final String VALID_YAML = "extends: isis-2017\nname: mine\n";

  @TempDir static Path folder;
  DispersalServer server;
  Api admin;
  Api analyst;
  Api viewer;
  Api anonymous;
  long builtIn;

  @BeforeAll
  void start() {
    server = TestServers.start(TestDatabases.duckDb(folder), c -> c);
    admin = TestServers.admin(server);
    analyst = TestServers.user(server, admin, "analyst1", "analyst");
    viewer = TestServers.user(server, admin, "viewer1", "viewer");
    anonymous = new Api(server.port());
    builtIn = analyst.get("/api/scenarios").json().get(0).get("id").asLong();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static void assertProblem(Api.Reply r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("type").asText()).isNotBlank();
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    List<Api.Reply> replies =
        List.of(
            anonymous.get("/api/health"),
            anonymous.get("/"),
            anonymous.get("/api/nothing-here"),
            anonymous.get("/api/scenarios"),
            anonymous.post("/api/session", "{"),
            analyst.get("/api/runs"),
            anonymous.get("/setup"));
    for (Api.Reply r : replies) {
      String csp = r.header("Content-Security-Policy");
      assertThat(csp).as(r.raw().uri().toString()).contains("default-src 'self'");
      assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
    assertThat(anonymous.get("/api/health").json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndStrict() {
    Api fresh = new Api(server.port());
    Api.Reply r = fresh.login("viewer1", TestServers.PASSWORD);
    String cookie = r.header("Set-Cookie");
    assertThat(cookie).startsWith("dispersal_session=").contains("HttpOnly");
    assertThat(cookie).containsIgnoringCase("SameSite=Strict").contains("Path=/");
    String id = cookie.substring("dispersal_session=".length(), cookie.indexOf(';'));
    assertThat(id).hasSize(43); // 256 bits in URL-safe base64
    assertThat(r.json().get("role").asText()).isEqualTo("viewer");
    assertThat(fresh.delete("/api/session").status()).isEqualTo(204);
    assertThat(fresh.get("/api/session").status()).isEqualTo(401);
  }

  @Test
  void anonymousCallersMustLogIn() {
    for (String path : List.of("/api/scenarios", "/api/runs", "/api/states", "/api/audit")) {
      assertProblem(anonymous.get(path), 401);
    }
    assertProblem(anonymous.post("/api/runs", Api.json("scenarioId", builtIn)), 401);
    assertProblem(new Api(server.port()).login("viewer1", "wrong-password-here"), 401);
  }

  @Test
  void aViewerReadsButCannotRunEditOrSeeTheAuditLog() {
    assertThat(viewer.get("/api/scenarios").status()).isEqualTo(200);
    assertThat(viewer.get("/api/runs").status()).isEqualTo(200);
    assertThat(viewer.get("/api/states").status()).isEqualTo(200);
    assertProblem(
        viewer.post("/api/runs", Api.json("scenarioId", builtIn, "replications", 5)), 403);
    assertProblem(viewer.post("/api/scenarios", Api.json("name", "v", "yaml", VALID_YAML)), 403);
    long mine = createScenario(analyst, "owned-by-analyst");
    assertProblem(
        viewer.put("/api/scenarios/" + mine, Api.json("name", "x", "yaml", VALID_YAML)), 403);
    assertProblem(viewer.delete("/api/scenarios/" + mine), 403);
    assertProblem(viewer.post("/api/runs/1/cancel", null), 403);
    assertProblem(viewer.get("/api/audit"), 403);
    assertProblem(viewer.get("/api/users"), 403);
  }

  @Test
  void anAnalystCannotManageUsersOrReadTheAuditLog() {
    assertProblem(analyst.get("/api/users"), 403);
    assertProblem(
        analyst.post(
            "/api/users",
            Api.json("username", "sneaky", "password", TestServers.PASSWORD, "role", "admin")),
        403);
    assertProblem(analyst.put("/api/users/analyst1", Api.json("role", "admin")), 403);
    assertProblem(analyst.delete("/api/users/viewer1"), 403);
    assertProblem(analyst.get("/api/audit"), 403);
    assertThat(admin.get("/api/audit").status()).isEqualTo(200);
    assertThat(admin.get("/api/users").status()).isEqualTo(200);
  }

  @Test
  void analystsChangeOnlyTheirOwnScenariosAndNeverBuiltIns() {
    Api other = TestServers.user(server, admin, "analyst2", "analyst");
    long mine = createScenario(analyst, "analyst1-only");
    assertProblem(
        other.put("/api/scenarios/" + mine, Api.json("name", "taken", "yaml", VALID_YAML)), 403);
    assertProblem(other.delete("/api/scenarios/" + mine), 403);
    assertProblem(
        analyst.put("/api/scenarios/" + builtIn, Api.json("name", "x", "yaml", VALID_YAML)), 403);
    assertProblem(analyst.delete("/api/scenarios/" + builtIn), 403);
    Api.Reply renamed =
        analyst.put(
            "/api/scenarios/" + mine, Api.json("name", "analyst1-renamed", "yaml", VALID_YAML));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(admin.delete("/api/scenarios/" + mine).status()).isEqualTo(204);
    JsonNode audit = admin.get("/api/audit?limit=200").json();
    assertThat(audit.toString()).contains("scenario.create", "scenario.update", "scenario.delete");
  }

  @Test
  void unsafeCookieRequestsNeedTheCsrfToken() {
    String body = Api.json("name", "csrf-test", "yaml", VALID_YAML);
    HttpRequest none =
        analyst
            .request("/api/scenarios")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    assertProblem(Api.exchange(none), 403);
    HttpRequest wrong =
        analyst
            .request("/api/scenarios")
            .header("Content-Type", "application/json")
            .header("X-CSRF-Token", "not-the-token")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    assertProblem(Api.exchange(wrong), 403);
    assertThat(analyst.post("/api/scenarios", body).status()).isEqualTo(201);
  }

  @Test
  void apiTokensWorkWithoutCsrfAndCanBeRevoked() {
    Api.Reply made = analyst.post("/api/tokens", Api.json("name", "script"));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String token = made.json().get("token").asText();
    Api script = new Api(server.port());
    script.bearer = token;
    JsonNode me = script.get("/api/session").json();
    assertThat(me.get("username").asText()).isEqualTo("analyst1");
    assertThat(me.has("csrfToken") && !me.get("csrfToken").isNull()).isFalse();
    Api.Reply created =
        script.post("/api/scenarios", Api.json("name", "by-token", "yaml", VALID_YAML));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(analyst.delete("/api/tokens/script").status()).isEqualTo(204);
    assertProblem(script.get("/api/session"), 401);
    Api forged = new Api(server.port());
    forged.bearer = "dsp_forged";
    assertProblem(forged.get("/api/runs"), 401);
  }

  @Test
  void anOversizedBodyIsRefusedWith413() {
    String big = "x".repeat(2 << 20);
    assertProblem(analyst.post("/api/scenarios/validate", Api.json("yaml", big)), 413);
  }

  @Test
  void malformedJsonIsA400Problem() {
    Api.Reply r = analyst.post("/api/scenarios", "{\"name\": \"x\", \"yaml\": ");
    assertProblem(r, 400);
    assertThat(r.json().get("detail").asText()).contains("malformed JSON");
    assertProblem(analyst.post("/api/runs", "{\"scenarioId\": \"seven\"}"), 400);
    assertProblem(analyst.post("/api/runs", "[1,2]"), 400);
    assertProblem(analyst.post("/api/scenarios", ""), 400);
  }

  @Test
  void invalidScenariosGetEveryProblemWithLineAndField() {
    String yaml =
        "extends: isis-2017\nname: broken\nparameters:\n  not_a_parameter:\n    prior: 0.5\n";
    Api.Reply r = analyst.post("/api/scenarios", Api.json("name", "broken", "yaml", yaml));
    assertProblem(r, 422);
    JsonNode errors = r.json().get("errors");
    assertThat(errors).hasSizeGreaterThanOrEqualTo(2); // no source, and a prior that is no mapping
    JsonNode e = errors.get(1);
    assertThat(e.get("line").asInt()).as(errors.toString()).isEqualTo(5);
    assertThat(e.get("message").asText()).contains("'0.5'");
    assertThat(e.get("field").asText()).contains("not_a_parameter");
    assertThat(e.get("message").asText()).isNotBlank();

    JsonNode v = viewer.post("/api/scenarios/validate", Api.json("yaml", yaml)).json();
    assertThat(v.get("valid").asBoolean()).isFalse();
    assertThat(v.get("errors").get(0).get("line").asInt()).isEqualTo(5);
    JsonNode ok = viewer.post("/api/scenarios/validate", Api.json("yaml", VALID_YAML)).json();
    assertThat(ok.get("valid").asBoolean()).isTrue();
    assertThat(ok.get("errors")).isEmpty();
  }

  @Test
  void scriptInAScenarioNameComesBackOnlyAsEscapedJson() {
    String name = "<script>alert('x')</script>";
    Api.Reply made = analyst.post("/api/scenarios", Api.json("name", name, "yaml", VALID_YAML));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    Api.Reply list = viewer.get("/api/scenarios");
    assertThat(list.header("Content-Type")).startsWith("application/json");
    assertThat(list.body()).doesNotContain("<script>").containsIgnoringCase("\\u003cscript\\u003e");
    boolean found = false;
    for (JsonNode s : list.json()) {
      found |= s.get("name").asText().equals(name);
    }
    assertThat(found).isTrue();
  }

  @Test
  void pathTraversalIsRefused() {
    assertProblem(viewer.get("/api/runs/1/export?format=../../../../etc/passwd"), 400);
    assertProblem(viewer.get("/api/runs/1/export?format=csv%2F..%2F..%2Fetc%2Fpasswd"), 400);
    assertProblem(viewer.get("/api/runs/..%2F..%2Fetc/export?format=csv"), 400);
    for (String path :
        List.of(
            "/assets/..%2F..%2F..%2Fserver%2Fopenapi.yaml",
            "/setup/..%2Fopenapi.yaml",
            "/..%2F..%2Fserver%2Fopenapi.yaml",
            "/org/dispersal/server/openapi.yaml",
            "/setup/%2e%2e/openapi.yaml")) {
      Api.Reply r =
          Api.exchange(HttpRequest.newBuilder(URI.create(anonymous.base + path)).GET().build());
      assertThat(r.body()).as(path).doesNotContain("openapi:");
    }
  }

  @Test
  void runsOverTheSizeLimitAreRefusedClearly() {
    Api.Reply big =
        analyst.post("/api/runs", Api.json("scenarioId", builtIn, "replications", 20_000));
    assertProblem(big, 413);
    assertThat(big.json().get("detail").asText()).contains("cohorts", "exceeds the limit");
    assertProblem(
        analyst.post("/api/runs", Api.json("scenarioId", builtIn, "replications", 0)), 422);
    assertProblem(
        analyst.post(
            "/api/runs", Api.json("scenarioId", builtIn, "replications", 5, "months", 999)),
        422);
    assertProblem(
        analyst.post("/api/runs", Api.json("scenarioId", 999_999, "replications", 5)), 404);
  }

  @Test
  void repeatedWrongPasswordsThrottleTheName() {
    assertThat(
            admin
                .post(
                    "/api/users",
                    Api.json(
                        "username", "target", "password", TestServers.PASSWORD, "role", "viewer"))
                .status())
        .isEqualTo(201);
    Api guesser = new Api(server.port());
    for (int i = 0; i < 5; i++) {
      assertProblem(guesser.login("target", "guess-number-" + i), 401);
    }
    Api.Reply blocked = guesser.login("target", TestServers.PASSWORD);
    assertProblem(blocked, 429);
    assertThat(Integer.parseInt(blocked.header("Retry-After"))).isPositive();
    assertThat(admin.get("/api/audit?limit=100").body())
        .contains("login.failed", "login.throttled");
  }

  private static long createScenario(Api api, String name) {
    Api.Reply r = api.post("/api/scenarios", Api.json("name", name, "yaml", VALID_YAML));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }
}
