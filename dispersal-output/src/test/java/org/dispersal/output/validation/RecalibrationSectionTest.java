package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.RollingRecalibration;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.scoring.ForecastScore;
import org.junit.jupiter.api.Test;

class RecalibrationSectionTest {

  private static Hindcast.Result result(LocalDate asOf, double[] sample) {
    ObservationRecord r =
        ValidationFixtures.figure("FRA", ObservedMeasure.RETURNED, 250, 300, "icsr, 2018");
    return ValidationFixtures.result(
        List.of(
            new Hindcast.Row(
                r,
                "scored",
                4,
                ForecastScore.of(sample, r.range()),
                10,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                sample,
                "")),
        asOf);
  }

  @Test
  void showsRawAndRecalibratedScoresSideBySideAndWhatEachDateLearntFrom() {
    double[] narrow = {100, 101, 102, 103, 104};
    double[] wide = {50, 150, 260, 400, 900};
    Hindcast.Result feb = result(LocalDate.of(2017, 2, 13), narrow);
    Hindcast.Result may = result(LocalDate.of(2017, 5, 13), narrow);
    String html =
        RecalibrationSection.html(
            List.of(feb, may),
            List.of(
                new RollingRecalibration.Date(feb, 0),
                new RollingRecalibration.Date(result(may.asOf(), wide), 3)));
    assertThat(html)
        .contains("Recalibrated on earlier forecast dates")
        .contains("2017-02-13 none (raw); 2017-05-13 3")
        .contains("raw, dates that learnt");
    // Coverage of the 90% interval: raw 0 of 2, recalibrated 1 of 2; on May alone 0% and 100%.
    assertThat(html)
        .containsPattern(
            "coverage of the central 90%</td><td>0%[^<]*(<span[^>]*>[^<]*</span>)?"
                + "</td><td>50%");
    assertThat(html).contains("<td>100%");
  }

  @Test
  void aSingleDateThatLearntNothingShowsDashes() {
    Hindcast.Result feb = result(LocalDate.of(2017, 2, 13), new double[] {1, 2, 3});
    String html =
        RecalibrationSection.html(List.of(feb), List.of(new RollingRecalibration.Date(feb, 0)));
    assertThat(html).contains("2017-02-13 none (raw)").contains("<td>–</td>");
  }
}
