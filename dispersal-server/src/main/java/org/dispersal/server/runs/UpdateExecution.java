package org.dispersal.server.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dispersal.hypotheses.Diagnosticity;
import org.dispersal.hypotheses.Event;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.Updater;
import org.dispersal.hypotheses.WatchList;
import org.dispersal.input.data.DataException;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.events.EventFileException;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.HypothesesJson;
import org.dispersal.output.analyst.UpdateOutputs;
import org.dispersal.output.forecast.Manifest;
import org.dispersal.server.ApiException;
import org.dispersal.server.ApiException.FieldError;
import org.dispersal.server.Json;
import org.dispersal.store.StoredScenario;

/**
 * A hypothesis update of a stored scenario against posted events, as {@code dispersal update} does
 * it without {@code --forecast}: the same event readers, {@link Updater}, {@link Diagnosticity} and
 * {@link WatchList}, and the same writers. Nothing is simulated.
 *
 * <p>The posted text is read at submission ({@link #prepare}), so a broken row is refused at once
 * with its line in the posted text and its column's name; the stored run keeps the text as {@code
 * events-input.csv}, the name its rows are cited by in the audit trail ({@code
 * events-input.csv:4}).
 */
public final class UpdateExecution {

  /** The name of the posted events, as stored and as cited in the trail. */
  public static final String EVENTS_FILE = "events-input.csv";

  /** Positions in a reader's one-line message: {@code FILE:LINE:COLUMN: NAME: PROBLEM}. */
  private static final Pattern POSITION =
      Pattern.compile(
          "^" + Pattern.quote(EVENTS_FILE) + "(?::(\\d+))?(?::(\\d+))?: (?:([^\\s:']+): )?(.*)$",
          Pattern.DOTALL);

  private UpdateExecution() {}

  /**
   * What an update asks for.
   *
   * @param events the text of an event file
   * @param format ours, gtd or acled; null for ours
   * @param asOf the as-of date YYYY-MM-DD, or null for the last event's date
   * @param reliability the reliability of reports that state none, in [0, 1]; null for {@link
   *     HypothesesJson#DEFAULT_RELIABILITY}
   * @param duplicateDays the largest gap in days between reports of one incident, 0 to 365; null
   *     for {@link HypothesesJson#DEFAULT_DUPLICATE_DAYS}
   */
  public record Request(
      String events, String format, String asOf, Double reliability, Integer duplicateDays) {}

  /**
   * An update whose scenario, hypotheses and events have been read and checked.
   *
   * @param scenario the scenario
   * @param scenarioText its text
   * @param set its hypotheses and indicators
   * @param events the reports read, in input order
   * @param notes what the reader noted
   * @param source the events' description for the outputs
   * @param format the events' layout
   * @param asOf the as-of date
   * @param reliability the reliability of reports that state none and of a future sighting
   * @param duplicateDays the duplicate window
   * @param text the posted text
   * @param parametersJson the run's settings for the store
   */
  record Prepared(
      Scenario scenario,
      String scenarioText,
      HypothesisSet set,
      List<Event> events,
      List<String> notes,
      String source,
      EventFile.Format format,
      LocalDate asOf,
      double reliability,
      int duplicateDays,
      String text,
      String parametersJson) {

    /** Runs the update and returns its files for the store (no summary rows). */
    ForecastExecution.Outputs run(String codeVersion, String dataVersion) {
      Instant started = Instant.now();
      Updater.Result result = Updater.run(set, events, asOf, duplicateDays);
      UpdateOutputs.Report report =
          UpdateOutputs.Report.of(
              result, Diagnosticity.FLAT_FACTOR, reliability, List.of(source), notes);
      ObjectNode manifest = TempFolder.manifest("update", scenario, scenarioText);
      ObjectNode s = (ObjectNode) manifest.get("scenario");
      s.put("hypotheses", set.hypotheses().size());
      s.put("indicators", set.indicators().size());
      ObjectNode e = manifest.putObject("events");
      e.put("file", EVENTS_FILE);
      e.put("format", format.id());
      e.put("rows", events.size());
      e.put("sha256", Manifest.sha256(text));
      manifest.put("asOf", asOf.toString());
      manifest.put("reliability", reliability);
      manifest.put("duplicateDays", duplicateDays);
      manifest.put("replications", 0);
      return TempFolder.outputs(
          "dispersal-update",
          manifest,
          codeVersion,
          dataVersion,
          started,
          Instant.now(),
          dir -> {
            List<String> names =
                new ArrayList<>(
                    UpdateOutputs.writeAll(report, null, scenario.name(), scenario.start(), dir));
            Files.writeString(dir.resolve(EVENTS_FILE), text, StandardCharsets.UTF_8);
            names.add(EVENTS_FILE);
            return names;
          });
    }
  }

