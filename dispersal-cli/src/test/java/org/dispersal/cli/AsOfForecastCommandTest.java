package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dispersal forecast --as-of DATE --observations FILE...}: writes assimilation.csv and the
 * manifest's entry, prints the effective sample size, and refuses bad input in one line, exit 2.
 */
class AsOfForecastCommandTest {

  @TempDir Path tmp;

  private static final Path VALIDATION =
      Path.of("..", "data", "observations", "validation-2017.csv");

  @Test
  void aForecastAsOfADateListsTheFiguresItWasConditionedOn() throws Exception {
    Path dir = tmp.resolve("asof");
    CliTest.Result r =
        CliTest.run(
            "forecast",
            "--as-of",
            "2017-08-31",
            "--observations",
            VALIDATION.toString(),
            "--runs",
            "30",
            "--months",
            "12",
            "--no-store",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("Conditioned on [1-9][0-9]* figures published by 2017-08-31")
        .contains("Effective sample size")
        .containsPattern("Monthly filter with rejuvenation .*: 2017-0[2-8]: [0-9]+ figures, ESS");
    List<String> csv = Files.readAllLines(dir.resolve("assimilation.csv"));
    assertThat(csv.get(0))
        .isEqualTo(
            "status,file,line,date,published,source,target,value,prior_mean,posterior_mean,reason,definition");
    assertThat(csv).anyMatch(l -> l.startsWith("used,validation-2017.csv,"));
    assertThat(csv).anyMatch(l -> l.startsWith("set_aside,") && l.contains("after the as-of date"));
    assertThat(Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8))
        .contains("\"assimilation\"")
        .contains("\"effective_sample_size\"");
    assertThat(dir.resolve("summary.csv")).exists();
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    CliTest.Result outside =
        CliTest.run("forecast", "--as-of", "2020-03-01", "--out", tmp.resolve("a").toString());
    assertThat(outside.code()).isEqualTo(2);
    assertThat(outside.err().strip())
        .isEqualTo(
            "dispersal: asOf: '2020-03-01' is outside the data: a forecast can be made as of any"
                + " date from 2015-01-01 to 2019-12-31");

    CliTest.Result notADate =
        CliTest.run("forecast", "--as-of", "2017-13-01", "--out", tmp.resolve("b").toString());
    assertThat(notADate.code()).isEqualTo(2);
    assertThat(notADate.err().strip().lines()).hasSize(1);

    Path broken = tmp.resolve("broken.csv");
    Files.writeString(
        broken,
        "date,published,scope,scope_id,demographic,measure,low,high,source_id\n"
            + "2017-05,2017-06,country,FRA,all,returned,many,1,X\n",
        StandardCharsets.UTF_8);
    CliTest.Result row =
        CliTest.run(
            "forecast",
            "--as-of",
            "2017-08-31",
            "--observations",
            broken.toString(),
            "--out",
            tmp.resolve("c").toString());
    assertThat(row.code()).isEqualTo(2);
    assertThat(row.err().strip().lines()).hasSize(1);
    assertThat(row.err()).contains("broken.csv").contains(":2").contains("low");
    assertThat(row.err()).doesNotContain("\tat ");

    CliTest.Result noDate =
        CliTest.run(
            "forecast",
            "--observations",
            VALIDATION.toString(),
            "--out",
            tmp.resolve("d").toString());
    assertThat(noDate.code()).isEqualTo(2);
    assertThat(noDate.err().strip()).contains("--observations needs --as-of");

    CliTest.Result badFilter =
        CliTest.run(
            "forecast",
            "--as-of",
            "2017-08-31",
            "--filter",
            "weekly",
            "--out",
            tmp.resolve("e").toString());
    assertThat(badFilter.code()).isEqualTo(2);
    assertThat(badFilter.err().strip())
        .isEqualTo("dispersal: --filter 'weekly' is not a filter: one-step or monthly");

    CliTest.Result filterAlone =
        CliTest.run("forecast", "--filter", "monthly", "--out", tmp.resolve("f").toString());
    assertThat(filterAlone.code()).isEqualTo(2);
    assertThat(filterAlone.err().strip()).isEqualTo("dispersal: --filter needs --as-of DATE");
  }

