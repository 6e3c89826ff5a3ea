package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The cohort engine fills the rows once per row class, only those it reads (compartments occupied
 * in some cohort of the class; none for a class with nobody in it), and keeps rows across months
 * whose drivers do not change (all of a month's, or row by row): its draws are exactly those of an
 * engine that fills every row of every cohort every month.
 */
class CohortEngineRowsTest {

  @Test
  void drawsAsIfEveryRowWereFilledEveryMonth() {
    int shared = 0;
    for (long seed = 1; seed <= 40; seed++) {
      UniformRandomProvider rng = RandomStreams.stream(seed, 0, RandomStreams.Purpose.PARAMETERS);
      CompiledModel model = new CompiledModel(TestScenarios.random(rng));
      shared += model.cohortCount() - (int) classes(model).count();
      for (long rep = 0; rep < 3; rep++) {
        assertSameDraws(model, seed, rep);
      }
    }
    // Some cohorts share their class's rows, so the classes are exercised.
    assertThat(shared).isPositive();
  }

  @Test
  void cohortsOfOneRowClassGetTheSameRowsEveryMonth() {
    for (long seed = 1; seed <= 40; seed++) {
      UniformRandomProvider rng = RandomStreams.stream(seed, 0, RandomStreams.Purpose.PARAMETERS);
      CompiledModel model = new CompiledModel(TestScenarios.random(rng));
      SimulationModel.Replication inputs = model.replication(seed, 0);
      for (int t = 0; t < model.months(); t++) {
        for (int c = 0; c < model.cohortCount(); c++) {
          int first = 0;
          while (model.rowClass(first) != model.rowClass(c)) {
            first++;
          }
          assertThat(rows(model, inputs, c, t))
              .as("seed %d month %d cohort %d and %d", seed, t, c, first)
              .isEqualTo(rows(model, inputs, first, t));
        }
      }
    }
  }

  private static java.util.stream.IntStream classes(SimulationModel model) {
    return java.util.stream.IntStream.range(0, model.cohortCount()).map(model::rowClass).distinct();
  }

  /** A cohort's rows of month t, every compartment, as text (targets and probabilities' bits). */
  private static String rows(
      SimulationModel model, SimulationModel.Replication inputs, int cohort, int t) {
    TransitionRows rows = new TransitionRows(model.compartmentCount(cohort));
    inputs.fill(cohort, t, rows, null);
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < model.compartmentCount(cohort); s++) {
      sb.append(s).append(':');
      for (int j = 0; j < rows.count(s); j++) {
        sb.append(rows.targets(s)[j])
            .append('=')
            .append(Long.toHexString(Double.doubleToRawLongBits(rows.probabilities(s)[j])))
            .append(' ');
      }
    }
    return sb.toString();
  }

  @Test
  void keepsRowsWhileTheDriversStayAndDrawsAsIfRefilled() {
    // No stronghold falls within the horizon and the one lost before the start does not decay, so
    // every month's rows are the last month's: the engine fills every row once and keeps them.
    Scenario s =
        TestScenarios.small(
            List.of(
                TestScenarios.country("FRA", "western_europe", 2000),
                TestScenarios.country("TUN", "maghreb", 3000)),
            Map.of("collapse_half_life", 1e300, "fall_month.b", 500.0, "fall_month.c", 500.0),
            12);
    CompiledModel model = new CompiledModel(s);
    for (long rep = 0; rep < 5; rep++) {
      SimulationModel.Replication inputs = model.replication(3, rep);
      for (int t = 1; t < model.months(); t++) {
        assertThat(inputs.sameRows(t)).as("month %d", t).isTrue();
      }
      assertSameDraws(model, 3, rep);
    }
  }

  /**
   * Where the kernel says a row is the same as last month's ({@link MonthlyKernel#sameRow}), it is,
   * bit for bit, in every cohort: over random scenarios whose levers (border closure, route
   * screening, prosecution, rehabilitation) also step at random months, with the strongholds'
   * losses, the merger and the repatriation policies of the scenarios. And the engine, which keeps
   * those rows, draws as if it refilled every row every month.
   */
  @Test
  void keptRowsAreTheRowsAFillWouldGive() {
    int kept = 0;
    int changed = 0;
    for (long seed = 1; seed <= 30; seed++) {
      UniformRandomProvider rng = RandomStreams.stream(seed, 1, RandomStreams.Purpose.PARAMETERS);
      CompiledModel model = new CompiledModel(TestScenarios.random(rng));
      MonthlyKernel kernel = new MonthlyKernel(model);
      for (long rep = 0; rep < 2; rep++) {
        Realization r = steppedLevers(model, seed, rep, rng);
        for (int t = 1; t < model.months(); t++) {
          for (int c = 0; c < model.cohortCount(); c++) {
            TransitionRows before = new TransitionRows(model.compartmentCount(c));
            TransitionRows now = new TransitionRows(model.compartmentCount(c));
            kernel.fill(r, c, t - 1, before, null);
            kernel.fill(r, c, t, now, null);
            for (int i = 0; i < model.compartmentCount(c); i++) {
              if (kernel.sameRow(r, t, i)) {
                kept++;
                assertThat(row(now, i))
                    .as("seed %d month %d cohort %d row %d", seed, t, c, i)
                    .isEqualTo(row(before, i));
              } else if (!row(now, i).equals(row(before, i))) {
                changed++;
              }
            }
          }
        }
        assertThat(trace(model, replication(model, r, seed, rep), seed, rep))
            .as("seed %d replication %d", seed, rep)
            .isEqualTo(
                trace(
                    ownRows(model),
                    everyRowEveryMonth(replication(model, r, seed, rep)),
                    seed,
                    rep));
      }
    }
    // Both cases happen, so neither side of the check is empty.
    assertThat(kept).isPositive();
    assertThat(changed).isPositive();
  }

  /** A replication's realization with each lever replaced by a path that steps at random months. */
  private static Realization steppedLevers(
      CompiledModel model, long seed, long rep, UniformRandomProvider rng) {
    Realization r = ((PathwayReplication) model.replication(seed, rep)).realization();
    return new Realization(
        r.values(),
        r.territory(),
        r.collapse(),
        steps(model.months(), rng),
        steps(model.months(), rng),
        steps(model.months(), rng),
        steps(model.months(), rng),
        r.mergerMonth());
  }

  /** A path in [0, 1] that changes at two random months and stays put otherwise. */
  private static double[] steps(int months, UniformRandomProvider rng) {
    double[] path = new double[months + 1];
    int first = rng.nextInt(months + 1);
    int second = rng.nextInt(months + 1);
    double a = rng.nextDouble();
    double b = rng.nextDouble();
    double c = rng.nextDouble();
    for (int t = 0; t <= months; t++) {
      path[t] = t < Math.min(first, second) ? a : (t < Math.max(first, second) ? b : c);
    }
    return path;
  }

  private static SimulationModel.Replication replication(
      CompiledModel model, Realization r, long seed, long rep) {
    return new PathwayReplication(
        model, r, RandomStreams.stream(seed, rep, RandomStreams.Purpose.INITIAL_STOCKS));
  }

  /** Row i as text: its targets and the bits of its probabilities. */
  private static String row(TransitionRows rows, int i) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < rows.count(i); j++) {
      sb.append(rows.targets(i)[j])
          .append('=')
          .append(Long.toHexString(Double.doubleToRawLongBits(rows.probabilities(i)[j])))
          .append(' ');
    }
    return sb.toString();
  }

  private static void assertSameDraws(SimulationModel model, long seed, long rep) {
    assertThat(trace(model, model.replication(seed, rep), seed, rep))
        .as("seed %d replication %d", seed, rep)
        .isEqualTo(
            trace(ownRows(model), everyRowEveryMonth(model.replication(seed, rep)), seed, rep));
  }

  /** The same model with every cohort its own row class. */
  private static SimulationModel ownRows(SimulationModel model) {
    return new SimulationModel() {
      @Override
      public int cohortCount() {
        return model.cohortCount();
      }

      @Override
      public int compartmentCount(int cohort) {
        return model.compartmentCount(cohort);
      }

      @Override
      public long cohortKey(int cohort) {
        return model.cohortKey(cohort);
      }

      @Override
      public int birthCohort(int cohort) {
        return model.birthCohort(cohort);
      }

      @Override
      public boolean hasArrivals() {
        return model.hasArrivals();
      }

      @Override
      public int months() {
        return model.months();
      }

      @Override
      public Replication replication(long seed, long replication) {
        return model.replication(seed, replication);
      }
    };
  }

  @Test
  void aModelWhoseRowsNeverChangeDrawsAsIfRefilledEveryMonth() {
    MarkovModel reference = ReferenceModels.reference();
    for (long rep = 0; rep < 5; rep++) {
      assertSameDraws(reference, 7, rep);
    }
  }

  /** The same inputs, but every row of every cohort filled every month and never kept. */
  private static SimulationModel.Replication everyRowEveryMonth(SimulationModel.Replication rep) {
    return new SimulationModel.Replication() {
      @Override
      public void initialStocks(int[][] stocks) {
        rep.initialStocks(stocks);
      }

      @Override
      public void fill(int cohort, int month, TransitionRows rows, int[] stocks) {
        rep.fill(cohort, month, rows, null);
      }

      @Override
      public boolean sameRows(int month) {
        return false;
      }

      @Override
      public double birthProbability(int cohort, int month, int local) {
        return rep.birthProbability(cohort, month, local);
      }

      @Override
      public double arrivalMean(int cohort, int month, int local) {
        return rep.arrivalMean(cohort, month, local);
      }
    };
  }

  private static String trace(
      SimulationModel model, SimulationModel.Replication inputs, long seed, long rep) {
    StringBuilder sb = new StringBuilder();
    new CohortEngine(model)
        .simulate(
            inputs,
            seed,
            rep,
            new MonthObserver() {
              @Override
              public void observe(int month, int[][] stocks) {
                sb.append(month).append(Arrays.deepToString(stocks));
              }

              @Override
              public void births(int month, int[][] born) {
                sb.append('b').append(Arrays.deepToString(born));
              }

              @Override
              public void arrivals(int month, int[][] arrived) {
                sb.append('a').append(Arrays.deepToString(arrived));
              }
            });
    return sb.toString();
  }
}
