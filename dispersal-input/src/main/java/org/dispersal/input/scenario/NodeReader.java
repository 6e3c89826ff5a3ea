package org.dispersal.input.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The typed readers every part of a scenario file uses: text, ids, numbers, whole numbers and dates
 * out of parsed YAML nodes, each recording a problem with file position and field path instead of
 * failing, so that one pass reports every mistake.
 */
abstract class NodeReader {

  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Where problems go. */
  final List<Problem> problems;

  NodeReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** Whether a value was given: present and not empty. */
  static boolean present(Node node) {
    return node != null && !node.isNull();
  }

  String text(Node node, String path) {
    if (!present(node)) {
      return null;
    }
    if (!(node instanceof Node.Scalar s)) {
      problem(node, path, "must be text");
      return null;
    }
    return s.text();
  }

  String identifier(Node node, String path) {
    String id = text(node, path);
    if (id != null && !IDENTIFIER.matcher(id).matches()) {
      problem(node, path, "is not a valid id", List.of(Interpreter.IDENTIFIER_RULE));
      return null;
    }
    return id;
  }

  Double number(Node node, String path) {
    if (!present(node)) {
      return null;
    }
    if (!(node instanceof Node.Scalar s && s.kind() == Node.Kind.NUMBER)) {
      problem(node, path, "must be a number");
      return null;
    }
    double v = s.number().doubleValue();
    if (!Double.isFinite(v)) {
      problem(node, path, "must be a finite number");
      return null;
    }
    return v;
  }

  Integer whole(Node node, String path) {
    if (!present(node)) {
      return null;
    }
    if (!(node instanceof Node.Scalar s
        && s.kind() == Node.Kind.NUMBER
        && (s.number() instanceof Integer || s.number() instanceof Long l && l == l.intValue()))) {
      problem(node, path, "must be a whole number");
      return null;
    }
    return s.number().intValue();
  }

  LocalDate date(Node node, String path) {
    return parsed(node, path, DATE, LocalDate::parse, "a date written YYYY-MM-DD");
  }

  /**
   * A text in the form {@code form} (a date, a month) read by {@code parse}; null with a problem
   * naming the expected form when it does not match or cannot be read.
   */
  <T> T parsed(Node node, String path, Pattern form, Function<String, T> parse, String expected) {
    String text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      if (form.matcher(text).matches()) {
        return parse.apply(text);
      }
    } catch (DateTimeParseException e) {
      // reported below with the expected form
    }
    problem(node, path, "must be " + expected);
    return null;
  }

  /**
   * A section or object that must be a mapping: checks its keys ({@link #keys}); null when absent,
   * or with a problem when it is not a mapping.
   */
  Node.Mapping mapping(Node node, String path, List<String> allowed, List<String> required) {
    if (!present(node)) {
      return null;
    }
    if (!(node instanceof Node.Mapping m)) {
      problem(node, path, "must be a mapping of keys to values");
      return null;
    }
    keys(m, path, allowed, required);
    return m;
  }

  /**
   * Tells {@link #located} where each key's value was written, reports unknown keys (unless {@code
   * allowed} is null: any key), and reports required keys that are absent or empty.
   */
  void keys(Node.Mapping m, String path, List<String> allowed, List<String> required) {
    for (Node.Entry e : m.entries()) {
      String p = join(path, e.key());
      located(p, e.value() instanceof Node.Scalar ? e.value().at() : e.keyAt());
      if (allowed != null && !allowed.contains(e.key())) {
        problems.add(Problem.at(e.keyAt(), p, null, "is not a known key", allowed));
      }
    }
    for (String key : required) {
      Node.Entry e = m.entry(key);
      if (e == null || e.value().isNull()) {
        Location at = e == null ? m.at() : e.keyAt();
        problems.add(Problem.at(at, join(path, key), null, "is required"));
      }
    }
  }

  /** Where the value at {@code path} was written; a reader that keeps locations records it. */
  void located(String path, Location at) {}

  /** The path of {@code key} inside {@code path} (the key alone at the top). */
  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void problem(Node node, String path, String message) {
    problem(node, path, message, List.of());
  }

  void problem(Node node, String path, String message, List<String> allowed) {
    problems.add(Problem.at(node.at(), path, node.render(), message, allowed));
  }
}
