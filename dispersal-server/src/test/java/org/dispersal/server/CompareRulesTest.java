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
 * replications), says whether they share a seed, and gives paired intervals of the difference
 * exactly when the runs share seed, replications and per-replication values (issue #17).
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

  private static final int PAIRED_RUNS = 40;
  private static final int PAIRED_MONTHS = 12;

  private long run(long scenario, int replications, int months) {
    long id = TestServers.submit(analyst, scenario, replications, months).json().get("id").asLong();
    assertThat(TestServers.finished(analyst, id).get("status").asText()).isEqualTo("succeeded");
    return id;
  }

  private long run(long scenario, int replications, int months, long seed) {
    Api.Reply r =
        analyst.post(
            "/api/runs",
            Api.json(
                "scenarioId",
                scenario,
                "replications",
                replications,
                "seed",
                seed,
                "months",
                months,
                // the scenario alone: isis-2017 would otherwise run as the mixture of its
                // hypotheses, which a variant without shipped weights does not
                "single",
                true));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    long id = r.json().get("id").asLong();
    assertThat(TestServers.finished(analyst, id).get("status").asText()).isEqualTo("succeeded");
    return id;
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void runsWithTheSameSeedButOtherReplicationCountsAreNotPaired() {
    JsonNode cmp =
        analyst.get("/api/compare?a=" + threeMonths + "&b=" + threeMonthsAgain + "&month=3").json();
    assertThat(cmp.get("start").asText()).isEqualTo("2017-02");
    assertThat(cmp.get("months").asInt()).isEqualTo(3);
    assertThat(cmp.get("sameSeed").asBoolean()).isTrue();
    assertThat(cmp.get("paired").asBoolean()).isFalse();
    assertThat(cmp.get("pairing").asText())
        .startsWith("no paired interval: the runs have 3 and 4 replications");
    assertThat(cmp.get("rows")).isNotEmpty();
    assertThat(cmp.get("rows").get(0).get("pairedDiff").isNull()).isTrue();
  }

  @Test
  void aChangedParameterWithTheSameSeedGivesPairedIntervalsNarrowerThanTheRunsOwn() {
    long base = TestServers.listed(analyst, "isis-2017").get("id").asLong();
    long doubled = TestServers.listed(analyst, "isis-2017-prosecution-doubled").get("id").asLong();
    long a = run(base, PAIRED_RUNS, PAIRED_MONTHS, 7);
    long b = run(doubled, PAIRED_RUNS, PAIRED_MONTHS, 7);
    long otherSeed = run(doubled, PAIRED_RUNS, PAIRED_MONTHS, 8);

    JsonNode cmp =
        analyst.get("/api/compare?a=" + a + "&b=" + b + "&month=" + PAIRED_MONTHS).json();
    assertThat(cmp.get("paired").asBoolean()).as(cmp.toString()).isTrue();
    assertThat(cmp.get("pairing").asText())
        .startsWith("paired: both runs used seed 7 and " + PAIRED_RUNS + " replications");
    long pairedWidth = 0;
    long ownWidth = 0;
    boolean prosecutedSeen = false;
    for (JsonNode row : cmp.get("rows")) {
      JsonNode d = row.get("pairedDiff");
      assertThat(d.isObject()).as(row.toString()).isTrue();
      assertThat(d.get("p05").asLong()).isLessThanOrEqualTo(d.get("p50").asLong());
      assertThat(d.get("p50").asLong()).isLessThanOrEqualTo(d.get("p95").asLong());
      // A difference cannot leave the range of the two runs' extremes.
      assertThat(d.get("p95").asLong())
          .isLessThanOrEqualTo(row.get("b").get("p95").asLong() * 2 + 1);
      if (!row.get("scope").asText().equals("world")) {
        continue;
      }
      long width = d.get("p95").asLong() - d.get("p05").asLong();
      long widest =
          Math.max(
              row.get("a").get("p95").asLong() - row.get("a").get("p05").asLong(),
              row.get("b").get("p95").asLong() - row.get("b").get("p05").asLong());
      pairedWidth += width;
      ownWidth += widest;
      if (row.get("state").asText().equals("prosecuted")) {
        prosecutedSeen = true;
        // Doubling prosecution raises the prosecuted in (nearly) every replication.
        assertThat(d.get("p05").asLong()).as(row.toString()).isPositive();
        assertThat(width).as(row.toString()).isLessThan(widest);
      }
    }
    assertThat(prosecutedSeen).isTrue();
    // The interval of an unpaired difference is at least as wide as the wider run's own interval
    // (about the root of the sum of their squares); common random numbers make it much narrower.
    assertThat(pairedWidth).isLessThan(ownWidth / 2);

    JsonNode unpaired =
        analyst.get("/api/compare?a=" + a + "&b=" + otherSeed + "&month=" + PAIRED_MONTHS).json();
    assertThat(unpaired.get("paired").asBoolean()).isFalse();
    assertThat(unpaired.get("pairing").asText())
        .startsWith("no paired interval: the runs used different seeds (7 and 8)");
  }

  @Test
  void thePairedBandIsReadFromTheDifferencesByTheSummariesRule() {
    int[] a = new int[20];
    int[] b = new int[20];
    for (int i = 0; i < 20; i++) {
      a[i] = 100 + i * 10;
      b[i] = a[i] + (i % 4); // differences 0, 1, 2, 3 five times each
    }
    assertThat(RunRoutes.pairedBand(a, b)).isEqualTo(new RunRoutes.Band(0, 1, 3));
    // One replication in twenty below: the 5th percentile is the first of the sorted differences.
    b[7] = a[7] - 50;
    assertThat(RunRoutes.pairedBand(a, b)).isEqualTo(new RunRoutes.Band(-50, 1, 3));
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
