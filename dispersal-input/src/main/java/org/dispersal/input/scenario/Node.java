package org.dispersal.input.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a parsed YAML document that remembers where it was written, so that every problem can
 * name its file, line and column.
 *
 * <p>Jackson's tree model drops locations, hence this small tree built from the streaming parser.
 */
sealed interface Node permits Node.Scalar, Node.Sequence, Node.Mapping {

  /** Longest rendering of a value in a problem before it is cut. */
  int RENDER_LIMIT = 60;

  /** Where the node starts. */
  Location at();

  /** A compact one-line rendering in YAML flow style, for problem messages. */
  default String render() {
    StringBuilder out = new StringBuilder();
    render(out);
    return out.length() > RENDER_LIMIT
        ? out.substring(0, RENDER_LIMIT - 3) + "..."
        : out.toString();
  }

  /** Appends the rendering, stopping early once it is long enough to be cut. */
  void render(StringBuilder out);

  /** Whether this is a YAML null (an empty value, {@code ~} or {@code null}). */
  default boolean isNull() {
    return this instanceof Scalar s && s.kind() == Kind.NULL;
  }

  /** What a scalar's token was. */
  enum Kind {
    /** Text, quoted or plain. */
    STRING,
    /** An integer or floating-point number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An empty value. */
    NULL
  }

  /**
   * A single value.
   *
   * @param at where it starts
   * @param kind what token it was
   * @param text the text as written
   * @param number the value of a number, otherwise null
   */
  record Scalar(Location at, Kind kind, String text, Number number) implements Node {

    /** Validates the scalar. */
    public Scalar {
      if (at == null || kind == null || text == null || (kind == Kind.NUMBER) != (number != null)) {
        throw new IllegalArgumentException("scalar needs a location, a kind and its text");
      }
    }

    @Override
    public void render(StringBuilder out) {
      out.append(text);
    }
  }

  /**
   * A list.
   *
   * @param at where it starts
   * @param items the items in order
   */
  record Sequence(Location at, List<Node> items) implements Node {

    /** Copies the items. */
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public void render(StringBuilder out) {
      out.append('[');
      for (int i = 0; i < items.size() && out.length() <= RENDER_LIMIT; i++) {
        out.append(i == 0 ? "" : ", ");
        items.get(i).render(out);
      }
      out.append(']');
    }
  }

  /**
   * One key and its value in a mapping.
   *
   * @param key the key's text
   * @param keyAt where the key is written
   * @param value the value
   */
  record Entry(String key, Location keyAt, Node value) {

    /** Validates the entry. */
    public Entry {
      if (key == null || keyAt == null || value == null) {
        throw new IllegalArgumentException("entry needs a key, its location and a value");
      }
    }
  }

  /**
   * A mapping with keys in the order written, without repeated keys.
   *
   * @param at where it starts
   * @param entries the entries in order
   */
  record Mapping(Location at, List<Entry> entries) implements Node {

    /** Copies the entries and rejects repeated keys. */
    public Mapping {
      entries = List.copyOf(entries);
      if (entries.stream().map(Entry::key).distinct().count() != entries.size()) {
        throw new IllegalArgumentException("mapping has a repeated key");
      }
    }

    /** The value of a key, or null if the key is absent. */
    Node get(String key) {
      Entry e = entry(key);
      return e == null ? null : e.value();
    }

    /** The entry of a key, or null if the key is absent. */
    Entry entry(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return e;
        }
      }
      return null;
    }

    /**
     * This mapping with the entries of {@code other} laid over it: a key of both takes the value of
     * {@code other} in this mapping's place, new keys follow in {@code other}'s order.
     */
    Mapping overlay(Mapping other) {
      List<Entry> out = new ArrayList<>();
      for (Entry e : entries) {
        Entry replaced = other.entry(e.key());
        out.add(replaced == null ? e : replaced);
      }
      for (Entry e : other.entries()) {
        if (entry(e.key()) == null) {
          out.add(e);
        }
      }
      return new Mapping(other.at(), out);
    }

    /** This mapping without one key. */
    Mapping without(String key) {
      return new Mapping(at, entries.stream().filter(e -> !e.key().equals(key)).toList());
    }

    @Override
    public void render(StringBuilder out) {
      out.append('{');
      for (int i = 0; i < entries.size() && out.length() <= RENDER_LIMIT; i++) {
        out.append(i == 0 ? "" : ", ").append(entries.get(i).key()).append(": ");
        entries.get(i).value().render(out);
      }
      out.append('}');
    }
  }
}
