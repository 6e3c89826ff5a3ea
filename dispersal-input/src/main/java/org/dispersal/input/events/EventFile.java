package org.dispersal.input.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dispersal.hypotheses.Coverage;
import org.dispersal.hypotheses.Event;
import org.dispersal.input.data.CsvReader;
import org.dispersal.input.data.CsvRow;
import org.dispersal.input.data.CsvTable;

/**
 * The events read from one file, with notes on what was read in a way the user should know (a file
 * read as Latin-1, country names without a code).
 *
 * @param file the file name
 * @param events the events, in file order
 * @param notes one line each, possibly empty
 * @param coverage what the file covers: declared in {@code # coverage:} lines before the header, or
 *     inferred from its rows (countries present, first to last day); null for a file without rows
 *     and without a declaration
 */
public record EventFile(String file, List<Event> events, List<String> notes, Coverage coverage) {

  /** Copies the lists. */
  public EventFile {
    events = List.copyOf(events);
    notes = List.copyOf(notes);
  }

  /** A file whose coverage is what its rows show. */
  public EventFile(String file, List<Event> events, List<String> notes) {
    this(file, events, notes, Coverage.inferred(file, events));
  }

  /** The key that starts a coverage line, after {@code #}. */
  public static final String COVERAGE = "coverage:";

  /** The formats {@code dispersal update --format} accepts. */
  public enum Format {
    /** Our own event CSV. */
    OURS,
    /** The Global Terrorism Database export. */
    GTD,
    /** An ACLED export. */
    ACLED;

    /** The name on the command line. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a file in this format.
     *
     * @param file the file
     * @param reliability the reliability of rows that state none
     */
    public EventFile read(Path file, double reliability) {
      return switch (this) {
        case OURS -> OwnEventsReader.read(file, reliability);
        case GTD -> GtdReader.read(file, reliability);
        case ACLED -> AcledReader.read(file, reliability);
      };
    }
  }

  /**
   * A file's table and what was noted while decoding it.
   *
   * @param declared the keys of its {@code # coverage:} lines (countries, from, to, source)
   */
  record Table(
      String file,
      List<String> header,
      List<EventRow> rows,
      List<String> notes,
      Map<String, String> declared) {

    /**
     * The file's coverage: each declared key, the rest inferred from the events (countries present,
     * first to last day).
     */
    Coverage coverage(List<Event> events) {
      Coverage seen = Coverage.inferred(file, events);
      if (declared.isEmpty()) {
        return seen;
      }
      String countries = declared.get("countries");
      boolean everywhere = countries != null && countries.equalsIgnoreCase("all");
      Set<String> codes = new TreeSet<>();
      if (countries != null && !everywhere) {
        for (String c : countries.split(",")) {
          codes.add(c.strip().toUpperCase(Locale.ROOT));
        }
      } else if (countries == null && seen != null) {
        codes.addAll(seen.countries());
      }
      LocalDate from =
          declared.containsKey("from")
              ? LocalDate.parse(declared.get("from"))
              : seen == null ? null : seen.from();
      LocalDate to =
          declared.containsKey("to")
              ? LocalDate.parse(declared.get("to"))
              : seen == null ? null : seen.to();
      if (from == null || to == null) {
        throw new EventFileException(
            file, 1, 0, "coverage", null, "names no period (from=, to=) and the file has no rows");
      }
      return new Coverage(
          file, codes, everywhere, from, to, declared.getOrDefault("source", ""), true);
    }
  }

  private static final Set<String> COVERAGE_KEYS = Set.of("countries", "from", "to", "source");

  /**
   * Reads the {@code # coverage:} lines among the comment lines that open a file, such as {@code #
   * coverage: countries=IRQ,SYR,LBY; from=2017-03-01; to=2017-09-30; source=GTD}.
   */
  private static Map<String, String> declared(String name, List<String> comments) {
    Map<String, String> out = new TreeMap<>();
    Set<String> iso = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    iso.add("XKX");
    for (int i = 0; i < comments.size(); i++) {
      String line = comments.get(i).substring(1).strip();
      if (!line.toLowerCase(Locale.ROOT).startsWith(COVERAGE)) {
        continue;
      }
      for (String part : line.substring(COVERAGE.length()).split(";")) {
        if (part.isBlank()) {
          continue;
        }
        int eq = part.indexOf('=');
        String key = eq < 0 ? part.strip() : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? "" : part.substring(eq + 1).strip();
        if (eq < 0 || !COVERAGE_KEYS.contains(key)) {
          throw new EventFileException(
              name,
              i + 1,
              0,
              "coverage",
              part.strip(),
              "is not a coverage entry (allowed: countries=ISO3,ISO3 or all; from=YYYY-MM-DD;"
                  + " to=YYYY-MM-DD; source=TEXT)");
        }
        if (key.equals("from") || key.equals("to")) {
          try {
            LocalDate.parse(value);
          } catch (DateTimeException e) {
            throw new EventFileException(
                name, i + 1, 0, "coverage " + key, value, "is not a date (YYYY-MM-DD)");
          }
        }
        if (key.equals("countries") && !value.equalsIgnoreCase("all")) {
          for (String c : value.split(",")) {
            if (!iso.contains(c.strip().toUpperCase(Locale.ROOT))) {
              throw new EventFileException(
                  name,
                  i + 1,
                  0,
                  "coverage countries",
                  c.strip(),
                  "is not an ISO 3166-1 alpha-3 code (or XKX); write countries=all for every"
                      + " country");
            }
          }
        }
        out.put(key, value);
      }
    }
    if (out.containsKey("from")
        && out.containsKey("to")
        && LocalDate.parse(out.get("to")).isBefore(LocalDate.parse(out.get("from")))) {
      throw new EventFileException(
          name, 1, 0, "coverage", out.get("from") + " to " + out.get("to"), "runs backwards");
    }
    return out;
  }

