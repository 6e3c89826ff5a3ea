package org.dispersal.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;

/**
 * A Spark context running Dispersal's work: ensembles split into tasks of consecutive replications
 * whose summaries travel as canonical bytes and merge, still as bytes, on the executors (a tree
 * reduction), and batches of items evaluated in order.
 *
 * <p>Why results equal the local runner's: task t runs replications [t·runs/T, (t+1)·runs/T), and
 * replication i draws only from the streams of (seed, i); histograms of integer counts merge
 * exactly in any order. A retried task recomputes the same replications from the same streams, and
 * Spark keeps exactly one result per partition, so retries cannot add or lose replications.
 */
public final class SparkCluster implements DistributedRunner.Session {

  private final JavaSparkContext spark;

  SparkCluster(JavaSparkContext spark) {
    this.spark = spark;
  }

  /** The Spark context, for settings and tests. */
  public JavaSparkContext context() {
    return spark;
  }

  @Override
  public int defaultTasks() {
    return spark.getConf().getInt(SparkRunner.TASKS, 4 * spark.defaultParallelism());
  }

  @Override
  public EnsembleSummary ensemble(
      DistributedRunner.ReplicationJob job, int runs, long seed, int tasks) {
    if (runs < 1 || tasks < 1) {
      throw new IllegalArgumentException("runs and tasks must be at least 1");
    }
    int n = Math.min(tasks, runs);
    List<Integer> taskIndex = IntStream.range(0, n).boxed().toList();
    byte[] merged =
        spark
            .parallelize(taskIndex, n)
            .map(t -> replications(job, seed, t * (long) runs / n, (t + 1) * (long) runs / n))
            .treeReduce(EnsembleSummary::mergeBytes);
    return EnsembleSummary.fromBytes(model(job), merged);
  }

  @Override
  public <S, I extends Serializable, O extends Serializable> List<O> map(
      DistributedRunner.BatchJob<S, I, O> job, List<I> items, int tasks) {
    if (tasks < 1) {
      throw new IllegalArgumentException("tasks must be at least 1");
    }
    if (items.isEmpty()) {
      return List.of();
    }
    List<O> out =
        spark
            .parallelize(new ArrayList<>(items), Math.min(tasks, items.size()))
            .mapPartitions(part -> evaluate(job, part))
            .collect();
    if (out.size() != items.size()) {
      throw new IllegalStateException(
          "a batch of " + items.size() + " items gave " + out.size() + " results");
    }
    return out;
  }

  @Override
  public void close() {
    spark.stop();
  }

  /** One task: a range of replications, summarised. */
  private static byte[] replications(
      DistributedRunner.ReplicationJob job, long seed, long from, long to) {
    CompiledModel model = model(job);
    return EnsembleRunner.runRange(model, (int) from, (int) to, seed, job.engine(model)).toBytes();
  }

  private static CompiledModel model(DistributedRunner.ReplicationJob job) {
    return WorkerCache.get(job, job::model);
  }

  /** One task of a batch: its items in order, evaluated with the worker's shared part. */
  private static <S, I extends Serializable, O extends Serializable> java.util.Iterator<O> evaluate(
      DistributedRunner.BatchJob<S, I, O> job, java.util.Iterator<I> part) {
    List<I> items = new ArrayList<>();
    part.forEachRemaining(items::add);
    S prepared = WorkerCache.get(job, job::prepare);
    List<O> out = job.evaluate(prepared, items);
    if (out.size() != items.size()) {
      throw new IllegalStateException(
          "a task of " + items.size() + " items gave " + out.size() + " results");
    }
    return out.iterator();
  }
}
