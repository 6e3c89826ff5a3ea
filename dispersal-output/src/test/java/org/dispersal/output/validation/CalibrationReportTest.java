package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.calibration.AbcSmc;
import org.dispersal.calibration.ModelCalibration;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.calibration.Posterior;
import org.dispersal.calibration.PosteriorEnsemble;
import org.dispersal.calibration.PriorMath;
import org.dispersal.calibration.Target;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.ObservationTargets;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.StyleSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationReportTest {

  @TempDir Path tmp;

  @Test
  void writesGenerationsPriorAndPosteriorScreeningAndFitInTheSharedPage() throws Exception {
    Scenario s = ValidationFixtures.mali();
    List<String> free =
        s.parameters().values().stream()
            .filter(p -> PriorMath.isFree(p.prior()))
            .map(Parameter::name)
            .limit(3)
            .toList();
    List<String> calibrated = free.subList(0, 2);
    double[][] particles = new double[4][2];
    for (int i = 0; i < particles.length; i++) {
      for (int j = 0; j < 2; j++) {
        Prior p = s.parameters().get(calibrated.get(j)).prior();
        particles[i][j] = PriorMath.quantile(p, 0.3 + 0.1 * i);
      }
    }
    double[] weights = {0.25, 0.25, 0.25, 0.25};
    AbcSmc.Result abc =
        new AbcSmc.Result(
            calibrated.stream().map(n -> s.parameters().get(n).prior()).toList(),
            particles,
            weights,
            new double[] {0.1, 0.2, 0.3, 0.4},
            List.of(
                new AbcSmc.Generation(0, 2.5, 40, 0.1, 3.9),
                new AbcSmc.Generation(1, 0.75, 60, 0.067, 3.8)),
            100);
    ModelCalibration.Result cal =
        new ModelCalibration.Result(
            new Posterior(calibrated, particles, weights),
            abc,
            calibrated,
            free,
            new double[] {0.61, 0.42, 0.05});
    ObservationRecord used =
        ValidationFixtures.figure("FRA", ObservedMeasure.RETURNED, 250, 300, "icsr, 2018");
    ObservationRecord unused =
        ValidationFixtures.figure("XKX", ObservedMeasure.RETURNED, 100, 120, "kosovo");
    ObservationTargets targets =
        new ObservationTargets(
            List.of(
                new ObservationTargets.Resolved(
                    used,
                    new Target(used.label(), 16, new int[0][], used.range(), used.measure()),
                    "a note & more")),
            List.of(new ObservationTargets.Unresolved(unused, ValidationFixtures.HOSTILE)));
    PosteriorEnsemble.Result prior =
        new PosteriorEnsemble.Result(
            null, new double[][] {{100, 200, 300, 400, 500}}, new double[0][]);
    PosteriorEnsemble.Result post =
        new PosteriorEnsemble.Result(
            null, new double[][] {{240, 260, 270, 280, 310}}, new double[0][]);
    Path f = tmp.resolve("calibration.html");

    InlineHashes hashes =
        CalibrationReport.write(
            s, cal, targets, prior, post, List.of(), 1.5, "dispersal calibrate --runs 5", f);

    String html = Files.readString(f);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<style>" + StyleSheet.CSS + "</style>")
        .contains("<h1>Calibration of " + s.name() + "</h1>")
        .contains("ABC-SMC on <b>1</b> figures: <b>2</b> of 3 free parameters calibrated")
        .contains("<b>100</b> simulations in 1.5 s; 4 particles")
        .contains("<tr><td>1</td><td>0.7500</td><td>60</td><td>0.067</td><td>4</td></tr>")
        .contains(free.get(0), free.get(1), free.get(2))
        .contains("<td>0.610</td><td>yes</td>", "<td>0.050</td><td></td>")
        .contains("returned FRA 2018-06", "icsr, 2018", "a note &amp; more")
        .contains("<h2>Figures not used</h2>")
        .contains("<td class=\"text\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("style=\"")
        .doesNotContain("<script>");
    assertThat(ValidationFixtures.count(html, "<svg")).as("one bar per parameter").isEqualTo(2);
    assertThat(hashes.scripts()).isEmpty();
    assertThat(hashes.attributes()).isEmpty();
    assertThat(ValidationFixtures.sidecar(f)).isEqualTo(hashes);
  }
}
