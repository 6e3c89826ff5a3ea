package org.dispersal.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.agent.ReferenceFloor;
import org.dispersal.engine.MarkovModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.random.Binomial;
import org.dispersal.random.DoubleMemo;
import org.dispersal.random.FixedMultinomial;
import org.dispersal.random.Multinomial;
import org.dispersal.random.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the inner loops behind {@code dispersal bench}: the exact binomial and
 * multinomial samplers, one replication of the reference model with the cohort engine, the agent
 * engine and the floor. Run with {@code java -jar dispersal-bench/target/benchmarks.jar} or,
 * without packaging, {@code java -cp ... org.openjdk.jmh.Main InnerLoops} (see README,
 * Performance).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InnerLoops {

  private UniformRandomProvider rng;
  private MarkovModel reference;
  private ReplicationEngine cohort;
  private ReplicationEngine agent;
  private ReferenceFloor floor;
  private int[] places;
  private final double[] probs = {0.05, 0.02, 0.01, 0.1};
  private final int[] out = new int[4];
  private final double[] stockProbs = {0.004, 0.0, 0.012, 0.002, 0.006, 0.001, 0.003, 0.0};
  private final int[] stockOut = new int[8];
  private long replication;
  private final DoubleMemo logOfStay = Binomial.logOfStayMemo(4096);
  private final FixedMultinomial stockRow = new FixedMultinomial().set(stockProbs, 8);

  /** Builds the reference model (docs/PERFORMANCE.md) and its engines. */
  @Setup
  public void setUp() {
    rng = RandomStreams.stream(1, 0, RandomStreams.Purpose.DYNAMICS);
    double[][] p = {
      {0.95, 0.03, 0.02, 0, 0, 0, 0},
      {0, 0.70, 0, 0.15, 0.07, 0, 0.08},
      {0, 0.02, 0.98, 0, 0, 0, 0},
      {0, 0, 0, 1, 0, 0, 0},
      {0, 0, 0, 0, 0.99, 0.01, 0},
      {0, 0, 0, 0, 0, 1, 0},
      {0, 0, 0, 0, 0, 0, 1}
    };
    reference =
        new MarkovModel(
            "reference-7node",
            "reference benchmark",
            List.of("syria_iraq", "turkey", "idlib", "home", "libya", "sahel", "cells"),
            new int[] {40_000, 0, 0, 0, 0, 0, 0},
            p,
            120);
    cohort = EngineKind.COHORT.create(reference, AgentFeatures.NONE);
    agent = EngineKind.AGENT.create(reference, AgentFeatures.NONE);
    floor = new ReferenceFloor(reference);
    places = floor.places(reference.population());
  }

  /** One binomial draw with a large mean (BTRS). */
  @Benchmark
  public int binomialLarge() {
    return Binomial.sample(rng, 40_000, 0.03);
  }

  /** One binomial draw with a small mean (inversion). */
  @Benchmark
  public int binomialSmall() {
    return Binomial.sample(rng, 100, 0.03);
  }

  /**
   * One binomial draw of a cohort-sized stock (n = 30, over the n = 16 limit of repeated
   * multiplication, so P(X = 0) needs log(1 - p)), without the engine's memo of the logarithm.
   */
  @Benchmark
  public int binomialCohortStock() {
    return Binomial.sample(rng, 30, 0.035);
  }

  /** The same draw with the logarithm from the cohort engine's memo (same variates). */
  @Benchmark
  public int binomialCohortStockMemo() {
    return Binomial.sample(rng, 30, 0.035, logOfStay);
  }

  /** One four-way multinomial draw of 40,000 people. */
  @Benchmark
  public int multinomial() {
    return Multinomial.sample(rng, 40_000, probs, 4, out);
  }

  /**
   * One multinomial draw of a cohort-sized stock (n = 26, the mean occupied stock of isis-2017)
   * over an eight-way row of small monthly probabilities (3.4 % leave in all, two entries 0), the
   * cohort engine's typical draw, with its memo of the logarithm.
   */
  @Benchmark
  public int multinomialCohortStock() {
    return Multinomial.sample(rng, 26, stockProbs, 8, stockOut, logOfStay);
  }

  /**
   * The same draw from the row prepared once ({@link FixedMultinomial}), as the cohort engine draws
   * (the same variates as {@link #multinomialCohortStock}).
   */
  @Benchmark
  public int multinomialCohortStockFixed() {
    return stockRow.sample(rng, 26, stockOut, logOfStay);
  }

  /** One replication of the reference model with the cohort engine (120 monthly steps). */
  @Benchmark
  public void cohortReplication(Blackhole bh) {
    cohort.simulate(7, replication++, (m, s) -> bh.consume(s));
  }

  /** One replication of the reference model with the agent engine (4.8 million agent-steps). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void agentReplication(Blackhole bh) {
    agent.simulate(7, replication++, (m, s) -> bh.consume(s));
  }

  /** One replication of the floor (4.8 million agent-steps, one uniform each). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long floorReplication() {
    java.util.Arrays.fill(places, 0);
    return floor.run(places, 0, places.length, new SplittableRandom(replication++));
  }
}
