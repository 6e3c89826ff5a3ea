package org.dispersal.assimilation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.random.RandomStreams;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.testkit.Stats;
import org.junit.jupiter.api.Test;

/**
 * The likelihood is the probability law of {@link ReportingModel#publish}: published figures drawn
 * from the model fall into ranges as often as {@link Likelihood#logProbability} says (chi-square,
 * fixed seeds; each test fails falsely with probability below 0.001 per case).
 */
class LikelihoodTest {

  private static final ReportingModel MODEL =
      new ReportingModel(
          LocalDate.of(2017, 8, 31),
          0.3,
          0.05,
          1.2,
          Map.of(SourceType.GOVERNMENT, 0.1, SourceType.PRESS, -0.15),
          0,
          0,
          0);

  /** Bin edges: [0,0], [1,4], [5,19], ... [edge_k, edge_{k+1} - 1], and the last open. */
  private static final int[] EDGES = {0, 1, 5, 20, 60, 90, 110, 130, 160, 250, 600, 2000};

  @Test
  void rangesAreAsLikelyAsTheModelPublishesThem() {
    int draws = 200_000;
    for (SourceType type : SourceType.values()) {
      for (int count : new int[] {0, 3, 100, 1500}) {
        double[] probs = new double[EDGES.length];
        double total = 0;
        for (int b = 0; b < EDGES.length; b++) {
          Integer high = b + 1 < EDGES.length ? EDGES[b + 1] - 1 : null;
          probs[b] = Math.exp(Likelihood.logProbability(MODEL, type, EDGES[b], high, count));
          total += probs[b];
        }
        assertEquals(1, total, 1e-9, "the bins partition the published figures");
        long[] seen = new long[EDGES.length];
        UniformRandomProvider rng =
            RandomStreams.stream(
                20260101L + count, type.ordinal(), RandomStreams.Purpose.REPORTING);
        for (int d = 0; d < draws; d++) {
          double y = MODEL.publish(count, type, rng);
          int b = EDGES.length - 1;
          while (y < EDGES[b]) {
            b--;
          }
          seen[b]++;
        }
        double p = Stats.chiSquarePValue(probs, seen);
        assertTrue(p > 0.001, type + " count " + count + ": p = " + p);
      }
    }
  }

  @Test
  void pointsAndOpenRangesAddUp() {
    double point = 0;
    for (int y = 0; y <= 400; y++) {
      point += Math.exp(Likelihood.logProbability(MODEL, SourceType.RESEARCH, y, y, 120));
    }
    double above = Math.exp(Likelihood.logProbability(MODEL, SourceType.RESEARCH, 401, null, 120));
    assertEquals(1, point + above, 1e-9);
    double upTo = Math.exp(Likelihood.logProbability(MODEL, SourceType.RESEARCH, null, 400, 120));
    assertEquals(point, upTo, 1e-9);
  }

  @Test
  void farTailsStayFiniteAndOrdered() {
    double near = Likelihood.logProbability(MODEL, SourceType.PRESS, 5_000, 5_000, 4_000);
    double far = Likelihood.logProbability(MODEL, SourceType.PRESS, 5_000, 5_000, 1);
    double farther = Likelihood.logProbability(MODEL, SourceType.PRESS, 1_000_000, null, 0);
    assertTrue(Double.isFinite(far) && Double.isFinite(farther), far + " " + farther);
    assertTrue(near > far && far > farther, near + " > " + far + " > " + farther);
    // erfc below z = 37, Mills' ratio above: the two join smoothly (d ln Q / dz = -z - 1/z).
    double step = Likelihood.logUpperTail(37.1) - Likelihood.logUpperTail(36.9);
    assertEquals(-0.2 * (37 + 1 / 37.0), step, 1e-3);
    assertEquals(
        -0.5 * 1600 - Math.log(40) - 0.5 * Math.log(2 * Math.PI),
        Likelihood.logUpperTail(40),
        1e-3);
  }
}
