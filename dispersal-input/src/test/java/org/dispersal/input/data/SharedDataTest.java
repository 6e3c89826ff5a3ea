package org.dispersal.input.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dispersal.stocks.Figure;
import org.dispersal.stocks.Measure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {

  private static SharedData data;

  @BeforeAll
  static void load() {
    data = SharedData.shipped();
  }

  private static List<CountryFigure> rows(String iso3, String sourceId) {
    return data.countryFigures().stream()
        .filter(f -> f.iso3().equals(iso3) && f.sourceId().equals(sourceId))
        .toList();
  }

  @Test
  void loadsEveryRowOfTheShippedFiles() {
    assertThat(data.countryFigures()).hasSize(296);
    assertThat(data.aggregates()).hasSize(39);
    assertThat(data.sources()).hasSize(170);
    assertThat(data.countries()).hasSize(80);
    assertThat(data.territoryEvents()).isNotEmpty();
    assertThat(data.territoryExtent()).isNotEmpty();
    assertThat(data.attacks()).isNotEmpty();
    assertThat(data.affiliates()).isNotEmpty();
    assertThat(data.parameters()).isNotEmpty();
  }

  @Test
  void keepsBothSoufanFiguresForTunisia() {
    assertThat(rows("TUN", "TSG2015"))
        .extracting(CountryFigure::travelled)
        .containsExactly(new Figure(6000, 6000), new Figure(6500, 6500));
  }

  @Test
  void typesTheBelgianOcamRow() {
    CountryFigure belgium = rows("BEL", "BE_2016_08").get(0);

    assertThat(belgium.asOf().first()).isEqualTo(LocalDate.of(2016, 8, 30));
    assertThat(belgium.travelled()).isEqualTo(new Figure(457, 457));
    assertThat(belgium.figure(Measure.WOMEN)).contains(new Figure(50, 50));
    assertThat(belgium.figure(Measure.RETURNED)).contains(new Figure(114, 114));
    assertThat(belgium.figure(Measure.MINORS)).isEmpty();
  }

  @Test
  void keepsOneSidedAndUnusualFiguresAsWritten() {
    assertThat(rows("FRA", "TSG2014").get(0).travelled()).isEqualTo(new Figure(700, null));
    assertThat(rows("TJK", "TJ_MVD_2015_07").get(0).travelled()).isEqualTo(new Figure(null, 500));
    assertThat(rows("QAT", "ICSR2013").get(0).travelled()).isEqualTo(new Figure(15, 14));
    assertThat(rows("IRQ", "ICSR2015").get(0).travelled()).isNull();
    assertThat(rows("BEL", "ICCT2016").get(0).figure(Measure.RETURNED))
        .contains(new Figure(105, 130));
    assertThat(rows("DNK", "DK_PET_2015_10").get(0).figure(Measure.RETURNED)).isEmpty();
    assertThat(rows("DNK", "DK_PET_2015_10").get(0).returnees()).isEqualTo("~1/2");
  }

  @Test
  void readsWorldTotalsAndPercentages() {
    AggregateFigure usdos =
        data.aggregates().stream()
            .filter(a -> a.sourceId().equals("USDOS2016"))
            .findFirst()
            .orElseThrow();
    AggregateFigure uncted =
        data.aggregates().stream()
            .filter(a -> a.sourceId().equals("UNCTED2017"))
            .findFirst()
            .orElseThrow();

    assertThat(usdos.scope()).isEqualTo("World");
    assertThat(usdos.value()).isEqualTo(new Figure(40000, null));
    assertThat(usdos.percent()).isFalse();
    assertThat(uncted.value()).isEqualTo(new Figure(40, 50));
    assertThat(uncted.percent()).isTrue();
  }

  @Test
  void readsSourcesWithTextAndParsedDates() {
    Source soufan = data.source("TSG2015").orElseThrow();
    Source valls = data.source("FR_VALLS").orElseThrow();

    assertThat(soufan.published().text()).isEqualTo("2015-12-07");
    assertThat(soufan.published().last()).isEqualTo(LocalDate.of(2015, 12, 7));
    assertThat(soufan.knownByFeb2017()).isTrue();
    assertThat(valls.published().known()).isFalse();
    assertThat(valls.published().text()).startsWith("unknown");
    assertThat(valls.knownByFeb2017()).isFalse();
  }

  @Test
  void mapsEveryCountryWithFiguresToOneOfTheFixedRegions() {
    Set<String> withFigures =
        data.countryFigures().stream().map(CountryFigure::iso3).collect(Collectors.toSet());

    assertThat(data.countries()).extracting(Country::iso3).containsAll(withFigures);
    assertThat(withFigures).contains("XKX");
    assertThat(data.regions())
        .extracting(RegionMapping::id, RegionMapping::name)
        .containsExactly(
            tuple("middle_east", "Middle East"),
            tuple("maghreb", "Maghreb"),
            tuple("western_europe", "Western Europe"),
            tuple("former_soviet", "Former Soviet Union"),
            tuple("balkans", "Balkans"),
            tuple("southeast_asia", "Southeast Asia"),
            tuple("north_america", "North America"),
            tuple("south_asia", "South Asia"),
            tuple("sub_saharan_africa", "Sub-Saharan Africa"),
            tuple("oceania", "Oceania"),
            tuple("other_europe", "Other Europe"),
            tuple("other", "Other"));
    assertThat(data.country("TUN").orElseThrow().region()).isEqualTo("maghreb");
    assertThat(data.country("EGY").orElseThrow().region()).isEqualTo("middle_east");
    assertThat(data.country("TUR").orElseThrow().region()).isEqualTo("middle_east");
    assertThat(data.country("XKX").orElseThrow().region()).isEqualTo("balkans");
  }

  @Test
  void loadsADirectoryWithoutMappingFilesLikeTheShippedCopy(@TempDir Path dir) throws IOException {
    copyShipped(dir, SharedData.DATA_FILES);

    SharedData fromDir = SharedData.load(dir);

    assertThat(fromDir.countryFigures()).isEqualTo(data.countryFigures());
    assertThat(fromDir.aggregates()).isEqualTo(data.aggregates());
    assertThat(fromDir.sources()).isEqualTo(data.sources());
    assertThat(fromDir.countries()).isEqualTo(data.countries());
  }

  @Test
  void reportsAMissingDataFile(@TempDir Path dir) throws IOException {
    copyShipped(dir, List.of("sources.csv"));

    assertLoadFails(dir, "fighters_by_country.csv: not found in " + dir);
  }

  @Test
  void reportsABadCountWithFileLineAndField(@TempDir Path dir) throws IOException {
    copyShipped(dir, SharedData.DATA_FILES);
    replaceInFile(
        dir.resolve("fighters_by_country.csv"),
        "AFG,Afghanistan,ICSR2013,2013-12-10,12,23",
        "AFG,Afghanistan,ICSR2013,2013-12-10,abc,23");

    assertLoadFails(
        dir, "fighters_by_country.csv:2: field fighters_low: 'abc' is not a whole number");
  }

  @Test
  void reportsAnUnknownSourceAndAnUnknownCountry(@TempDir Path dir) throws IOException {
    copyShipped(dir, SharedData.DATA_FILES);
    replaceInFile(
        dir.resolve("fighters_by_country.csv"), "ALB,Albania,ICSR2013", "ALB,Albania,NOPE");

    assertLoadFails(
        dir, "fighters_by_country.csv:3: field source_id: 'NOPE' is not in sources.csv");

    replaceInFile(
        dir.resolve("fighters_by_country.csv"), "ALB,Albania,NOPE", "ZZZ,Albania,ICSR2013");

    assertLoadFails(dir, "fighters_by_country.csv:3: field iso3: 'ZZZ' is not in countries.csv");
  }

  @Test
  void reportsAnExclusionThatMatchesNothing(@TempDir Path dir) throws IOException {
    copyShipped(dir, SharedData.DATA_FILES);
    Files.writeString(
        dir.resolve("exclusions.csv"),
        "iso3,source_id,measure,reason\nFRA,TSG2015,minors,no such figure\n",
        StandardCharsets.UTF_8);

    assertLoadFails(
        dir,
        "exclusions.csv:2: field source_id: no minors figure of TSG2015 for FRA in"
            + " fighters_by_country.csv");
  }

  private static void copyShipped(Path dir, List<String> names) throws IOException {
    for (String name : names) {
      try (InputStream in = SharedData.class.getResourceAsStream("/org/dispersal/data/" + name)) {
        Files.write(dir.resolve(name), in.readAllBytes());
      }
    }
  }

  private static void replaceInFile(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private static void assertLoadFails(Path dir, String message) {
    assertThatThrownBy(() -> SharedData.load(dir))
        .isInstanceOf(DataException.class)
        .hasMessage(message);
  }
}
