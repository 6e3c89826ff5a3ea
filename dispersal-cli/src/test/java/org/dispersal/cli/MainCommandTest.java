package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line is built with only the subcommand that the arguments name, when they name one.
 */
class MainCommandTest {

  private static final List<String> ALL =
      List.of(
          "forecast",
          "validate",
          "scenarios",
          "explain",
          "calibrate",
          "hindcast",
          "sensitivity",
          "screening",
          "threat",
          "compare",
          "update",
          "bench",
          "serve",
          "runs",
          "export",
          "brief",
          "help");

  @Test
  void everySubcommandInUsageOrderUnderTheNameItsAnnotationGives() {
    Map<String, CommandLine> subcommands = Main.command(new String[0]).getSubcommands();
    assertThat(subcommands.keySet()).containsExactlyElementsOf(ALL);
    subcommands.forEach((name, cl) -> assertThat(cl.getCommandName()).isEqualTo(name));
  }

  @Test
  void aNamedSubcommandAloneAlsoAfterDebug() {
    assertThat(Main.command(new String[] {"forecast", "--runs", "5"}).getSubcommands())
        .containsOnlyKeys("forecast");
    assertThat(Main.command(new String[] {"--debug", "runs"}).getSubcommands())
        .containsOnlyKeys("runs");
  }

  @Test
  void helpAMistypedNameOrAnOptionFirstGetEverySubcommand() {
    for (String[] args :
        List.of(
            new String[] {"help", "forecast"},
            new String[] {"forcast"},
            new String[] {"--version"},
            new String[] {"--", "forecast"},
            new String[] {"forecast".toUpperCase(java.util.Locale.ROOT)})) {
      assertThat(Main.command(args).getSubcommands().keySet()).containsExactlyElementsOf(ALL);
    }
  }
}
