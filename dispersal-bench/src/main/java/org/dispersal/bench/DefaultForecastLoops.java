package org.dispersal.bench;

import java.util.concurrent.TimeUnit;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.input.data.SharedData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of one replication of the default forecast's scenario (isis-2017 with the shipped
 * origins, the cohort engine): the engine alone, and with the ensemble summary recording it, so
 * that the summary's share of a replication is measured apart (docs/PERFORMANCE.md, "Session 16").
 * The launcher runs the default forecast with C1 only on OpenJDK 17: to measure what it runs, pass
 * {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} to JMH.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DefaultForecastLoops {

  private CompiledModel model;
  private ReplicationEngine engine;
  private EnsembleSummary summary;
  private final MonthObserver nothing = (month, stocks) -> {};
  private long replication;

  /** Reads the built-in scenario with the shipped origins, as the default forecast does. */
  @Setup
  public void setUp() {
    model = new CompiledModel(StockChoice.LATEST.reader(SharedData.shipped()).read("isis-2017"));
    engine = EngineKind.AUTO.create(model);
  }

  /** A fresh summary for each iteration, so that it holds a worker's share of replications. */
  @Setup(Level.Iteration)
  public void newSummary() {
    summary = new EnsembleSummary(model);
  }

  /** One replication, its months observed by nobody. */
  @Benchmark
  public void replication() {
    engine.simulate(20170213L, replication++, nothing);
  }

  /** One replication recorded by an ensemble summary, as a worker of the forecast records it. */
  @Benchmark
  public void replicationSummarised() {
    engine.simulate(20170213L, replication++, summary);
  }
}
