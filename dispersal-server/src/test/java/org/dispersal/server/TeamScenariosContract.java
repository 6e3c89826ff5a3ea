package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Team-private scenarios and their runs over real HTTP, on each kind of store: a scenario visible
 * to team alpha only, and its runs, are left out of other teams' lists and answer every route of
 * theirs with the 404 of a missing object, while alpha's members and admins see them as usual.
 */
abstract class TeamScenariosContract extends ServerContract {

  /** A scenario that extends the built-in one and shortens nothing. */
  private static final String YAML = "extends: isis-2017\nname: team\n";

  Api anaAlpha;
  Api vicAlpha;
  Api benBeta;
  Api beaBeta;
  Api nat;

  @Override
  void setUp() {
    anaAlpha = TestServers.user(server, admin, "ana-alpha", "analyst", "alpha");
    vicAlpha = TestServers.user(server, admin, "vic-alpha", "viewer", "alpha");
    benBeta = TestServers.user(server, admin, "ben-beta", "analyst", "beta");
    beaBeta = TestServers.user(server, admin, "bea-beta", "viewer", "beta");
    nat = TestServers.user(server, admin, "nat", "analyst", null);
  }

  private static long create(Api api, String name, String visibility) {
    Api.Reply r =
        api.post("/api/scenarios", Api.json("name", name, "yaml", YAML, "visibility", visibility));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  private static List<Long> ids(Api api, String path) {
    Api.Reply r = api.get(path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    r.json().forEach(item -> out.add(item.get("id").asLong()));
    return out;
  }

  /** The reply is the 404 problem a missing object gives, with exactly this detail. */
  private static void assertMissing(Api.Reply r, String detail) {
    SecurityTest.assertProblem(r, 404);
    assertThat(r.json().get("detail").asText()).isEqualTo(detail);
  }

  private static long forecast(Api api, long scenario) throws InterruptedException {
    long run = TestServers.submit(api, scenario, 4, 6).json().get("id").asLong();
    assertThat(TestServers.finished(api, run).get("status").asText()).isEqualTo("succeeded");
    return run;
  }

  @Test
  void theSessionNamesTheUsersTeam() {
    Api.Reply login = new Api(server.port()).login("ana-alpha", TestServers.PASSWORD);
    assertThat(login.json().get("team").asText()).isEqualTo("alpha");
    assertThat(anaAlpha.get("/api/session").json().get("team").asText()).isEqualTo("alpha");
    assertThat(nat.get("/api/session").json().get("team").isNull()).isTrue();
  }

  @Test
  void aTeamScenarioIsSeenOnlyByItsTeamAndAdmins() {
    long id = create(anaAlpha, "alpha-private", "team");
    JsonNode made = anaAlpha.get("/api/scenarios/" + id).json();
    assertThat(made.get("visibility").asText()).isEqualTo("team");
    assertThat(made.get("team").asText()).isEqualTo("alpha");
    long missing = id + 100_000;
    String detail = "no scenario " + id;
    assertMissing(benBeta.get("/api/scenarios/" + missing), "no scenario " + missing);

    for (Api other : List.of(benBeta, beaBeta, nat)) {
      assertThat(ids(other, "/api/scenarios")).doesNotContain(id);
      assertMissing(other.get("/api/scenarios/" + id), detail);
      assertMissing(other.get("/api/scenarios/" + id + "/hypotheses"), detail);
    }
    for (Api analyst : List.of(benBeta, nat)) {
      assertMissing(
          analyst.put("/api/scenarios/" + id, Api.json("name", "taken-over", "yaml", YAML)),
          detail);
      assertMissing(analyst.delete("/api/scenarios/" + id), detail);
      assertMissing(
          analyst.post("/api/runs", Api.json("scenarioId", id, "replications", 4)), detail);
    }

    for (Api member : List.of(anaAlpha, vicAlpha, admin)) {
      assertThat(ids(member, "/api/scenarios")).contains(id);
      Api.Reply r = member.get("/api/scenarios/" + id);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("team").asText()).isEqualTo("alpha");
      Api.Reply h = member.get("/api/scenarios/" + id + "/hypotheses");
      assertThat(h.status()).as(h.body()).isEqualTo(200);
    }
    JsonNode listed = TestServers.listed(anaAlpha, "alpha-private");
    assertThat(listed.get("visibility").asText()).isEqualTo("team");
    assertThat(listed.get("team").asText()).isEqualTo("alpha");
    JsonNode shared = TestServers.listed(anaAlpha, "isis-2017");
    assertThat(shared.get("visibility").asText()).isEqualTo("shared");
    assertThat(shared.get("team").isNull()).isTrue();
    assertThat(admin.delete("/api/scenarios/" + id).status()).isEqualTo(204);
  }

  @Test
  void theRunsOfATeamScenarioAreSeenOnlyByItsTeamAndAdmins() throws Exception {
    long scenario = create(anaAlpha, "alpha-runs", "team");
    long run = forecast(anaAlpha, scenario);
    long open = forecast(benBeta, TestServers.listed(benBeta, "isis-2017").get("id").asLong());
    JsonNode detail = anaAlpha.get("/api/runs/" + run).json();
    assertThat(detail.get("team").asText()).isEqualTo("alpha");
    assertThat(benBeta.get("/api/runs/" + open).json().get("team").isNull()).isTrue();

    String missing = "no run " + run;
    for (Api other : List.of(benBeta, beaBeta, nat)) {
      assertThat(ids(other, "/api/runs")).doesNotContain(run).contains(open);
      for (String path :
          List.of(
              "", "/summary?scope=world", "/report", "/export?format=csv", "/threat", "/update")) {
        assertMissing(other.get("/api/runs/" + run + path), missing);
      }
      HttpResponse<String> events =
          Api.HTTP.send(other.events(run).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(events.statusCode()).as(events.body()).isEqualTo(404);
      assertThat(events.body()).contains(missing);
      assertMissing(other.get("/api/compare?a=" + run + "&b=" + open + "&month=6"), missing);
      assertMissing(other.get("/api/compare?a=" + open + "&b=" + run + "&month=6"), missing);
    }
    for (Api analyst : List.of(benBeta, nat)) {
      assertMissing(analyst.post("/api/runs/" + run + "/cancel", null), missing);
    }

    for (Api member : List.of(anaAlpha, vicAlpha, admin)) {
      assertThat(ids(member, "/api/runs")).contains(run, open);
      Api.Reply summary = member.get("/api/runs/" + run + "/summary?scope=world&month=6");
      assertThat(summary.status()).as(summary.body()).isEqualTo(200);
      assertThat(summary.json().get("rows")).isNotEmpty();
      Api.Reply cmp = member.get("/api/compare?a=" + run + "&b=" + open + "&month=6");
      assertThat(cmp.status()).as(cmp.body()).isEqualTo(200);
      assertThat(cmp.json().get("rows")).isNotEmpty();
    }
    SecurityTest.assertProblem(anaAlpha.post("/api/runs/" + run + "/cancel", null), 409);
  }

  @Test
  void onlyAUserWithATeamMakesATeamScenario() {
    Api.Reply none =
        nat.post(
            "/api/scenarios", Api.json("name", "nat-team", "yaml", YAML, "visibility", "team"));
    SecurityTest.assertProblem(none, 422);
    JsonNode error = none.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("visibility");
    assertThat(error.get("message").asText()).isEqualTo("you belong to no team; ask an admin");
    Api.Reply odd =
        anaAlpha.post(
            "/api/scenarios", Api.json("name", "odd", "yaml", YAML, "visibility", "private"));
    SecurityTest.assertProblem(odd, 422);
    assertThat(odd.json().get("errors").get(0).get("field").asText()).isEqualTo("visibility");
    long shared = create(nat, "nat-shared", null);
    assertThat(nat.get("/api/scenarios/" + shared).json().get("visibility").asText())
        .isEqualTo("shared");
  }

  @Test
  void theOwnerSwitchesVisibilityOnUpdate() {
    long id = create(anaAlpha, "alpha-switch", "shared");
    assertThat(benBeta.get("/api/scenarios/" + id).status()).isEqualTo(200);
    SecurityTest.assertProblem(
        benBeta.put("/api/scenarios/" + id, Api.json("name", "alpha-switch", "yaml", YAML)), 403);

    Api.Reply toTeam =
        anaAlpha.put(
            "/api/scenarios/" + id,
            Api.json("name", "alpha-switch", "yaml", YAML, "visibility", "team"));
    assertThat(toTeam.status()).as(toTeam.body()).isEqualTo(200);
    assertThat(toTeam.json().get("team").asText()).isEqualTo("alpha");
    assertMissing(benBeta.get("/api/scenarios/" + id), "no scenario " + id);

    Api.Reply kept =
        anaAlpha.put("/api/scenarios/" + id, Api.json("name", "alpha-renamed", "yaml", YAML));
    assertThat(kept.status()).as(kept.body()).isEqualTo(200);
    assertThat(kept.json().get("visibility").asText()).isEqualTo("team");
    assertMissing(benBeta.get("/api/scenarios/" + id), "no scenario " + id);

    Api.Reply toShared =
        admin.put(
            "/api/scenarios/" + id,
            Api.json("name", "alpha-renamed", "yaml", YAML, "visibility", "shared"));
    assertThat(toShared.status()).as(toShared.body()).isEqualTo(200);
    assertThat(toShared.json().get("team").isNull()).isTrue();
    assertThat(benBeta.get("/api/scenarios/" + id).status()).isEqualTo(200);

    long natsOwn = create(nat, "nat-own", "shared");
    Api.Reply noTeam =
        admin.put(
            "/api/scenarios/" + natsOwn,
            Api.json("name", "nat-own", "yaml", YAML, "visibility", "team"));
    SecurityTest.assertProblem(noTeam, 422);
    assertThat(noTeam.json().get("errors").get(0).get("message").asText())
        .isEqualTo("the owner nat belongs to no team; ask an admin");
  }
}
