package org.dispersal.input.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dispersal.input.data.CsvReader;
import org.dispersal.input.data.CsvRow;
import org.dispersal.input.data.CsvTable;

/**
 * The one table that maps the event categories of GTD and ACLED to the event types indicators look
 * for ({@code attack}, {@code explosion}, {@code battle}, {@code arrest}, ...), read from {@code
 * event-types.csv} beside this class and printed in docs/ANALYST.md ("Event types"). Both readers
 * go through it, so the same incidents coded by either source count for the same indicators: GTD's
 * "Armed Assault" and ACLED's "Battles / Armed clash" and "Violence against civilians / Attack" are
 * all {@code attack}; GTD's "Bombing/Explosion" and every ACLED "Explosions/Remote violence" are
 * {@code explosion}.
 *
 * <p>A row with an empty {@code source_subtype} applies to rows of that type that give no subtype
 * (ACLED) or to every subtype (GTD, which has none). A category the table does not list is an
 * error, so a misspelt type is never read as a new type that no indicator looks for.
 */
final class EventTypes {

  private static final String RESOURCE = "event-types.csv";

  /**
   * One row of the table.
   *
   * @param source {@code gtd} or {@code acled}
   * @param sourceType the source's type as it spells it
   * @param sourceSubtype the source's subtype, or empty
   * @param type our type
   */
  record Entry(String source, String sourceType, String sourceSubtype, String type) {}

  private static final List<Entry> TABLE = load();

  private EventTypes() {}

  private static List<Entry> load() {
    CsvTable t;
    try (InputStream in = EventTypes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      t = CsvReader.parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Entry> out = new ArrayList<>();
    for (CsvRow r : t.rows()) {
      out.add(
          new Entry(
              r.text("source"), r.text("source_type"), r.text("source_subtype"), r.text("type")));
    }
    return List.copyOf(out);
  }

  /** The table, in file order. */
  static List<Entry> entries() {
    return TABLE;
  }

  /**
   * Folds case and punctuation, so "Explosions/Remote violence" equals "explosions remote
   * violence".
   */
  static String fold(String text) {
    return EventRow.slug(text);
  }

  /**
   * Our type for a source's category.
   *
   * @param source {@code gtd} or {@code acled}
   * @param r the row, for errors
   * @param typeColumn the column of the source's type
   * @param subtypeColumn the column of its subtype, or null if the source has none in the table
   * @throws EventFileException naming the line and column and the allowed values
   */
  static String type(String source, EventRow r, String typeColumn, String subtypeColumn) {
    String type = r.required(typeColumn);
    List<Entry> ofType =
        TABLE.stream()
            .filter(e -> e.source().equals(source) && fold(e.sourceType()).equals(fold(type)))
            .toList();
    if (ofType.isEmpty()) {
      Set<String> allowed = new LinkedHashSet<>();
      TABLE.stream()
          .filter(e -> e.source().equals(source))
          .forEach(e -> allowed.add(e.sourceType()));
      throw r.error(
          typeColumn,
          type,
          "is not a known event type (allowed: "
              + String.join("; ", allowed)
              + "; the table is in docs/ANALYST.md, \"Event types\")");
    }
    String sub = subtypeColumn == null ? "" : r.text(subtypeColumn);
    for (Entry e : ofType) {
      if (fold(e.sourceSubtype()).equals(fold(sub))) {
        return e.type();
      }
    }
    for (Entry e : ofType) {
      if (subtypeColumn == null && e.sourceSubtype().isEmpty()) {
        return e.type();
      }
    }
    List<String> allowed = new ArrayList<>();
    ofType.stream()
        .filter(e -> !e.sourceSubtype().isEmpty())
        .forEach(e -> allowed.add(e.sourceSubtype()));
    throw r.error(
        subtypeColumn,
        sub,
        "is not a sub-event type of '"
            + type
            + "' (allowed: "
            + String.join("; ", allowed)
            + ", or empty)");
  }
}
