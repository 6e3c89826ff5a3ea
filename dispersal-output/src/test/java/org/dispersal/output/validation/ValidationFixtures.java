package org.dispersal.output.validation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.input.data.CsvReader;
import org.dispersal.input.data.CsvTable;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.page.InlineHashes;

/** Observations, a shipped scenario and readers for the validation outputs' tests. */
final class ValidationFixtures {

  /** Text that would be markup if it were not escaped. */
  static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

  private ValidationFixtures() {}

  /** The shipped Mali scenario, which lists its own origins. */
  static Scenario mali() {
    return ScenarioReader.withDefaults().readBuiltIn("mali-2013");
  }

  /** A figure for a country at the end of a month. */
  static ObservationRecord figure(
      String scopeId, ObservedMeasure measure, Integer low, Integer high, String source) {
    return new ObservationRecord(
        "observations.csv",
        2,
        "2018-06",
        LocalDate.of(2018, 6, 1),
        LocalDate.of(2018, 6, 30),
        "2018-07",
        LocalDate.of(2018, 7, 31),
        "country",
        scopeId,
        "all",
        measure,
        low,
        high,
        source);
  }

  /** A hindcast of the Mali scenario from a date, with the given rows and no calibration. */
  static Hindcast.Result result(List<Hindcast.Row> rows, LocalDate asOf) {
    return new Hindcast.Result(mali(), rows, null, List.of(), 0, asOf, null);
  }

  /** A hindcast row for a figure that was not scored, with the reason. */
  static Hindcast.Row notScored(ObservationRecord record, String reason) {
    return new Hindcast.Row(
        record,
        "not_scored",
        -1,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        null,
        reason);
  }

  /** A CSV file read back with the product's own reader (RFC 4180 quoting). */
  static CsvTable readCsv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CsvReader.read(file.getFileName().toString(), r);
    }
  }

  /** The sidecar of a page, read back. */
  static InlineHashes sidecar(Path page) throws IOException {
    return InlineHashes.parse(
        Files.readString(page.resolveSibling(page.getFileName() + ".csp"), StandardCharsets.UTF_8));
  }

  /** How many times a text occurs in another. */
  static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
