package org.dispersal.input.scenario;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.engine.MarkovModel;

/**
 * Reads scenarios of {@code kind: markov}: a fixed monthly Markov matrix over named states, such as
 * the built-in reference benchmark {@code reference-7node}. The keys are {@code kind}, {@code
 * name}, {@code description}, {@code months}, {@code states} (a list of ids), {@code initial} (a
 * mapping from state id to count; states left out start empty) and {@code matrix} (one row per
 * state, each with one probability per state, summing to 1).
 *
 * <p>Problems are collected with their file, line and column and end in a {@link
 * ScenarioException}, like those of pathway scenarios.
 */
public final class MarkovScenarioReader {

  /** The value of {@code kind} that marks a Markov scenario. */
  public static final String KIND = "markov";

  private static final List<String> BUILT_INS = List.of("reference-7node");
  private static final List<String> KEYS =
      List.of("kind", "name", "description", "months", "states", "initial", "matrix");

  private MarkovScenarioReader() {}

  /** The names of the built-in Markov scenarios. */
  public static List<String> builtInNames() {
    return BUILT_INS;
  }

  /** Whether a built-in name or a file holds a Markov scenario. */
  public static boolean isMarkov(String nameOrPath) {
    String text = ScenarioReader.text(nameOrPath);
    if (text == null) {
      return false;
    }
    YamlTree.Parsed parsed = YamlTree.parse(text, nameOrPath);
    return parsed.root() instanceof Node.Mapping m && isMarkov(m);
  }

  /** Whether a scenario's top-level mapping says {@code kind: markov}. */
  static boolean isMarkov(Node.Mapping root) {
    return root.get("kind") instanceof Node.Scalar s && s.text().equals(KIND);
  }

  /**
   * Reads a built-in Markov scenario by name or a file.
   *
   * @throws ScenarioException if it cannot be found or read, or has any problem
   */
  public static MarkovModel read(String nameOrPath) {
    String text = ScenarioReader.text(nameOrPath);
    if (text == null) {
      throw new ScenarioException(
          List.of(
              Problem.at(
                  new Location(nameOrPath, 0, 0),
                  "",
                  nameOrPath,
                  "is neither a built-in Markov scenario nor a readable file",
                  BUILT_INS)));
    }
    return parse(text, nameOrPath);
  }

  /** Reads a Markov scenario from text. */
  public static MarkovModel parse(String text, String fileName) {
    YamlTree.Parsed parsed = YamlTree.parse(text, fileName);
    List<Problem> problems = new ArrayList<>(parsed.problems());
    if (!(parsed.root() instanceof Node.Mapping root)) {
      problems.add(Problem.at(new Location(fileName, 0, 0), "", null, "must be a mapping"));
      throw new ScenarioException(problems);
    }
    for (Node.Entry e : root.entries()) {
      if (!KEYS.contains(e.key())) {
        problems.add(
            Problem.at(e.keyAt(), e.key(), null, "is not a key of a Markov scenario", KEYS));
      }
    }
    for (String key : KEYS) {
      if (!key.equals("description") && root.get(key) == null) {
        problems.add(Problem.at(root.at(), key, null, "is required"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    if (!isMarkov(root)) {
      problems.add(Problem.at(root.get("kind").at(), "kind", null, "must be " + KIND));
    }
    String name = root.get("name").render();
    String description = root.get("description") == null ? "" : root.get("description").render();
    int months = (int) number(root.get("months"), "months", problems);
    List<String> states = new ArrayList<>();
    if (root.get("states") instanceof Node.Sequence seq) {
      for (Node n : seq.items()) {
        states.add(n instanceof Node.Scalar s ? s.text() : n.render());
      }
    } else {
      problems.add(Problem.at(root.get("states").at(), "states", null, "must be a list of ids"));
    }
    int[] initial = new int[states.size()];
    if (root.get("initial") instanceof Node.Mapping m) {
      for (Node.Entry e : m.entries()) {
        int i = states.indexOf(e.key());
        if (i < 0) {
          problems.add(Problem.at(e.keyAt(), "initial." + e.key(), null, "is not a state", states));
        } else {
          initial[i] = (int) number(e.value(), "initial." + e.key(), problems);
        }
      }
    } else {
      problems.add(
          Problem.at(root.get("initial").at(), "initial", null, "must map states to counts"));
    }
    double[][] matrix = new double[states.size()][states.size()];
    if (root.get("matrix") instanceof Node.Sequence rows && rows.items().size() == states.size()) {
      for (int i = 0; i < states.size(); i++) {
        Node row = rows.items().get(i);
        if (row instanceof Node.Sequence r && r.items().size() == states.size()) {
          for (int j = 0; j < states.size(); j++) {
            matrix[i][j] = number(r.items().get(j), "matrix[" + i + "][" + j + "]", problems);
          }
        } else {
          problems.add(
              Problem.at(
                  row.at(),
                  "matrix[" + i + "]",
                  null,
                  "must list " + states.size() + " probabilities"));
        }
      }
    } else {
      problems.add(
          Problem.at(root.get("matrix").at(), "matrix", null, "must have one row per state"));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    try {
      return new MarkovModel(name, description, states, initial, matrix, months);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(List.of(Problem.at(root.at(), "", null, e.getMessage())));
    }
  }

  private static double number(Node n, String field, List<Problem> problems) {
    if (n instanceof Node.Scalar s && s.kind() == Node.Kind.NUMBER) {
      return s.number().doubleValue();
    }
    problems.add(Problem.at(n.at(), field, n.render(), "must be a number"));
    return 0;
  }
}
