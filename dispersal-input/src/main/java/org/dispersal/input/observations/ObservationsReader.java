package org.dispersal.input.observations;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.input.data.CsvReader;
import org.dispersal.input.data.CsvRow;
import org.dispersal.input.data.CsvTable;
import org.dispersal.input.data.DataException;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.reporting.Definition;

/**
 * Reads observation files with exactly the columns {@code
 * date,published,scope,scope_id,demographic,measure,low,high,source_id}.
 *
 * <p>Every bad row is an error naming the file, the line and the field ({@link DataException});
 * nothing is dropped silently. Rules: {@code date} is YYYY-MM or YYYY-MM-DD; {@code published} is
 * YYYY, YYYY-MM or YYYY-MM-DD; {@code scope} is world (empty {@code scope_id}), region (a region id
 * or name), country (an ISO alpha-3 code) or countries (codes joined by {@code +}); {@code
 * demographic} is all, men, women or minors; {@code measure} is one of {@link ObservedMeasure};
 * {@code low} and {@code high} are whole numbers, at least one given, low ≤ high; {@code source_id}
 * is required. An optional tenth column {@code definition} says what the figure counts in terms of
 * the model's states ({@link Definition}: count, residual, confirmed, reporting_countries); empty
 * means "not given" (the source's rule, or a mixture over the definitions the measure allows). A
 * value that is not a definition, or one that does not apply to the row's measure and scope, is an
 * error naming the field.
 */
public final class ObservationsReader {

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "date",
          "published",
          "scope",
          "scope_id",
          "demographic",
          "measure",
          "low",
          "high",
          "source_id");

  /** The optional last column: what the figure counts (docs/REPORTING.md). */
  public static final String DEFINITION = "definition";

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private ObservationsReader() {}

  /** Reads a file. */
  public static List<ObservationRecord> read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.getFileName().toString(), r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads text (for tests). */
  public static List<ObservationRecord> parse(String fileName, String text) {
    return read(fileName, new StringReader(text));
  }

  /** Reads from a reader. */
  public static List<ObservationRecord> read(String fileName, Reader reader) {
    CsvTable table = CsvReader.read(fileName, reader);
    boolean withDefinition =
        table.header().size() == COLUMNS.size() + 1
            && table.header().subList(0, COLUMNS.size()).equals(COLUMNS)
            && table.header().get(COLUMNS.size()).equals(DEFINITION);
    if (!table.header().equals(COLUMNS) && !withDefinition) {
      throw new DataException(
          fileName,
          1,
          null,
          "the header must be exactly "
              + String.join(",", COLUMNS)
              + " (optionally followed by "
              + DEFINITION
              + "), not "
              + String.join(",", table.header()));
    }
    List<ObservationRecord> out = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      out.add(record(fileName, row, withDefinition));
    }
    return out;
  }

  private static ObservationRecord record(String fileName, CsvRow row, boolean withDefinition) {
    String date = row.required("date");
    LocalDate first;
    LocalDate last;
    try {
      if (DAY.matcher(date).matches()) {
        first = LocalDate.parse(date);
        last = first;
      } else if (MONTH.matcher(date).matches()) {
        YearMonth m = YearMonth.parse(date);
        first = m.atDay(1);
        last = m.atEndOfMonth();
      } else {
        throw row.error("date", "'" + date + "' is not YYYY-MM or YYYY-MM-DD");
      }
    } catch (DateTimeException e) {
      throw row.error("date", "'" + date + "' is not a valid date");
    }
    String published = row.required("published");
    LocalDate publishedLast;
    try {
      if (DAY.matcher(published).matches()) {
        publishedLast = LocalDate.parse(published);
      } else if (MONTH.matcher(published).matches()) {
        publishedLast = YearMonth.parse(published).atEndOfMonth();
      } else if (YEAR.matcher(published).matches()) {
        publishedLast = LocalDate.of(Integer.parseInt(published), 12, 31);
      } else {
        throw row.error("published", "'" + published + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
      }
    } catch (DateTimeException e) {
      throw row.error("published", "'" + published + "' is not a valid date");
    }
    if (publishedLast.isBefore(first)) {
      throw row.error("published", "'" + published + "' is before the date " + date);
    }
    String scope = row.required("scope");
    String scopeId = row.text("scope_id");
    switch (scope) {
      case "world" -> {
        if (!scopeId.isEmpty()) {
          throw row.error("scope_id", "must be empty for scope world, not '" + scopeId + "'");
        }
      }
      case "region" -> {
        if (scopeId.isBlank()) {
          throw row.error("scope_id", "is empty (scope region needs a region)");
        }
      }
      case "country" -> {
        if (!CODE.matcher(scopeId).matches()) {
          throw row.error("scope_id", "'" + scopeId + "' is not an ISO alpha-3 code");
        }
      }
      case "countries" -> {
        for (String code : scopeId.split("\\+", -1)) {
          if (!CODE.matcher(code).matches()) {
            throw row.error("scope_id", "'" + scopeId + "' is not ISO alpha-3 codes joined by +");
          }
        }
      }
      default ->
          throw row.error(
              "scope", "'" + scope + "' is not one of world, region, country, countries");
    }
    String demographic = row.required("demographic");
    if (!List.of("all", "men", "women", "minors").contains(demographic)) {
      throw row.error("demographic", "'" + demographic + "' is not one of all, men, women, minors");
    }
    String m = row.required("measure");
    ObservedMeasure measure = ObservedMeasure.byId(m);
    if (measure == null) {
      throw row.error("measure", "'" + m + "' is not one of " + ObservedMeasure.names());
    }
    Integer low = row.wholeNumber("low");
    Integer high = row.wholeNumber("high");
    if (low == null && high == null) {
      throw row.error("low", "low and high are both empty");
    }
    if (low != null && high != null && low > high) {
      throw row.error("high", "'" + high + "' is below low " + low);
    }
    String sourceId = row.required("source_id");
    String definition = withDefinition ? row.text(DEFINITION).strip() : "";
    if (!definition.isEmpty()) {
      Definition d = Definition.byId(definition);
      if (d == null) {
        throw row.error(
            DEFINITION, "'" + definition + "' is not one of " + Definition.names() + " (or empty)");
      }
      if (!d.allows(measure, scope)) {
        throw row.error(
            DEFINITION,
            "'"
                + definition
                + "' does not apply to measure "
                + measure.id()
                + " at scope "
                + scope
                + " (residual is for in_theatre, confirmed for killed, reporting_countries for"
                + " totals over several countries)");
      }
    }
    return new ObservationRecord(
        fileName,
        row.line(),
        date,
        first,
        last,
        published,
        publishedLast,
        scope,
        scopeId,
        demographic,
        measure,
        low,
        high,
        sourceId,
        definition);
  }
}
