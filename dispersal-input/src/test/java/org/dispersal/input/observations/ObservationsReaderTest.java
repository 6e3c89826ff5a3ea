package org.dispersal.input.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.input.data.DataException;
import org.dispersal.input.data.SharedData;
import org.dispersal.observation.ObservationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationsReaderTest {

  private static final String HEADER =
      "date,published,scope,scope_id,demographic,measure,low,high,source_id\n";

  @Test
  void readsPointsRangesAndOpenEnds() {
    List<ObservationRecord> rows =
        ObservationsReader.parse(
            "obs.csv",
            HEADER
                + "2017-10,2017-10-24,world,,all,returned,5600,,TSC2017\n"
                + "2016-12-09,2016-12-09,countries,FRA+BEL,all,in_theatre,2000,2500,EUCTC2016\n"
                + "2017-04,2017,country,BEL,minors,prosecuted,,44,X\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).range().openHigh()).isTrue();
    assertThat(rows.get(0).measure()).isEqualTo(ObservedMeasure.RETURNED);
    assertThat(rows.get(0).datedAfter(LocalDate.of(2017, 2, 13))).isTrue();
    assertThat(rows.get(1).range().low()).isEqualTo(2000);
    assertThat(rows.get(2).range().low()).isZero();
    assertThat(rows.get(2).line()).isEqualTo(4);
    assertThat(rows.get(2).publishedBy(LocalDate.of(2017, 12, 30), null)).isFalse();
    assertThat(rows.get(2).publishedBy(LocalDate.of(2017, 12, 31), null)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2017-13,2017,world,,all,returned,1,1,S | obs.csv:2: field date:",
        "2017-02,2017,planet,,all,returned,1,1,S | obs.csv:2: field scope:",
        "2017-02,2017,world,FRA,all,returned,1,1,S | obs.csv:2: field scope_id:",
        "2017-02,2017,country,France,all,returned,1,1,S | obs.csv:2: field scope_id:",
        "2017-02,2017,countries,FRA+,all,returned,1,1,S | obs.csv:2: field scope_id:",
        "2017-02,2017,world,,boys,returned,1,1,S | obs.csv:2: field demographic:",
        "2017-02,2017,world,,all,came_back,1,1,S | obs.csv:2: field measure:",
        "2017-02,2017,world,,all,returned,,,S | obs.csv:2: field low:",
        "2017-02,2017,world,,all,returned,9,3,S | obs.csv:2: field high:",
        "2017-02,2017,world,,all,returned,about 9,,S | obs.csv:2: field low:",
        "2017-02,2017,world,,all,returned,1,1, | obs.csv:2: field source_id:",
        "2017-02,2016,world,,all,returned,1,1,S | obs.csv:2: field published:"
      })
  void badRowsNameTheLineAndField(String row, String message) {
    assertThatThrownBy(() -> ObservationsReader.parse("obs.csv", HEADER + row + "\n"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(message.strip());
  }

  @Test
  void theHeaderMustBeExact() {
    assertThatThrownBy(() -> ObservationsReader.parse("obs.csv", "date,low\n2017-01,1\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("obs.csv:1:");
  }

  @Test
  void shippedFilesReadAndSplitAtTheSeedDate() {
    Path dir = Path.of("..", "data", "observations");
    if (!Files.isDirectory(dir)) {
      return;
    }
    SharedData data = SharedData.shipped();
    LocalDate feb = LocalDate.of(2017, 2, 13);
    List<ObservationRecord> known = ObservationsReader.read(dir.resolve("known-2017-02.csv"));
    List<ObservationRecord> later = ObservationsReader.read(dir.resolve("validation-2017.csv"));
    assertThat(known).isNotEmpty().allMatch(r -> r.publishedBy(feb, data));
    assertThat(later).isNotEmpty().noneMatch(r -> r.publishedBy(feb, data));
    assertThat(later).allMatch(r -> r.publishedLast().getYear() == 2017);
    // every source is in the shared data
    assertThat(known).allMatch(r -> data.source(r.sourceId()).isPresent());
    assertThat(later).allMatch(r -> data.source(r.sourceId()).isPresent());
  }
}
