package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/compare} compares only comparable forecasts (same start month and horizon, with
 * replications), says whether they share a seed, and never claims a paired interval it cannot
 * compute from the stored percentiles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareRulesTest {

  @TempDir static Path folder;
  DispersalServer server;
  Api analyst;
  long threeMonths;
  long threeMonthsAgain;
  long fourMonths;

  @BeforeAll
  void start() {
    server = TestServers.start(TestDatabases.duckDb(folder), c -> c);
    Api admin = TestServers.admin(server);
    analyst = TestServers.user(server, admin, "analyst1", "analyst");
    long scenario = TestServers.listed(analyst, "isis-2017").get("id").asLong();
    threeMonths = run(scenario, 3, 3);
    threeMonthsAgain = run(scenario, 4, 3);
    fourMonths = run(scenario, 3, 4);
  }

  private long run(long scenario, int replications, int months) {
    long id = TestServers.submit(analyst, scenario, replications, months).json().get("id").asLong();
    assertThat(TestServers.finished(analyst, id).get("status").asText()).isEqualTo("succeeded");
    return id;
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void comparableRunsWithTheSameSeedAreSaidToShareItButAreNotPaired() {
    JsonNode cmp =
        analyst.get("/api/compare?a=" + threeMonths + "&b=" + threeMonthsAgain + "&month=3").json();
    assertThat(cmp.get("start").asText()).isEqualTo("2017-02");
    assertThat(cmp.get("months").asInt()).isEqualTo(3);
    assertThat(cmp.get("sameSeed").asBoolean()).isTrue();
    assertThat(cmp.get("paired").asBoolean()).isFalse();
    assertThat(cmp.get("pairing").asText()).contains("no paired interval");
    assertThat(cmp.get("rows")).isNotEmpty();
  }

  @Test
  void runsOfDifferentHorizonsAreRefusedInOneLine() {
    Api.Reply r = analyst.get("/api/compare?a=" + threeMonths + "&b=" + fourMonths + "&month=3");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("detail").asText())
        .isEqualTo(
            "b: runs "
                + threeMonths
                + " and "
                + fourMonths
                + " are not comparable: they run for 3 and 4")
        .doesNotContain("\n");
  }

  @Test
  void theCandidatesOfARunAreTheRunsWithItsHorizon() {
    JsonNode list = analyst.get("/api/compare/candidates?a=" + threeMonths).json();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asLong()).isEqualTo(threeMonthsAgain);
    assertThat(list.get(0).get("sameSeed").asBoolean()).isTrue();
    assertThat(analyst.get("/api/compare/candidates?a=" + fourMonths).json()).isEmpty();
  }

  @Test
  void aMonthPastTheHorizonIsRefused() {
    Api.Reply r =
        analyst.get("/api/compare?a=" + threeMonths + "&b=" + threeMonthsAgain + "&month=4");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).contains("0 to 3");
  }
}
