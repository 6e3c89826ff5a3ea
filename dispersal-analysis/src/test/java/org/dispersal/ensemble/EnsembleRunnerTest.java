package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/** Ensembles are bit-identical whatever the thread count, and summaries merge exactly. */
class EnsembleRunnerTest {

  static final Scenario SCENARIO =
      TestScenarios.random(RandomStreams.stream(2017, 0, RandomStreams.Purpose.PARAMETERS));

  @Test
  void sameResultFor1And2And8Threads() throws Exception {
    CompiledModel model = new CompiledModel(SCENARIO);
    String one = digest(EnsembleRunner.run(model, 64, 9, 1, i -> {}));
    String two = digest(EnsembleRunner.run(model, 64, 9, 2, i -> {}));
    String eight = digest(EnsembleRunner.run(model, 64, 9, 8, i -> {}));
    String again = digest(EnsembleRunner.run(model, 64, 9, 2, i -> {}));
    assertThat(two).isEqualTo(one);
    assertThat(eight).isEqualTo(one);
    assertThat(again).isEqualTo(one);
    assertThat(digest(EnsembleRunner.run(model, 64, 10, 2, i -> {}))).isNotEqualTo(one);
  }

  @Test
  void combiningHalvesEqualsOneRun() throws Exception {
    CompiledModel model = new CompiledModel(SCENARIO);
    EnsembleSummary whole = new EnsembleSummary(model);
    EnsembleSummary first = new EnsembleSummary(model);
    EnsembleSummary second = new EnsembleSummary(model);
    var engine = new org.dispersal.engine.CohortEngine(model);
    for (int i = 0; i < 30; i++) {
      engine.simulate(3, i, whole);
      engine.simulate(3, i, i < 12 ? first : second);
    }
    second.combine(first);
    assertThat(digest(second)).isEqualTo(digest(whole));
    assertThat(second.replications()).isEqualTo(30);
  }

  /** A hash of every statistic of every cell. */
  static String digest(EnsembleSummary s) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    int months = s.model().scenario().months();
    for (int m = 0; m <= months; m++) {
      for (int sc = 0; sc < s.scopes().size(); sc++) {
        for (int d = 0; d < 4; d++) {
          for (int k = 0; k < s.keyCount(); k++) {
            Statistic st = s.statistic(m, sc, d, k);
            md.update(st.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