  /**
   * Reads and checks an update: the scenario must declare hypotheses, the settings must be in
   * range, and every row of the events must read.
   *
   * @throws ApiException 422 naming the field, or for a broken row its line and column
   */
  static Prepared prepare(ScenarioLibrary library, StoredScenario stored, Request request) {
    String text = request.events();
    if (text == null || text.isBlank()) {
      throw ApiException.invalidField("events", "is required: the text of an event file");
    }
    EventFile.Format format = format(request.format());
    double reliability =
        request.reliability() == null ? HypothesesJson.DEFAULT_RELIABILITY : request.reliability();
    if (!(reliability >= 0 && reliability <= 1)) {
      throw ApiException.invalidField(
          "reliability", "must be between 0 and 1, not " + request.reliability());
    }
    int duplicateDays =
        request.duplicateDays() == null
            ? HypothesesJson.DEFAULT_DUPLICATE_DAYS
            : request.duplicateDays();
    if (duplicateDays < 0 || duplicateDays > 365) {
      throw ApiException.invalidField(
          "duplicateDays", "must be between 0 and 365, not " + duplicateDays);
    }
    LocalDate asOf = null;
    if (request.asOf() != null) {
      try {
        asOf = LocalDate.parse(request.asOf());
      } catch (DateTimeParseException e) {
        throw ApiException.invalidField(
            "asOf", "must be a date written YYYY-MM-DD, not '" + request.asOf() + "'");
      }
    }
    HypothesisScenario read = library.parseWithHypotheses(stored.yaml(), stored.name());
    if (read.hypotheses() == null) {
      throw noHypotheses(stored.name());
    }
    EventFile file = read(text, format, reliability);
    if (asOf == null) {
      for (Event e : file.events()) {
        if (asOf == null || e.lastDay().isAfter(asOf)) {
          asOf = e.lastDay();
        }
      }
      if (asOf == null) {
        throw ApiException.invalidField(
            "events", "the text holds no events; give asOf to update on none");
      }
    }
    ObjectNode p = Json.MAPPER.createObjectNode();
    p.put("scenarioId", stored.id());
    p.put("format", format.id());
    p.put("asOf", asOf.toString());
    p.put("reliability", reliability);
    p.put("duplicateDays", duplicateDays);
    return new Prepared(
        read.scenario(),
        stored.yaml(),
        read.hypotheses(),
        file.events(),
        file.notes(),
        EVENTS_FILE + " (" + format.id() + ", " + file.events().size() + " rows)",
        format,
        asOf,
        reliability,
        duplicateDays,
        text,
        p.toString());
  }

  /** The 422 of a scenario that declares no hypotheses. */
  public static ApiException noHypotheses(String scenario) {
    return ApiException.invalid(
        "scenario "
            + scenario
            + " declares no hypotheses; add hypotheses: and indicators: sections"
            + " (docs/SCENARIOS.md)",
        List.of(new FieldError(null, "scenarioId", "declares no hypotheses")));
  }

  private static EventFile.Format format(String id) {
    if (id == null) {
      return EventFile.Format.OURS;
    }
    for (EventFile.Format f : EventFile.Format.values()) {
      if (f.id().equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw ApiException.invalidField("format", "must be ours, gtd or acled, not '" + id + "'");
  }

  /** Reads the posted text with the format's reader, by way of a file it alone sees. */
  private static EventFile read(String text, EventFile.Format format, double reliability) {
    try {
      Path dir = Files.createTempDirectory("dispersal-events");
      try {
        Path file = dir.resolve(EVENTS_FILE);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return format.read(file, reliability);
      } finally {
        TempFolder.delete(dir);
      }
    } catch (EventFileException e) {
      throw broken(e.getMessage());
    } catch (DataException e) {
      throw brokenRow(e.line(), e.field(), e.detail());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader's message turned into a field error with the line in the posted text. */
  static ApiException broken(String message) {
    Matcher m = POSITION.matcher(message);
    if (!m.matches()) {
      return ApiException.invalid(
          "the events cannot be read: " + message,
          List.of(new FieldError(null, "events", message)));
    }
    int line = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    return brokenRow(line, m.group(3), m.group(4));
  }

  private static ApiException brokenRow(int line, String field, String problem) {
    String where = (line > 0 ? "line " + line : "the events") + (field == null ? "" : ", " + field);
    return ApiException.invalid(
        "the events cannot be read: " + where + ": " + problem,
        List.of(new FieldError(line > 0 ? line : null, field, problem)));
  }
}
