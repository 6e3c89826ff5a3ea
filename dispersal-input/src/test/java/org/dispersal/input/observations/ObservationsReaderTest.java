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

  private static final String HEADER_WITH_DEFINITION =
      "date,published,scope,scope_id,demographic,measure,low,high,source_id,definition\n";

  @Test
  void theOptionalDefinitionColumnIsReadAndEmptyMeansNotGiven() {
    List<ObservationRecord> rows =
        ObservationsReader.parse(
            "obs.csv",
            HEADER_WITH_DEFINITION
                + "2016-11-14,2016-11-14,country,NLD,all,in_theatre,190,190,NL,residual\n"
                + "2016-12,2016-12-28,country,MYS,all,killed,20,20,MY,confirmed\n"
                + "2017-10,2017-10-24,world,,all,returned,5600,,TSC2017,reporting_countries\n"
                + "2017-10,2017-10-24,country,FRA,all,returned,271,271,TSC2017,count\n"
                + "2017-10,2017-10-24,country,DEU,all,returned,300,300,TSC2017,\n");
    assertThat(rows)
        .extracting(ObservationRecord::definition)
        .containsExactly("residual", "confirmed", "reporting_countries", "count", "");
    // without the column every row has no definition
    assertThat(
            ObservationsReader.parse(
                    "obs.csv", HEADER + "2017-10,2017-10-24,world,,all,returned,5600,,TSC2017\n")
                .get(0)
                .definition())
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2017-02,2017,world,,all,returned,1,1,S,residue | obs.csv:2: field definition: 'residue' is"
            + " not one of count, residual, confirmed, reporting_countries",
        "2017-02,2017,country,FRA,all,killed,1,1,S,residual | obs.csv:2: field definition:"
            + " 'residual' does not apply to measure killed",
        "2017-02,2017,country,FRA,all,in_theatre,1,1,S,confirmed | obs.csv:2: field definition:"
            + " 'confirmed' does not apply to measure in_theatre",
        "2017-02,2017,country,FRA,all,returned,1,1,S,reporting_countries | obs.csv:2: field"
            + " definition: 'reporting_countries' does not apply to measure returned at scope"
            + " country"
      })
  void aBadDefinitionNamesTheLineAndField(String row, String message) {
    assertThatThrownBy(
            () -> ObservationsReader.parse("obs.csv", HEADER_WITH_DEFINITION + row + "\n"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(message.strip())
        .hasMessageNotContaining("\n");
  }

  @Test
  void aTenthColumnOtherThanDefinitionIsRefused() {
    assertThatThrownBy(
            () ->
                ObservationsReader.parse(
                    "obs.csv",
                    HEADER.strip() + ",meaning\n2017-10,2017-10-24,world,,all,returned,1,,S,x\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("obs.csv:1:")
        .hasMessageContaining("optionally followed by definition");
  }

  @Test
  void theHeaderMustBeExact() {
    assertThatThrownBy(() -> ObservationsReader.parse("obs.csv", "date,low\n2017-01,1\n"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("obs.csv:1:");
  }

  /**
   * A figure filed under a source of the shared data is public when the source is, but never before
   * its own published text begins: a 2019 figure under TSC2017 (published 24 October 2017) is not
   * public in 2018, a row published "2017" under that source is public from its source's date, and
   * a figure of an unknown source follows its own text.
   */
  @Test
  void aLaterFigureUnderAnEarlierSourceIsNotPublicBeforeItsOwnDate() {
    SharedData data = SharedData.shipped();
    List<ObservationRecord> rows =
        ObservationsReader.parse(
            "obs.csv",
            HEADER
                + "2019-06,2019-07-01,country,FRA,all,returned,300,300,TSC2017\n"
                + "2017-10,2017,country,FRA,all,returned,271,271,TSC2017\n"
                + "2019-06,2019-07,country,FRA,all,returned,300,300,NOT_IN_SOURCES\n");
    assertThat(rows.get(0).publishedBy(LocalDate.of(2018, 6, 30), data)).isFalse();
    assertThat(rows.get(0).publishedBy(LocalDate.of(2019, 7, 1), data)).isTrue();
    assertThat(rows.get(1).publishedBy(LocalDate.of(2017, 10, 23), data)).isFalse();
    assertThat(rows.get(1).publishedBy(LocalDate.of(2017, 10, 24), data)).isTrue();
    assertThat(rows.get(2).publishedBy(LocalDate.of(2019, 7, 30), data)).isFalse();
    assertThat(rows.get(2).publishedBy(LocalDate.of(2019, 7, 31), data)).isTrue();
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
