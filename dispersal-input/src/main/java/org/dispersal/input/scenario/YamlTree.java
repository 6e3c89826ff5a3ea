package org.dispersal.input.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a {@link Node} tree over Jackson's streaming parser, keeping every node's
 * line and column.
 *
 * <p>A document that YAML itself rejects gives one problem at the position the parser reports.
 * Repeated keys are reported and the first value kept. Aliases ({@code *name}) are rejected rather
 * than silently read as text, and so is a second document in the same file.
 */
final class YamlTree {

  /** Deepest nesting accepted; a scenario needs five levels. */
  static final int MAX_DEPTH = 32;

  private static final YAMLFactory FACTORY = new YAMLFactory();

  /**
   * The outcome of a parse.
   *
   * @param root the document's root, or null if the text could not be parsed
   * @param problems what was wrong; if the root is null, at least one
   */
  record Parsed(Node root, List<Problem> problems) {

    /** Copies the problems. */
    Parsed {
      problems = List.copyOf(problems);
    }
  }

  /** Stops the parse with one problem. */
  private static final class Abort extends Exception {
    private static final long serialVersionUID = 1L;

    /** The problem that stopped the parse. */
    private final transient Problem problem;

    Abort(Problem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  private YamlTree(String file) {
    this.file = file;
  }

  /**
   * Parses a whole document.
   *
   * @param text the YAML text
   * @param file the name used in problems
   */
  static Parsed parse(String text, String file) {
    return new YamlTree(file).run(text);
  }

  private Parsed run(String text) {
    try (YAMLParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return failed(Problem.at(Location.start(file), "", null, "the file is empty"));
      }
      Node root = read(p, t, "", 0);
      if (p.nextToken() != null) {
        return failed(
            Problem.at(
                location(p), "", null, "holds a second YAML document; a scenario is one document"));
      }
      return new Parsed(root, problems);
    } catch (Abort e) {
      return failed(e.problem);
    } catch (JsonProcessingException e) {
      return failed(malformed(e));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string failed", e);
    }
  }

  private Parsed failed(Problem problem) {
    problems.add(problem);
    return new Parsed(null, problems);
  }

  private Node read(YAMLParser p, JsonToken t, String path, int depth) throws IOException, Abort {
    Location at = location(p);
    if (t == null) {
      throw new Abort(Problem.at(at, path, null, "ends where a value was expected"));
    }
    if (p.isCurrentAlias()) {
      throw new Abort(
          Problem.at(
              at, path, "*" + p.getText(), "is a YAML alias; aliases are not supported here"));
    }
    if (depth > MAX_DEPTH) {
      throw new Abort(Problem.at(at, path, null, "nests deeper than " + MAX_DEPTH + " levels"));
    }
    return switch (t) {
      case START_OBJECT -> mapping(p, at, path, depth);
      case START_ARRAY -> sequence(p, at, path, depth);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new Node.Scalar(at, Node.Kind.NUMBER, p.getText(), p.getNumberValue());
      case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(at, Node.Kind.BOOLEAN, p.getText(), null);
      case VALUE_NULL -> new Node.Scalar(at, Node.Kind.NULL, "", null);
      default -> new Node.Scalar(at, Node.Kind.STRING, String.valueOf(p.getText()), null);
    };
  }

  private Node.Mapping mapping(YAMLParser p, Location at, String path, int depth)
      throws IOException, Abort {
    List<Node.Entry> entries = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        throw new Abort(Problem.at(location(p), path, null, "ends inside a mapping"));
      }
      String key = String.valueOf(p.currentName());
      String keyPath = path.isEmpty() ? key : path + "." + key;
      Location keyAt = location(p);
      Node value = read(p, p.nextToken(), keyPath, depth + 1);
      if (keys.add(key)) {
        entries.add(new Node.Entry(key, keyAt, value));
      } else {
        problems.add(Problem.at(keyAt, keyPath, null, "is a repeated key; the first one is used"));
      }
    }
    return new Node.Mapping(at, entries);
  }

  private Node.Sequence sequence(YAMLParser p, Location at, String path, int depth)
      throws IOException, Abort {
    List<Node> items = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new Abort(Problem.at(location(p), path, null, "ends inside a list"));
      }
      items.add(read(p, t, path + "[" + items.size() + "]", depth + 1));
    }
    return new Node.Sequence(at, items);
  }

  private Location location(YAMLParser p) {
    return location(p.currentTokenLocation());
  }

  private Location location(JsonLocation l) {
    return l == null
        ? Location.start(file)
        : new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  private Problem malformed(JsonProcessingException e) {
    String detail;
    if (e.getCause() instanceof MarkedYAMLException m) {
      detail = m.getContext() == null ? m.getProblem() : m.getContext() + ": " + m.getProblem();
    } else {
      String original = e.getOriginalMessage();
      int end = original == null ? -1 : original.indexOf('\n');
      detail = end < 0 ? original : original.substring(0, end);
    }
    return Problem.at(
        location(e.getLocation()),
        "",
        null,
        "is not valid YAML: " + (detail == null ? "unreadable" : detail.strip()));
  }
}
