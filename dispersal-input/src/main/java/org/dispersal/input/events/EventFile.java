package org.dispersal.input.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 */
public record EventFile(String file, List<Event> events, List<String> notes) {

  /** Copies the lists. */
  public EventFile {
    events = List.copyOf(events);
    notes = List.copyOf(notes);
  }

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

  /** A file's table and what was noted while decoding it. */
  record Table(String file, List<String> header, List<EventRow> rows, List<String> notes) {}

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
    CsvTable table = CsvReader.parse(name, text);
    List<String> header = table.header();
    for (String c : required) {
      if (!header.contains(c)) {
        throw new EventFileException(
            name, 1, 0, c, null, "missing column (needed: " + String.join(", ", required) + ")");
      }
    }
    if (allowed != null) {
      for (int i = 0; i < header.size(); i++) {
        if (!allowed.contains(header.get(i))) {
          throw new EventFileException(
              name,
              1,
              i + 1,
              header.get(i),
              null,
              "is not a column of this format (allowed: " + String.join(", ", allowed) + ")");
        }
      }
    }
    List<EventRow> rows = new ArrayList<>();
    for (CsvRow r : table.rows()) {
      rows.add(new EventRow(r, header));
    }
    return new Table(name, header, rows, notes);
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
