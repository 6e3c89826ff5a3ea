package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;

/** Scenario texts and a stand-in for the shared data, shared by the scenario tests. */
final class Fixtures {

  /** The name that problems of parsed texts carry. */
  static final String FILE = "test.yaml";

  private Fixtures() {}

  /** Two origins in regions of the built-in scenario, whatever the date. */
  static final Function<LocalDate, List<Origin>> SHARED =
      date ->
          List.of(
              new Origin(
                  "FRA",
                  "France",
                  "western_europe",
                  true,
                  new Range(1700, 1900),
                  null,
                  null,
                  null,
                  null,
                  List.of("ICSR2015"),
                  ""),
              new Origin(
                  "TUN",
                  "Tunisia",
                  "maghreb",
                  true,
                  Range.of(6000),
                  null,
                  null,
                  null,
                  null,
                  List.of("TSG2015"),
                  ""));

  /** A reader with the stand-in shared data. */
  static ScenarioReader reader() {
    return ScenarioReader.withDefaults().withSharedOrigins(SHARED);
  }

  /** The text of the small complete scenario {@code minimal.yaml}. */
  static String minimal() {
    try (InputStream in = Fixtures.class.getResourceAsStream("minimal.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The small scenario with one piece of text replaced; the piece must occur exactly once. */
  static String minimal(String old, String replacement) {
    String text = minimal();
    assertThat(text.split(Pattern.quote(old), -1)).as(old).hasSize(2);
    return text.replace(old, replacement);
  }

  /** The one-line problems of a text, empty if it reads as a valid scenario. */
  static List<String> problems(String yaml, String... overrides) {
    try {
      reader().withOverrides(List.of(overrides)).parse(yaml, FILE);
      return List.of();
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
