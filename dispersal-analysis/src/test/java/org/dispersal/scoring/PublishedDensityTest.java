package org.dispersal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.junit.jupiter.api.Test;

class PublishedDensityTest {

  private static final ReportingModel MODEL =
      new ReportingModel(
          LocalDate.of(2017, 2, 13),
          0.30,
          0.05,
          1.7,
          Map.of(SourceType.GOVERNMENT, 0.08, SourceType.PRESS, -0.07),
          100,
          50,
          2);

  @Test
  void pointProbabilitiesAndTheOpenTailAddUpToOne() {
    for (double latent : new double[] {0, 3, 250, 40_000}) {
      double total = 0;
      int top = 2_000_000;
      for (int y = 0; y <= 2000; y++) {
        total +=
            Math.exp(
                PublishedDensity.logProbability(
                    latent, MODEL, SourceType.GOVERNMENT, new ObservedRange(y, y)));
      }
      // y from 2001 on, in large blocks: the ranges tile the whole numbers with no gap.
      total +=
          Math.exp(
              PublishedDensity.logProbability(
                  latent, MODEL, SourceType.GOVERNMENT, new ObservedRange(2001, top)));
      total +=
          Math.exp(
              PublishedDensity.logProbability(
                  latent,
                  MODEL,
                  SourceType.GOVERNMENT,
                  new ObservedRange(top + 1, Double.POSITIVE_INFINITY)));
      assertEquals(1.0, total, 1e-9, "latent " + latent);
    }
  }

  @Test
  void aRangeIsTheSumOfItsPoints() {
    double sum = 0;
    for (int y = 40; y <= 60; y++) {
      sum +=
          Math.exp(
              PublishedDensity.logProbability(
                  50, MODEL, SourceType.PRESS, new ObservedRange(y, y)));
    }
    double range =
        Math.exp(
            PublishedDensity.logProbability(
                50, MODEL, SourceType.PRESS, new ObservedRange(40, 60)));
    assertEquals(sum, range, 1e-12);
  }

  /**
   * The exact probability against the reporting model's own sampler: 200,000 published figures, the
   * count in each range compared with its binomial expectation at 4.5 standard deviations (a false
   * failure about once in 150,000 runs per range; the seed is fixed, so the test is deterministic).
   */
  @Test
  void agreesWithTheSampler() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20170213L);
    int n = 200_000;
    double latent = 120;
    ObservedRange[] ranges = {
      new ObservedRange(120, 120),
      new ObservedRange(100, 140),
      new ObservedRange(0, 30),
      new ObservedRange(400, Double.POSITIVE_INFINITY)
    };
    int[] hits = new int[ranges.length];
    for (int i = 0; i < n; i++) {
      double y = MODEL.publish(latent, SourceType.GOVERNMENT, rng);
      for (int j = 0; j < ranges.length; j++) {
        if (y >= ranges[j].low() && y <= ranges[j].high()) {
          hits[j]++;
        }
      }
    }
    for (int j = 0; j < ranges.length; j++) {
      double p =
          Math.exp(
              PublishedDensity.logProbability(latent, MODEL, SourceType.GOVERNMENT, ranges[j]));
      double sd = Math.sqrt(n * p * (1 - p));
      assertTrue(p > 0.001, "range " + j + " too unlikely to test: " + p);
      assertEquals(n * p, hits[j], 4.5 * sd, "range " + ranges[j]);
    }
  }

  @Test
  void farTailsStayFiniteAndOrdered() {
    double previous = 0;
    for (double y : new double[] {1e3, 1e6, 1e12, 1e30, 1e80}) {
      double lp =
          PublishedDensity.logProbability(0, MODEL, SourceType.RESEARCH, new ObservedRange(y, y));
      assertTrue(Double.isFinite(lp), "ln p of " + y + " is " + lp);
      assertTrue(lp < previous, "ln p must fall as the figure moves out: " + y + " " + lp);
      previous = lp;
    }
    double open =
        PublishedDensity.logProbability(
            0, MODEL, SourceType.RESEARCH, new ObservedRange(1e80, Double.POSITIVE_INFINITY));
    assertTrue(Double.isFinite(open) && open < -1000, "open far tail " + open);
  }

  @Test
  void theEnsembleAveragesProbabilitiesNotLogs() {
    double[] latent = {10, 100, 1000};
    ObservedRange obs = new ObservedRange(95, 105);
    double mean = 0;
    for (double x : latent) {
      mean += Math.exp(PublishedDensity.logProbability(x, MODEL, SourceType.PRESS, obs)) / 3;
    }
    assertEquals(
        Math.log(mean),
        PublishedDensity.logProbability(latent, MODEL, SourceType.PRESS, obs),
        1e-12);
    assertEquals(
        -800 + Math.log1p(Math.exp(-1)),
        PublishedDensity.logSumExp(new double[] {-800, -801}),
        1e-12);
  }
}
