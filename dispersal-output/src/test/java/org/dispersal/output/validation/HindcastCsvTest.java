package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.RollingRecalibration;
import org.dispersal.input.data.CsvRow;
import org.dispersal.input.data.CsvTable;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.scoring.ForecastScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HindcastCsvTest {

  @TempDir Path tmp;

  private static Hindcast.Result result(LocalDate asOf) {
    return ValidationFixtures.result(rows(), asOf);
  }

  private static List<Hindcast.Row> rows() {
    ObservationRecord scored =
        ValidationFixtures.figure("FRA", ObservedMeasure.RETURNED, 250, 300, "icsr, 2018");
    ObservationRecord skipped =
        ValidationFixtures.figure("BEL", ObservedMeasure.KILLED, null, 40, "soufan");
    double[] sample = {200, 240, 260, 280, 320};
    return List.of(
        new Hindcast.Row(
            scored,
            "scored",
            16,
            ForecastScore.of(sample, scored.range()),
            12.5,
            Double.NaN,
            Double.NaN,
            0.25,
            sample,
            ""),
        ValidationFixtures.notScored(
            skipped, "no \"killed\" figure\nfor Belgium, before the start"));
  }

  @Test
  void writesTheHeaderAndOneRowPerObservationWithEveryColumn() throws Exception {
    Path f = tmp.resolve("hindcast.csv");
    HindcastCsv.write(result(LocalDate.of(2018, 1, 1)), f);
    CsvTable t = ValidationFixtures.readCsv(f);
    assertThat(String.join(",", t.header())).isEqualTo(HindcastCsv.HEADER);
    assertThat(t.rows()).hasSize(2);
    CsvRow scored = t.rows().get(0);
    assertThat(scored.text("scope_id")).isEqualTo("FRA");
    assertThat(scored.text("measure")).isEqualTo("returned");
    assertThat(scored.text("low")).isEqualTo("250");
    assertThat(scored.text("high")).isEqualTo("300");
    assertThat(scored.text("status")).isEqualTo("scored");
    assertThat(scored.text("month")).isEqualTo("16");
    assertThat(scored.text("p50")).isEqualTo("260");
    assertThat(scored.text("in90")).isEqualTo("true");
    assertThat(scored.text("crps_persistence")).isEqualTo("12.5000");
    assertThat(scored.text("crps_trend")).isEmpty();
    assertThat(scored.text("flee_ard")).isEqualTo("0.250000");
    // [250, 300] in 200, 240, 260, 280, 320: F(249) = 0.4, F(300) = 0.8.
    assertThat(scored.text("pit")).isEqualTo("0.600000");
    assertThat(scored.text("as_of")).isEqualTo("2018-01-01");
    assertThat(t.rows().get(1).text("pit")).isEmpty();
    assertThat(t.rows().get(1).text("as_of")).isEqualTo("2018-01-01");
  }

  @Test
  void writesTheRowsOfSeveralForecastDatesInOrderWithTheirDates() throws Exception {
    Path f = tmp.resolve("hindcast.csv");
    HindcastCsv.write(
        List.of(result(LocalDate.of(2017, 2, 13)), result(LocalDate.of(2017, 5, 13))), f);
    CsvTable t = ValidationFixtures.readCsv(f);
    assertThat(t.rows())
        .extracting(r -> r.text("as_of"))
        .containsExactly("2017-02-13", "2017-02-13", "2017-05-13", "2017-05-13");
  }

  @Test
  void writesTheRecalibratedForecastBesideTheRawOne() throws Exception {
    Path f = tmp.resolve("hindcast.csv");
    Hindcast.Result feb = result(LocalDate.of(2017, 2, 13));
    Hindcast.Result may = result(LocalDate.of(2017, 5, 13));
    // May's recalibrated forecast: the sample doubled, from 7 earlier forecasts.
    double[] doubled = {400, 480, 520, 560, 640};
    Hindcast.Row raw = may.rows().get(0);
    Hindcast.Row wider =
        new Hindcast.Row(
            raw.record(),
            "scored",
            raw.month(),
            ForecastScore.of(doubled, raw.record().range()),
            raw.crpsPersistence(),
            raw.crpsTrend(),
            raw.trend(),
            raw.fleeArd(),
            doubled,
            raw.note());
    Hindcast.Result mayRecal =
        ValidationFixtures.result(List.of(wider, may.rows().get(1)), may.asOf());
    HindcastCsv.write(
        List.of(feb, may),
        List.of(new RollingRecalibration.Date(feb, 0), new RollingRecalibration.Date(mayRecal, 7)),
        f);
    CsvTable t = ValidationFixtures.readCsv(f);
    assertThat(String.join(",", t.header())).isEqualTo(HindcastCsv.RECALIBRATED_HEADER);
    assertThat(HindcastCsv.RECALIBRATED_HEADER).startsWith(HindcastCsv.HEADER + ",");
    CsvRow first = t.rows().get(0);
    assertThat(first.text("recalibrated_from")).isEqualTo("0");
    assertThat(first.text("recalibrated_p50")).isEqualTo(first.text("p50"));
    CsvRow second = t.rows().get(2);
    assertThat(second.text("p50")).isEqualTo("260");
    assertThat(second.text("recalibrated_p50")).isEqualTo("520");
    assertThat(second.text("recalibrated_in90")).isEqualTo("false");
    assertThat(second.text("recalibrated_from")).isEqualTo("7");
    // [250, 300] in 400, ..., 640: below every member.
    assertThat(second.text("recalibrated_pit")).isEqualTo("0");
    assertThat(t.rows().get(3).text("recalibrated_p50")).isEmpty();
    assertThat(t.rows().get(3).text("recalibrated_from")).isEmpty();
  }

  @Test
  void quotesFieldsWithCommasQuotesAndLineBreaks() throws Exception {
    Path f = tmp.resolve("hindcast.csv");
    HindcastCsv.write(result(LocalDate.of(2018, 1, 1)), f);
    String text = Files.readString(f);
    assertThat(text).contains(",\"icsr, 2018\",");
    assertThat(text)
        .endsWith(",\"no \"\"killed\"\" figure\nfor Belgium, before the start\",,2018-01-01,\n");
    CsvRow skipped = ValidationFixtures.readCsv(f).rows().get(1);
    assertThat(skipped.text("source_id")).isEqualTo("soufan");
    assertThat(skipped.text("low")).isEmpty();
    assertThat(skipped.text("month")).isEmpty();
    assertThat(skipped.text("p50")).isEmpty();
    assertThat(skipped.text("note"))
        .isEqualTo("no \"killed\" figure\nfor Belgium, before the start");
  }
}
