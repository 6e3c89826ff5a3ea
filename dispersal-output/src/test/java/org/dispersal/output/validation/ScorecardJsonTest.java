package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.text.Json;
import org.dispersal.scoring.ForecastScore;
import org.dispersal.scoring.ObservedRange;
import org.dispersal.scoring.Scores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardJsonTest {

  @TempDir Path tmp;

  /** Two figures from two sources: FRA covered by both intervals, BEL by neither. */
  private static Hindcast.Result result(LocalDate asOf) {
    ObservationRecord fra =
        ValidationFixtures.figure("FRA", ObservedMeasure.RETURNED, 250, 300, "icsr");
    ObservationRecord bel = ValidationFixtures.figure("BEL", ObservedMeasure.KILLED, 90, 90, "be");
    double[] a = {200, 240, 260, 280, 320};
    double[] b = {10, 20, 30, 40, 50};
    return ValidationFixtures.result(
        List.of(
            new Hindcast.Row(
                fra, "scored", 4, ForecastScore.of(a, fra.range()), 20, 10, 270, Double.NaN, a, ""),
            new Hindcast.Row(
                bel,
                "scored",
                16,
                ForecastScore.of(b, bel.range()),
                60,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                b,
                "")),
        asOf);
  }

  @Test
  void writesTheScorecardWithTheCommandAndEveryForecastDate() throws Exception {
    Path f = tmp.resolve("scorecard.json");
    ScorecardJson.write(
        List.of(result(LocalDate.of(2017, 2, 13)), result(LocalDate.of(2017, 5, 13))),
        "dispersal hindcast --as-of 2017-02-13",
        f);
    JsonNode root = Json.MAPPER.readTree(f.toFile());
    assertThat(root.path("command").asText()).isEqualTo("dispersal hindcast --as-of 2017-02-13");
    assertThat(root.path("scenario").asText()).isEqualTo("mali-2013");
    assertThat(root.path("forecast_dates").toString()).isEqualTo("[\"2017-02-13\",\"2017-05-13\"]");
    JsonNode all = root.path("pooled").path(0);
    assertThat(all.path("horizon").asText()).isEqualTo("all");
    assertThat(all.path("figures").asInt()).isEqualTo(4);
    assertThat(all.path("sources").asInt()).isEqualTo(2);
    assertThat(all.path("pit_histogram")).hasSize(10);
    // The 13-24 band holds BEL only; 25-36 nothing, so its scores are null.
    JsonNode empty = root.path("pooled").path(4);
    assertThat(empty.path("horizon").asText()).isEqualTo("25-36");
    assertThat(empty.path("crps").isNull()).isTrue();
    assertThat(root.path("by_date")).hasSize(2);
    assertThat(root.path("by_date").path(1).path("as_of").asText()).isEqualTo("2017-05-13");
    assertThat(root.path("verdict").path("targets")).hasSize(7);
    // By kind: BEL's killed and FRA's returned (2 each over the two dates); FRA had a trend
    // baseline (counted before), BEL none.
    JsonNode kinds = root.path("by_kind");
    assertThat(kinds).hasSize(4);
    assertThat(kinds.path(0).path("by").asText()).isEqualTo("measure");
    assertThat(kinds.path(0).path("value").asText()).isEqualTo("killed");
    assertThat(kinds.path(1).path("value").asText()).isEqualTo("returned");
    assertThat(kinds.path(2).path("by").asText()).isEqualTo("earlier_count");
    assertThat(kinds.path(2).path("value").asText()).isEqualTo("yes");
    assertThat(kinds.path(3).path("value").asText()).isEqualTo("no");
    assertThat(kinds.path(2).path("figures").asInt()).isEqualTo(2);
    assertThat(kinds.path(2).path("crps").asDouble())
        .isEqualTo(kinds.path(1).path("crps").asDouble());
    assertThat(kinds.path(3).path("horizon").asText()).isEqualTo("all");
    // The same result at both dates: the same mean CRPS, so the later date is not better.
    JsonNode pays = root.path("assimilation");
    assertThat(pays.path("figures").asInt()).isEqualTo(2);
    assertThat(pays.path("mean_crps")).hasSize(2);
    assertThat(pays.path("mean_crps").path(1).path("mean_crps").asDouble())
        .isEqualTo(pays.path("mean_crps").path(0).path("mean_crps").asDouble());
    assertThat(pays.path("pairs").asInt()).isEqualTo(1);
    assertThat(pays.path("later_better").asInt()).isZero();
    assertThat(pays.path("status").asText()).isEqualTo("missed");

    PublishedScorecard card = PublishedScorecard.read(root);
    assertThat(card.figures()).isEqualTo(4);
    assertThat(card.coverage90()).isCloseTo(0.5, within(1e-12));
    assertThat(card.coverage50()).isCloseTo(0.5, within(1e-12));
    // Weighted by people: the summed model CRPS (each figure twice) over the summed persistence.
    double model =
        2
            * (Scores.crps(new double[] {200, 240, 260, 280, 320}, new ObservedRange(250, 300))
                + Scores.crps(new double[] {10, 20, 30, 40, 50}, new ObservedRange(90, 90)));
    assertThat(card.persistencePeople()).isCloseTo(1 - model / (2 * (20 + 60)), within(1e-12));
    assertThat(card.frozenAt()).isEqualTo("at each of 2 forecast dates, 2017-02-13 to 2017-05-13");
    assertThat(card.inWords())
        .contains("forecast's 90% intervals held 50% of the figures")
        .contains("against 4 figures from 2 sources");
  }
}
