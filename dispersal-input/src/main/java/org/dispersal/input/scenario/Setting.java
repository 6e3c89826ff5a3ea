package org.dispersal.input.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dispersal.model.Prior;

/**
 * One command-line override {@code --set NAME=VALUE}: a parameter name and the prior that replaces
 * the file's.
 *
 * <p>VALUE is a number (a fixed prior), {@code LOW..HIGH} (uniform), or a distribution written as a
 * call: {@code uniform(LOW, HIGH)}, {@code triangular(LOW, MODE, HIGH)}, {@code loguniform(LOW,
 * HIGH)}, {@code fixed(VALUE)}.
 *
 * @param name the parameter name
 * @param prior the new prior
 * @param nameAt where the name was written: file {@code --set}, line = the override's 1-based
 *     position among the overrides, column = the character where the name starts
 * @param valueAt where the value starts
 */
record Setting(String name, Prior prior, Location nameAt, Location valueAt) {

  /** The file name of problems with overrides. */
  static final String FILE = "--set";

  /** The accepted forms of VALUE, for problem messages. */
  static final List<String> FORMS =
      List.of(
          "a number",
          "LOW..HIGH",
          "uniform(LOW, HIGH)",
          "triangular(LOW, MODE, HIGH)",
          "loguniform(LOW, HIGH)",
          "fixed(VALUE)");

  private static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
  private static final Pattern PLAIN = Pattern.compile(NUMBER);
  private static final Pattern RANGE = Pattern.compile("(" + NUMBER + ")\\.\\.(" + NUMBER + ")");
  private static final Pattern CALL = Pattern.compile("([a-z]+)\\((.*)\\)");

  /** Validates the setting. */
  Setting {
    if (name == null || name.isBlank() || prior == null || nameAt == null || valueAt == null) {
      throw new IllegalArgumentException("a setting needs a name, a prior and their locations");
    }
  }

  /**
   * Parses every override, adding a problem for each malformed one.
   *
   * @param args the overrides in order, each {@code NAME=VALUE}
   * @param problems where problems go
   * @return the well-formed overrides, in order
   */
  static List<Setting> parseAll(List<String> args, List<Problem> problems) {
    List<Setting> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      int nameStart = leading(arg);
      Location nameAt = new Location(FILE, i + 1, nameStart + 1);
      String name = eq < 0 ? "" : arg.substring(0, eq).strip();
      if (name.isEmpty()) {
        problems.add(Problem.at(nameAt, "", arg, "must be NAME=VALUE", FORMS));
        continue;
      }
      String value = arg.substring(eq + 1);
      Location valueAt = new Location(FILE, i + 1, eq + 2 + leading(value));
      String field = "parameters." + name;
      try {
        out.add(new Setting(name, prior(value.strip()), nameAt, valueAt));
      } catch (IllegalArgumentException e) {
        boolean form = e instanceof MalformedValue;
        problems.add(
            Problem.at(valueAt, field, value.strip(), e.getMessage(), form ? FORMS : List.of()));
      }
    }
    return out;
  }

  /**
   * Parses VALUE into a prior.
   *
   * @throws MalformedValue if the text has none of the accepted forms
   * @throws IllegalArgumentException if the prior rejects the numbers, such as low above high
   */
  static Prior prior(String value) {
    if (PLAIN.matcher(value).matches()) {
      return new Prior.Fixed(Double.parseDouble(value));
    }
    Matcher range = RANGE.matcher(value);
    if (range.matches()) {
      return new Prior.Uniform(
          Double.parseDouble(range.group(1)), Double.parseDouble(range.group(2)));
    }
    Matcher call = CALL.matcher(value);
    if (!call.matches()) {
      throw new MalformedValue();
    }
    String[] parts = call.group(2).split(",", -1);
    double[] x = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      if (!PLAIN.matcher(part).matches()) {
        throw new MalformedValue();
      }
      x[i] = Double.parseDouble(part);
    }
    String dist = call.group(1) + "/" + x.length;
    return switch (dist) {
      case "fixed/1" -> new Prior.Fixed(x[0]);
      case "uniform/2" -> new Prior.Uniform(x[0], x[1]);
      case "loguniform/2" -> new Prior.LogUniform(x[0], x[1]);
      case "triangular/3" -> new Prior.Triangular(x[0], x[1], x[2]);
      default -> throw new MalformedValue();
    };
  }

  private static int leading(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A value in none of the accepted forms. */
  static final class MalformedValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedValue() {
      super("is not a valid value");
    }
  }
}
