package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.update.Evidence;
import org.dispersal.app.update.UpdateRequest;
import org.dispersal.hypotheses.Updater;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.scenario.HypothesisScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 of issue #16: a gap in an event file is not evidence, and GTD and ACLED layouts of the
 * same incidents give the same weights.
 */
class EventCoverageTest {

  @TempDir Path dir;

  private static final String GTD_HEADER =
      "eventid,iyear,imonth,iday,country_txt,city,attacktype1_txt,gname,nkill";
  private static final String ACLED_HEADER =
      "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,fatalities";

  /** Twelve Libyan incidents and one in Iraq, March to October 2017, in GTD's layout. */
  private static List<String> gtdRows() {
    List<String> out = new ArrayList<>();
    String[] kinds = {"Bombing/Explosion", "Armed Assault", "Hostage Taking (Kidnapping)"};
    for (int i = 0; i < 12; i++) {
      out.add(
          (201703000 + i)
              + ",2017,"
              + (3 + i % 7)
              + ","
              + (2 + i)
              + ",Libya,Town"
              + i
              + ","
              + (kinds[i % 3].contains(" ") ? "\"" + kinds[i % 3] + "\"" : kinds[i % 3])
              + ",Islamic State of Iraq and the Levant (ISIL),1");
    }
    out.add(
        "201710001,2017,10,20,Iraq,Mosul,Bombing/Explosion,Islamic State of Iraq and the Levant (ISIL),3");
    return out;
  }

  /** The same thirteen incidents as ACLED codes them. */
  private static List<String> acledRows() {
    List<String> out = new ArrayList<>();
    String[] kinds = {
      "Explosions/Remote violence,Suicide bomb",
      "Battles,Armed clash",
      "Violence against civilians,Abduction/forced disappearance"
    };
    for (int i = 0; i < 12; i++) {
      out.add(
          "LBY"
              + i
              + ","
              + LocalDate.of(2017, 3 + i % 7, 2 + i)
              + ","
              + kinds[i % 3]
              + ",Islamic State (Libya),Libya,Town"
              + i
              + ",1");
    }
    out.add(
        "IRQ1,2017-10-20,Explosions/Remote violence,Suicide bomb,Islamic State (Iraq),Iraq,Mosul,3");
    return out;
  }

  private Path write(String name, List<String> lines) throws Exception {
    return Files.write(dir.resolve(name), lines);
  }

  private static List<String> with(String header, List<String> rows, String... comments) {
    List<String> out = new ArrayList<>(List.of(comments));
    out.add(header);
    out.addAll(rows);
    return out;
  }

  /** The update on the GTD fixture rows, the file opening with {@code comments}. */
  private UpdateRequest.Outcome gtdUpdate(String... comments) throws Exception {
    return update(write("gtd.csv", with(GTD_HEADER, gtdRows(), comments)), EventFile.Format.GTD);
  }

  private UpdateRequest.Outcome update(Path file, EventFile.Format format) {
    HypothesisScenario read = Scenarios.withHypotheses("isis-2017");
    ScenarioInput in = new ScenarioInput(read.scenario(), Scenarios.text("isis-2017"));
    Evidence evidence = Evidence.read(List.of(file), List.of(), format, 0.8);
    UpdateRequest request =
        UpdateRequest.of(in, read.hypotheses(), evidence, LocalDate.of(2018, 1, 31), null, null);
    RunResult<UpdateRequest.Outcome> r =
        request.execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    return r.value();
  }

  private static Updater.Outcome outcome(UpdateRequest.Outcome o, String indicator) {
    return o.report().result().statuses().stream()
        .filter(s -> s.indicator().id().equals(indicator))
        .findFirst()
        .orElseThrow()
        .outcome();
  }

  @Test
  void aFileThatDoesNotCoverIraqMovesNoWeightOnTheIraqIndicatorAndSaysSo() throws Exception {
    UpdateRequest.Outcome o = gtdUpdate();
    // rows span 2017-03-02 to 2017-10-20: the Iraq window (July to December) is not covered
    assertThat(outcome(o, "insurgent_attacks_iraq")).isEqualTo(Updater.Outcome.NOT_COVERED);
    double[] w = o.report().result().posterior();
    double[] prior = o.report().result().prior();
    // the other indicators move it, but without the Iraq window stay-and-fight keeps most of its
    // prior weight
    assertThat(w[1]).as("stay and fight").isGreaterThan(0.6 * prior[1]);
    assertThat(o.report().notes())
        .anySatisfy(n -> assertThat(n).contains("gtd.csv: coverage inferred from its rows"))
        .anySatisfy(
            n -> assertThat(n).startsWith("insurgent_attacks_iraq: not observed, moves no weight"));
  }