  /**
   * Reads a CSV event file: UTF-8, or Latin-1 if it is not valid UTF-8 (older GTD exports), with
   * the columns checked.
   *
   * @param required the columns the format needs
   * @param allowed every column the format knows, or null to accept any
   */
  static Table table(Path path, List<String> required, List<String> allowed) {
    String name = path.getFileName().toString();
    List<String> notes = new ArrayList<>();
    String text;
    try {
      byte[] bytes = Files.readAllBytes(path);
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        text = new String(bytes, StandardCharsets.ISO_8859_1);
        notes.add(name + ": not UTF-8, read as Latin-1 (ISO 8859-1)");
      }
    } catch (NoSuchFileException e) {
      throw new EventFileException(path.toString(), 0, 0, null, null, "does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    List<String> comments = new ArrayList<>();
    while (text.startsWith("#")) {
      int end = text.indexOf('\n');
      comments.add((end < 0 ? text : text.substring(0, end)).stripTrailing());
      text = end < 0 ? "" : text.substring(end + 1);
    }
    Map<String, String> declared = declared(name, comments);
    int skipped = comments.size();
    CsvTable table = CsvReader.parse(name, text);
    List<String> header = table.header();
    for (String c : required) {
      if (!header.contains(c)) {
        throw new EventFileException(
            name,
            1 + skipped,
            0,
            c,
            null,
            "missing column (needed: " + String.join(", ", required) + ")");
      }
    }
    if (allowed != null) {
      for (int i = 0; i < header.size(); i++) {
        if (!allowed.contains(header.get(i))) {
          throw new EventFileException(
              name,
              1 + skipped,
              i + 1,
              header.get(i),
              null,
              "is not a column of this format (allowed: " + String.join(", ", allowed) + ")");
        }
      }
    }
    List<EventRow> rows = new ArrayList<>();
    for (CsvRow r : table.rows()) {
      rows.add(new EventRow(r, header, skipped));
    }
    return new Table(name, header, rows, notes, declared);
  }

  /** Reads one event from a row of an export, noting there country names without a code. */
  interface ExportRow {
    Event read(EventRow row, Unmapped unmapped);
  }

  /**
   * Reads an export (GTD, ACLED) of one event per row: its columns checked against {@code
   * required}, any others allowed, and one note for the country names without a code.
   */
  static EventFile export(Path file, List<String> required, ExportRow reader) {
    Table t = table(file, required, null);
    List<Event> out = new ArrayList<>();
    List<String> notes = new ArrayList<>(t.notes());
    Unmapped unmapped = new Unmapped();
    for (EventRow r : t.rows()) {
      out.add(reader.read(r, unmapped));
    }
    unmapped.note(t.file(), notes);
    return new EventFile(t.file(), out, notes, t.coverage(out));
  }

  /** Collects country names without a code, for one note. */
  static final class Unmapped {
    private final Map<String, Integer> counts = new TreeMap<>();

    void add(String name) {
      counts.merge(name, 1, Integer::sum);
    }

    void note(String file, List<String> notes) {
      if (counts.isEmpty()) {
        return;
      }
      StringBuilder out = new StringBuilder(file + ": ");
      int rows = counts.values().stream().mapToInt(Integer::intValue).sum();
      out.append(rows).append(rows == 1 ? " row names a country" : " rows name countries");
      out.append(" without an ISO code, kept without a country: ");
      List<String> parts = new ArrayList<>();
      counts.forEach((k, v) -> parts.add(k + " (" + v + ")"));
      out.append(String.join(", ", parts));
      notes.add(out.toString());
    }
  }
}
