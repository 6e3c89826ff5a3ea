package org.dispersal.hindcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.Publication;
import org.dispersal.observation.TestFigures;
import org.dispersal.scoring.ForecastScore;
import org.junit.jupiter.api.Test;

class RollingRecalibrationTest {

  private static final LocalDate JAN = LocalDate.of(2016, 1, 1);
  private static final LocalDate JUL = LocalDate.of(2016, 7, 1);

  private static ObservationRecord figure(int line, String month, String published, int value) {
    return TestFigures.monthly(
        line, month, published, "country", "FRA", ObservedMeasure.RETURNED, value, value);
  }

  private static Hindcast.Row scored(ObservationRecord r) {
    double[] sample = new double[50];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = 90 + i % 20;
    }
    return new Hindcast.Row(
        r,
        "scored",
        3,
        ForecastScore.of(sample, r.range()),
        1,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        sample,
        "");
  }

  private static Hindcast.Result result(LocalDate asOf, ObservationRecord... figures) {
    return new Hindcast.Result(
        null,
        java.util.Arrays.stream(figures).map(RollingRecalibrationTest::scored).toList(),
        null,
        List.of(),
        0,
        asOf,
        null);
  }

  /**
   * July's recalibrated forecast of its one figure, from January's figures A (public by July) and
   * B.
   */
  private static RollingRecalibration.Date july(int a, int b) {
    ObservationRecord early = figure(2, "2016-03", "2016-04", a);
    ObservationRecord late = figure(3, "2016-05", "2017-01", b);
    ObservationRecord now = figure(4, "2016-09", "2016-10", 100);
    List<RollingRecalibration.Date> out =
        RollingRecalibration.apply(
            List.of(result(JAN, early, late), result(JUL, now)), Publication.AS_WRITTEN);
    RollingRecalibration.Date jan = out.get(0);
    assertThat(jan.learnedFrom()).as("the first date has nothing to learn from").isZero();
    assertThat(jan.result().rows().get(0).sample())
        .containsExactly(result(JAN, early).rows().get(0).sample());
    return out.get(1);
  }

  @Test
  void aFigurePublishedAfterTheForecastDateCannotChangeItsRecalibration() {
    RollingRecalibration.Date base = july(150, 100);
    assertThat(base.learnedFrom()).isEqualTo(1);
    double[] sample = base.result().rows().get(0).sample();
    // B was published in January 2017, after July 2016: any value of it leaves July as it was.
    assertThat(july(150, 100_000).result().rows().get(0).sample()).containsExactly(sample);
    assertThat(july(150, 0).result().rows().get(0).sample()).containsExactly(sample);
    // A was public by July: its value moves July's forecast (so the test can fail).
    assertThat(july(10_000, 100).result().rows().get(0).sample()).isNotEqualTo(sample);
  }

  @Test
  void onlyStrictlyEarlierForecastDatesAreLearntFrom() {
    ObservationRecord a = figure(2, "2016-03", "2016-04", 150);
    // Same forecast date: JUL's own figures (and another JUL result's) never count.
    List<RollingRecalibration.Date> out =
        RollingRecalibration.apply(
            List.of(result(JUL, figure(5, "2016-08", "2016-08", 5)), result(JUL, a)),
            Publication.AS_WRITTEN);
    assertThat(out).allSatisfy(d -> assertThat(d.learnedFrom()).isZero());
  }
}