  @Test
  void aDeclaredCoverageWithoutIraqLeavesTheIraqIndicatorUncovered() throws Exception {
    UpdateRequest.Outcome o =
        gtdUpdate(
            "# an extract",
            "# coverage: countries=LBY,TUN; from=2017-01-01; to=2017-12-31; source=GTD");
    assertThat(outcome(o, "insurgent_attacks_iraq")).isEqualTo(Updater.Outcome.NOT_COVERED);
    assertThat(o.report().notes())
        .anySatisfy(n -> assertThat(n).contains("coverage declared: countries LBY,TUN"));
  }

  @Test
  void aDeclaredCoverageOfIraqMakesTheQuietEvidence() throws Exception {
    UpdateRequest.Outcome o =
        gtdUpdate("# coverage: countries=LBY,IRQ,SYR; from=2017-01-01; to=2017-12-31; source=GTD");
    assertThat(outcome(o, "insurgent_attacks_iraq")).isEqualTo(Updater.Outcome.NOT_OBSERVED);
    assertThat(o.report().result().posterior()[1]).as("stay and fight").isLessThan(0.1);
  }

  @Test
  void theSameIncidentsInGtdAndAcledLayoutsGiveTheSameWeights() throws Exception {
    UpdateRequest.Outcome gtd = gtdUpdate();
    UpdateRequest.Outcome acled =
        update(write("acled.csv", with(ACLED_HEADER, acledRows())), EventFile.Format.ACLED);
    assertThat(outcome(gtd, "libya_resurgence")).isEqualTo(Updater.Outcome.OBSERVED);
    assertThat(outcome(acled, "libya_resurgence")).isEqualTo(Updater.Outcome.OBSERVED);
    double[] a = gtd.report().result().posterior();
    double[] b = acled.report().result().posterior();
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).isCloseTo(a[i], within(1e-12));
    }
  }

  @Test
  void aMisspeltAcledTypeIsAnErrorNamingLineColumnAndTheAllowedTypes() throws Exception {
    InputException e = acledMisspelt(2, "Violence against civilians", "Violence against civilans");
    String m = e.getMessage() + e.problems();
    assertThat(m).contains("acled.csv").contains("Violence against civilans");
    assertThat(e.problems().get(0).line()).isEqualTo(4);
    assertThat(e.problems().get(0).field()).isEqualTo("event_type");
    assertThat(m).contains("Explosions/Remote violence");
  }

  @Test
  void aMisspeltSubTypeAndAnUnknownCountryAreErrors() throws Exception {
    InputException acled = acledMisspelt(0, "Suicide bomb", "Suicide bom");
    assertThat(acled.problems().get(0).field()).isEqualTo("sub_event_type");
    assertThat(acled.problems().toString()).contains("Grenade");
    List<String> gtd = gtdRows();
    gtd.set(4, gtd.get(4).replace("Libya", "Atlantis"));
    Path g = write("gtd.csv", with(GTD_HEADER, gtd, "# coverage: source=GTD"));
    var p = refused(g, EventFile.Format.GTD).problems().get(0);
    assertThat(p.field()).isEqualTo("country_txt");
    assertThat(p.value()).isEqualTo("Atlantis");
    assertThat(p.line()).isEqualTo(7);
  }

  /** The input error of the ACLED fixture with {@code right} misspelt in one row. */
  private InputException acledMisspelt(int row, String right, String wrong) throws Exception {
    List<String> rows = acledRows();
    rows.set(row, rows.get(row).replace(right, wrong));
    return refused(write("acled.csv", with(ACLED_HEADER, rows)), EventFile.Format.ACLED);
  }

  /** The input error of reading an event file that must be refused. */
  private static InputException refused(Path file, EventFile.Format format) {
    Throwable t = catchThrowable(() -> Evidence.read(List.of(file), List.of(), format, 0.8));
    assertThat(t).isInstanceOf(InputException.class);
    return (InputException) t;
  }
}