  @Test
  void aBadFilterDiscountIsOneLineAndExitTwo() {
    for (String bad : new String[] {"0", "-0.5", "1.5", "0.2"}) {
      CliTest.Result r =
          CliTest.run(
              "forecast",
              "--as-of",
              "2017-08-31",
              "--filter-discount",
              bad,
              "--out",
              tmp.resolve("bad" + bad).toString());
      assertThat(r.code()).as(bad).isEqualTo(2);
      assertThat(r.err().strip())
          .isEqualTo(
              "dispersal: --filter-discount '"
                  + Double.parseDouble(bad)
                  + "' is not a discount: it must be above 1/3 and at most 1 (usually 0.95 to"
                  + " 0.99; default 0.98)");
    }
    CliTest.Result word =
        CliTest.run(
            "forecast",
            "--as-of",
            "2017-08-31",
            "--filter-discount",
            "high",
            "--out",
            tmp.resolve("w").toString());
    assertThat(word.code()).isEqualTo(2);
    assertThat(word.err().strip().lines()).hasSize(1);
    assertThat(word.err()).contains("--filter-discount 'high' is not a number");
    CliTest.Result alone =
        CliTest.run("forecast", "--filter-discount", "0.97", "--out", tmp.resolve("x").toString());
    assertThat(alone.code()).isEqualTo(2);
    assertThat(alone.err().strip()).isEqualTo("dispersal: --filter-discount needs --as-of DATE");
    CliTest.Result oneStep =
        CliTest.run(
            "forecast",
            "--as-of",
            "2017-08-31",
            "--filter",
            "one-step",
            "--filter-discount",
            "0.97",
            "--out",
            tmp.resolve("y").toString());
    assertThat(oneStep.code()).isEqualTo(2);
    assertThat(oneStep.err().strip()).startsWith("dispersal: --filter-discount moves the");
    assertThat(oneStep.err()).doesNotContain("\tat ");
  }

  /**
   * The move is on by default with the monthly filter and says so; {@code --filter-discount off}
   * keeps each particle's parameters, and then as many parameter vectors remain as roots.
   */
  @Test
  void theParameterMoveIsOnByDefaultAndCanBeSwitchedOff() throws Exception {
    String[] args = {
      "forecast",
      "--as-of",
      "2017-08-31",
      "--observations",
      VALIDATION.toString(),
      "--runs",
      "40",
      "--months",
      "3",
      "--no-store"
    };
    Path on = tmp.resolve("on");
    CliTest.Result r = CliTest.run(with(args, "--out", on.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Parameters moved at each step (Liu-West, discount 0.98)");
    String manifest = Files.readString(on.resolve("manifest.json"), StandardCharsets.UTF_8);
    assertThat(manifest)
        .contains("\"method\" : \"liu-west\"")
        .contains("\"parameter_vectors\" : 40");
    Path off = tmp.resolve("off");
    CliTest.Result o = CliTest.run(with(args, "--filter-discount", "off", "--out", off.toString()));
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("Parameters not moved");
    assertThat(Files.readString(off.resolve("manifest.json"), StandardCharsets.UTF_8))
        .contains("\"method\" : \"off\"");
    assertThat(Files.readString(off.resolve("summary.csv")))
        .isNotEqualTo(Files.readString(on.resolve("summary.csv")));
  }

  private static String[] with(String[] args, String... more) {
    String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, out, args.length, more.length);
    return out;
  }

  @Test
  void theOneStepFilterIsChosenByName() throws Exception {
    Path dir = tmp.resolve("onestep");
    CliTest.Result r =
        CliTest.run(
            "forecast",
            "--as-of",
            "2017-08-31",
            "--observations",
            VALIDATION.toString(),
            "--filter",
            "one-step",
            "--runs",
            "30",
            "--months",
            "6",
            "--no-store",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Monthly filter");
    assertThat(Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8))
        .contains("\"filter\" : \"one-step\"");
  }
}
