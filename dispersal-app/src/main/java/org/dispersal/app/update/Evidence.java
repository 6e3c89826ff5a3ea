package org.dispersal.app.update;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.problem.InputProblem;
import org.dispersal.hypotheses.Coverage;
import org.dispersal.hypotheses.Event;
import org.dispersal.hypotheses.Figure;
import org.dispersal.input.data.DataException;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.events.EventFileException;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.observation.ObservationRecord;

/**
 * What a hypothesis update weighs: dated reports from event files, and optionally published
 * figures, with what the readers noted and where each came from. Read from files (the command line)
 * or from posted text (the service), by the same readers; a broken row is an {@link InputException}
 * naming its file, line, column and value.
 *
 * @param events the reports, in input order
 * @param figures published figures for indicators that watch a measure, or null when none were
 *     given (those indicators are then not evaluated)
 * @param notes what the readers noted
 * @param sources one description per input, for the outputs
 * @param texts posted texts kept with the run as files, by name
 * @param coverage what each event file covers (declared or inferred from its rows), one per file
 *     that has either; an absence counts as evidence only where some file covers the indicator
 */
public record Evidence(
    List<Event> events,
    List<Figure> figures,
    List<String> notes,
    List<String> sources,
    Map<String, String> texts,
    List<Coverage> coverage) {

  /** The name posted events are kept and cited by ({@code events-input.csv:4}). */
  public static final String POSTED_EVENTS = "events-input.csv";

  /** Copies the lists. */
  public Evidence {
    events = List.copyOf(events);
    figures = figures == null ? null : List.copyOf(figures);
    notes = List.copyOf(notes);
    sources = List.copyOf(sources);
    texts = texts == null ? Map.of() : new LinkedHashMap<>(texts);
    coverage = coverage == null ? List.of() : List.copyOf(coverage);
  }

  /** Evidence without event files, or whose files state no coverage. */
  public Evidence(
      List<Event> events,
      List<Figure> figures,
      List<String> notes,
      List<String> sources,
      Map<String, String> texts) {
    this(events, figures, notes, sources, texts, List.of());
  }

  /** One note per file on what it covers, for the outputs. */
  public List<String> coverageNotes() {
    return coverage.stream().map(Coverage::describe).toList();
  }

  /**
   * Reads event files and observation files (figures for all people only).
   *
   * @param eventFiles event files, all in {@code format}
   * @param observationFiles observation files; empty for none
   * @param format the event files' layout
   * @param reliability the reliability of reports and figures that state none
   * @throws InputException for a file that cannot be read or a broken row
   */
  public static Evidence read(
      List<Path> eventFiles,
      List<Path> observationFiles,
      EventFile.Format format,
      double reliability) {
    List<Event> events = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Coverage> coverage = new ArrayList<>();
    try {
      for (Path file : eventFiles) {
        EventFile f = format.read(file, reliability);
        if (f.coverage() != null) {
          coverage.add(f.coverage());
        }
        events.addAll(f.events());
        notes.addAll(f.notes());
        sources.add(f.file() + " (" + format.id() + ", " + f.events().size() + " rows)");
      }
      List<Figure> figures = null;
      if (!observationFiles.isEmpty()) {
        figures = new ArrayList<>();
        for (Path file : observationFiles) {
          for (ObservationRecord o : ObservationsReader.read(file)) {
            if (o.demographic().equals("all")) {
              figures.add(
                  new Figure(
                      o.file() + ":" + o.line(),
                      o.firstDay(),
                      o.lastDay(),
                      o.publishedLast(),
                      o.scope(),
                      o.scopeId(),
                      o.measure().id(),
                      o.low(),
                      o.high(),
                      reliability));
            }
          }
          sources.add(file.getFileName() + " (observations)");
        }
      }
      return new Evidence(events, figures, notes, sources, Map.of(), coverage);
    } catch (EventFileException e) {
      throw new InputException(List.of(InputProblem.of(e)));
    } catch (DataException e) {
      throw new InputException(List.of(InputProblem.of(e)));
    }
  }

  /**
   * Reads posted event text, kept and cited as {@link #POSTED_EVENTS}.
   *
   * @param text the text of an event file
   * @param format its layout
   * @param reliability the reliability of reports that state none
   * @throws InputException for empty text or a broken row, with the row's line in the text
   */
  public static Evidence posted(String text, EventFile.Format format, double reliability) {
    if (text == null || text.isBlank()) {
      throw InputException.field("events", "is required: the text of an event file");
    }
    EventFile f;
    try {
      Path dir = Files.createTempDirectory("dispersal-events");
      try {
        Path file = dir.resolve(POSTED_EVENTS);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        f = format.read(file, reliability);
      } finally {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(dir);
      }
    } catch (EventFileException e) {
      throw unreadable(InputProblem.of(e));
    } catch (DataException e) {
      throw unreadable(InputProblem.of(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Evidence(
        f.events(),
        null,
        f.notes(),
        List.of(POSTED_EVENTS + " (" + format.id() + ", " + f.events().size() + " rows)"),
        Map.of(POSTED_EVENTS, text),
        f.coverage() == null ? List.of() : List.of(f.coverage()));
  }

  /** The refusal of posted events, its summary naming the line and column. */
  private static InputException unreadable(InputProblem p) {
    String where =
        (p.line() > 0 ? "line " + p.line() : "the events")
            + (p.field() == null ? "" : ", " + p.field());
    return new InputException(
        "the events cannot be read: " + where + ": " + p.valueAndMessage(), List.of(p));
  }
}
