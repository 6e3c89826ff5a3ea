package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.Stats;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every engine meets, run against each engine by a subclass: conservation of people
 * per cohort (births and arrivals being the two sources of new people), no negative stocks,
 * determinism, arrivals that follow their exact Poisson law, and agreement in distribution with
 * references that share none of the engines' code, on models without agent-only features: the exact
 * multinomial distribution of the reference Markov model, and a person-by-person simulation of a
 * pathway scenario with births, camps and a repatriation policy that changes.
 *
 * <p>False alarms: each agreement test splits α = {@value #FAMILY_ALPHA} over its chi-square tests
 * (Bonferroni), so a correct engine fails it with probability at most 1%; the seeds are fixed, so
 * the build is repeatable.
 */
public abstract class EngineContract {

  /** Replications per engine in the agreement tests. */
  static final int REPLICATIONS = 400;

  /** The false-alarm rate of each agreement test as a whole. */
  static final double FAMILY_ALPHA = 0.01;

  /** The engine under test for a model. */
  protected abstract ReplicationEngine engine(SimulationModel model);

  /** Random small pathway scenarios from seeded generators. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  public void conservesPeopleAndNeverGoesNegative(long seed) {
    UniformRandomProvider rng = RandomStreams.stream(seed, 7, RandomStreams.Purpose.PARAMETERS);
    Scenario s = TestScenarios.random(rng);
    SimulationModel model = new CompiledModel(s);
    checkConservation(engine(model), model, seed);
  }

  @Test
  public void conservesPeopleInTheReferenceModel() {
    SimulationModel model = ReferenceModels.reference().withPopulation(3000);
    checkConservation(engine(model), model, 5);
  }

  /**
   * Runs one replication and checks that no stock goes negative and that each cohort keeps its
   * people every month, births and arrivals being the two sources of new people: a cohort's total
   * at month t is its total at month 0 plus the children the engine reported born into it and the
   * people it reported arrived into it by t; only a model's child cohorts receive births, only a
   * model with arrivals reports any, never a negative number. Returns each cohort's people at month
   * 0.
   */
  static int[] checkConservation(ReplicationEngine engine, SimulationModel model, long seed) {
    int[] initial = new int[model.cohortCount()];
    long[] bornSoFar = new long[model.cohortCount()];
    long[] arrivedSoFar = new long[model.cohortCount()];
    boolean[] child = new boolean[model.cohortCount()];
    for (int c = 0; c < child.length; c++) {
      if (model.birthCohort(c) >= 0) {
        child[model.birthCohort(c)] = true;
      }
    }
    int[] seen = new int[1];
    engine.simulate(
        seed,
        3,
        new MonthObserver() {
          @Override
          public void births(int month, int[][] born) {
            for (int c = 0; c < born.length; c++) {
              for (int n : born[c]) {
                assertThat(n).as("seed %d month %d births %d", seed, month, c).isNotNegative();
                assertThat(n == 0 || child[c]).as("births into cohort %d", c).isTrue();
                bornSoFar[c] += n;
              }
            }
          }

          @Override
          public void arrivals(int month, int[][] arrived) {
            assertThat(model.hasArrivals()).as("arrivals reported by a model without").isTrue();
            for (int c = 0; c < arrived.length; c++) {
              for (int n : arrived[c]) {
                assertThat(n).as("seed %d month %d arrivals %d", seed, month, c).isNotNegative();
                arrivedSoFar[c] += n;
              }
            }
          }

          @Override
          public void observe(int month, int[][] stocks) {
            seen[0]++;
            for (int c = 0; c < stocks.length; c++) {
              int total = 0;
              for (int n : stocks[c]) {
                assertThat(n).as("seed %d month %d cohort %d", seed, month, c).isNotNegative();
                total += n;
              }
              if (month == 0) {
                initial[c] = total;
              } else {
                assertThat((long) total)
                    .as("seed %d month %d cohort %d", seed, month, c)
                    .isEqualTo(initial[c] + bornSoFar[c] + arrivedSoFar[c]);
              }
            }
          }
        });
    assertThat(seen[0]).isEqualTo(model.months() + 1);
    return initial;
  }

  @Test
  public void sameSeedSameTrajectory() {
    Scenario s = TestScenarios.random(RandomStreams.stream(5, 0, RandomStreams.Purpose.PARAMETERS));
    CompiledModel model = new CompiledModel(s);
    assertThat(trace(model, 99, 4)).isEqualTo(trace(model, 99, 4));
    assertThat(trace(model, 99, 4)).isNotEqualTo(trace(model, 99, 5));
  }

  /**
   * An engine runs many replications in turn (one engine per worker): a replication's months, its
   * births included, are the same whichever replications the engine ran before it, on random
   * scenarios with births and on one with arrivals.
   */
  @Test
  public void aReplicationDrawsAsIfRunFirst() {
    int births = 0;
    List<SimulationModel> models = new ArrayList<>();
    for (long seed = 1; seed <= 12; seed++) {
      CompiledModel model =
          new CompiledModel(
              TestScenarios.random(
                  RandomStreams.stream(seed, 0, RandomStreams.Purpose.PARAMETERS)));
      for (int c = 0; c < model.cohortCount(); c++) {
        births += model.birthCohort(c) >= 0 ? 1 : 0;
      }
      models.add(model);
    }
    models.add(arrivalsModel(4));
    assertThat(births).as("cohorts with births").isPositive();
    for (SimulationModel model : models) {
      ReplicationEngine used = engine(model);
      for (long rep : new long[] {3, 11, 5}) {
        fullTrace(used, 99, rep);
      }
      assertThat(fullTrace(used, 99, 7)).isEqualTo(fullTrace(engine(model), 99, 7));
    }
  }

  /** Every month's stocks, births and arrivals of one replication. */
  private static String fullTrace(ReplicationEngine engine, long seed, long rep) {
    StringBuilder sb = new StringBuilder();
    engine.simulate(
        seed,
        rep,
        new MonthObserver() {
          @Override
          public void births(int month, int[][] born) {
            sb.append('b').append(month).append(Arrays.deepToString(born));
          }

          @Override
          public void arrivals(int month, int[][] arrived) {
            sb.append('a').append(month).append(Arrays.deepToString(arrived));
          }

          @Override
          public void observe(int month, int[][] stocks) {
            sb.append(month).append(Arrays.deepToString(stocks));
          }
        });
    return sb.toString();
  }

  private String trace(SimulationModel model, long seed, long rep) {
    StringBuilder sb = new StringBuilder();
    engine(model)
        .simulate(seed, rep, (m, stocks) -> sb.append(m).append(Arrays.deepToString(stocks)));
    return sb.toString();
  }

  /**
   * Final counts per compartment agree in distribution with the independent person-by-person
   * reference ({@link PersonByPerson}) on a pathway scenario: each compartment's counts over
   * {@value #REPLICATIONS} replications of each (independent seeds) by a chi-square test of
   * homogeneity at α = {@value #FAMILY_ALPHA} / (number of compartments tested); compartments that
   * are one constant in both samples are compared exactly.
   */
  @Test
  public void agreesWithAPersonByPersonReferenceOnAPathwayScenario() {
    Scenario s =
        TestScenarios.small(
            List.of(TestScenarios.country("FRA", "western_europe", 300)),
            java.util.Map.of(
                "share_women", 0.2,
                "share_minors", 0.1,
                "birth_rate", 0.03,
                "camp_rate_collapse", 0.3,
                "collapse_half_life", 4.0),
            18,
            new org.dispersal.model.Repatriation(
                org.dispersal.model.RepatriationPolicy.CASE_BY_CASE,
                List.of(
                    new org.dispersal.model.Repatriation.Step(
                        "FRA", 8, org.dispersal.model.RepatriationPolicy.ORGANISED))));
    CompiledModel model = new CompiledModel(s);
    int cells = cells(model);
    int[][] mine = finals(engine(model), model, 11, cells);
    int[][] reference = new int[cells][REPLICATIONS];
    SplittableRandom rng = new SplittableRandom(12);
    for (int r = 0; r < REPLICATIONS; r++) {
      int k = 0;
      for (int[] cohort : PersonByPerson.finalStocks(model, 12, r, rng)) {
        for (int n : cohort) {
          reference[k++][r] = n;
        }
      }
    }
    List<Integer> tested = new ArrayList<>();
    for (int k = 0; k < cells; k++) {
      int first = reference[k][0];
      boolean constant =
          Arrays.stream(mine[k]).allMatch(n -> n == first)
              && Arrays.stream(reference[k]).allMatch(n -> n == first);
      if (!constant) {
        tested.add(k);
      }
    }
    assertThat(tested).as("compartments with variation").hasSizeGreaterThan(5);
    double alpha = FAMILY_ALPHA / tested.size();
    for (int k : tested) {
      assertThat(Stats.homogeneity(mine[k], reference[k]))
          .as("compartment %d", k)
          .isGreaterThan(alpha);
    }
  }

  /**
   * On the reference Markov model everyone starts in one state and moves independently, so the
   * final counts are exactly Multinomial(N, π) with π = e₁ Pᵗ: each state's count over {@value
   * #REPLICATIONS} replications is tested against its exact Binomial(N, π_k) by chi-square goodness
   * of fit, and the pooled counts against π, each at α = {@value #FAMILY_ALPHA} / (number of
   * tests); states with π_k = 0 must stay empty.
   */
  @Test
  public void matchesTheExactDistributionOfTheReferenceModel() {
    MarkovModel model = ReferenceModels.reference().withPopulation(500).withMonths(24);
    int n = model.population();
    double[] pi = model.expected(model.months());
    int states = pi.length;
    int[][] mine = finals(engine(model), model, 11, states);
    double alpha = FAMILY_ALPHA / (states + 1);
    long[] pooled = new long[states];
    for (int k = 0; k < states; k++) {
      double p = pi[k] / n;
      pooled[k] = Arrays.stream(mine[k]).asLongStream().sum();
      if (p < 1e-12) {
        assertThat(mine[k]).as("state %d", k).containsOnly(0);
        continue;
      }
      BinomialDistribution exact = BinomialDistribution.of(n, Math.min(1, p));
      double[] pmf = new double[n + 1];
      long[] seen = new long[n + 1];
      for (int x = 0; x <= n; x++) {
        pmf[x] = exact.probability(x);
      }
      for (int x : mine[k]) {
        seen[x]++;
      }
      assertThat(Stats.chiSquarePValue(pmf, seen)).as("state %d", k).isGreaterThan(alpha);
    }
    double[] share = new double[states];
    for (int k = 0; k < states; k++) {
      share[k] = pi[k] / n;
    }
    assertThat(Stats.chiSquarePValue(share, pooled)).as("pooled").isGreaterThan(alpha);
  }

  /**
   * A pathway scenario with an arrival flow: France 2,000 and Tunisia 3,000 travelled, women 20%,
   * minors 10%, and {@code arrivals_per_month.2017} = 50 (the scenario starts in February 2017, so
   * every month has it). France's men expect 50 × 0.4 × 0.7 = 14 arrivals a month, Tunisia's women
   * 50 × 0.6 × 0.2 = 6.
   */
  static CompiledModel arrivalsModel(int months) {
    Scenario s =
        TestScenarios.small(
            List.of(
                TestScenarios.country("FRA", "western_europe", 2000),
                TestScenarios.country("TUN", "maghreb", 3000)),
            java.util.Map.of(
                "share_women", 0.2, "share_minors", 0.1, "arrivals_per_month.2017", 50.0),
            months);
    return new CompiledModel(s);
  }

  @Test
  public void conservesPeopleWithArrivals() {
    CompiledModel model = arrivalsModel(6);
    assertThat(model.hasArrivals()).isTrue();
    for (long seed = 1; seed <= 5; seed++) {
      checkConservation(engine(model), model, seed);
    }
  }

  /**
   * The arrivals the engine reports follow their exact law: France's men in the first month
   * Poisson(14), Tunisia's women Poisson(6), and France's men over six months Poisson(84) (months
   * independent), each by a chi-square goodness of fit over {@value #REPLICATIONS} replications at
   * α = {@value #FAMILY_ALPHA} / 3; and they arrive in the core theatre only, in the stocks.
   */
  @Test
  public void arrivalsFollowTheirPoissonLaw() {
    CompiledModel model = arrivalsModel(6);
    int franceMen = 0;
    int tunisiaWomen = 3 + 1;
    long[][] counts = new long[3][REPLICATIONS];
    ReplicationEngine e = engine(model);
    for (int r = 0; r < REPLICATIONS; r++) {
      int rep = r;
      e.simulate(
          31,
          r,
          new MonthObserver() {
            @Override
            public void arrivals(int month, int[][] arrived) {
              for (int c = 0; c < arrived.length; c++) {
                for (int j = 1; j < arrived[c].length; j++) {
                  assertThat(arrived[c][j]).as("outside the core theatre").isZero();
                }
              }
              if (month == 1) {
                counts[0][rep] = arrived[franceMen][CompiledModel.IN_THEATRE];
                counts[1][rep] = arrived[tunisiaWomen][CompiledModel.IN_THEATRE];
              }
              counts[2][rep] += arrived[franceMen][CompiledModel.IN_THEATRE];
            }

            @Override
            public void observe(int month, int[][] stocks) {}
          });
    }
    double[] means = {14, 6, 84};
    double alpha = FAMILY_ALPHA / means.length;
    for (int k = 0; k < means.length; k++) {
      org.apache.commons.statistics.distribution.PoissonDistribution law =
          org.apache.commons.statistics.distribution.PoissonDistribution.of(means[k]);
      int top = (int) Math.ceil(means[k] + 10 * Math.sqrt(means[k]) + 10);
      double[] pmf = new double[top + 1];
      long[] seen = new long[top + 1];
      for (int x = 0; x < top; x++) {
        pmf[x] = law.probability(x);
      }
      pmf[top] = law.survivalProbability(top - 1);
      for (long n : counts[k]) {
        seen[(int) Math.min(n, top)]++;
      }
      assertThat(Stats.chiSquarePValue(pmf, seen)).as("mean %s", means[k]).isGreaterThan(alpha);
    }
  }

  @Test
  public void sameSeedSameTrajectoryWithArrivals() {
    CompiledModel model = arrivalsModel(4);
    assertThat(trace(model, 99, 4)).isEqualTo(trace(model, 99, 4));
    assertThat(trace(model, 99, 4)).isNotEqualTo(trace(model, 99, 5));
  }

  private static int cells(SimulationModel model) {
    int cells = 0;
    for (int c = 0; c < model.cohortCount(); c++) {
      cells += model.compartmentCount(c);
    }
    return cells;
  }

  private static int[][] finals(ReplicationEngine e, SimulationModel model, long seed, int cells) {
    int[][] out = new int[cells][REPLICATIONS];
    for (int r = 0; r < REPLICATIONS; r++) {
      int rep = r;
      e.simulate(
          seed,
          r,
          (month, stocks) -> {
            if (month == model.months()) {
              int k = 0;
              for (int[] s : stocks) {
                for (int n : s) {
                  out[k++][rep] = n;
                }
              }
            }
          });
    }
    return out;
  }
}
