package org.dispersal.ensemble;

import java.io.Serializable;
import java.util.List;
import java.util.ServiceLoader;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;

/**
 * Runs the indexed work of a command (the replications of an ensemble, the design points of a
 * sensitivity analysis) on a cluster instead of local threads, with the same numbers.
 *
 * <p>The module {@code dispersal-spark} implements it; the command line finds it with {@link
 * ServiceLoader}, so nothing but that module depends on a cluster framework. Work is split by index
 * only: item i uses the random streams of (seed, i) wherever it runs, and ensemble summaries merge
 * exactly, so results do not depend on the number of tasks or on retried tasks.
 */
public interface DistributedRunner {

  /**
   * The implementation on the class path.
   *
   * @throws IllegalStateException with a one-line message when there is none
   */
  static DistributedRunner find() {
    return ServiceLoader.load(DistributedRunner.class)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no cluster runner on the class path: run through ./dispersal, which adds"
                        + " dispersal-spark and Spark, or spark-submit dispersal-spark-job.jar"));
  }

  /**
   * Connects to a cluster.
   *
   * @param master where to run, for example {@code local[2]} or {@code spark://host:7077}
   * @return a session; close it when done
   */
  Session open(String master);

  /** A connection to a cluster that runs jobs one after another. */
  interface Session extends AutoCloseable {

    /** The number of tasks work is split into when the caller does not say. */
    int defaultTasks();

    /**
     * Runs replications 0 to {@code runs - 1} in {@code tasks} tasks of consecutive replications
     * and merges their summaries: the same summary as {@link EnsembleRunner#run}.
     *
     * @param job how a worker builds the model and its engine
     * @param runs number of replications
     * @param seed master seed
     * @param tasks number of tasks, at least 1
     */
    EnsembleSummary ensemble(ReplicationJob job, int runs, long seed, int tasks);

    /**
     * Evaluates items in {@code tasks} tasks of consecutive items and returns the results in item
     * order.
     *
     * @param job how a worker evaluates items
     * @param items the inputs; each result must depend only on its item
     * @param tasks number of tasks, at least 1
     * @param <S> what a worker builds once per job and shares between its tasks
     * @param <I> an item
     * @param <O> a result
     */
    <S, I extends Serializable, O extends Serializable> List<O> map(
        BatchJob<S, I, O> job, List<I> items, int tasks);

    @Override
    void close();
  }

  /**
   * How a worker rebuilds the model of an ensemble: a value (a record), since workers cache the
   * model by equality of jobs.
   */
  interface ReplicationJob extends Serializable {

    /** Builds the model; called once per job in each worker process. */
    CompiledModel model();

    /** Makes an engine for one task's thread. */
    ReplicationEngine engine(CompiledModel model);
  }

  /**
   * A function evaluated item by item on workers: a value (a record), since workers cache what
   * {@link #prepare} builds by equality of jobs.
   *
   * @param <S> what a worker builds once (a compiled model, a model function); shared by the
   *     worker's concurrent tasks, so it must be safe to read from several threads
   * @param <I> an item
   * @param <O> a result
   */
  interface BatchJob<S, I extends Serializable, O extends Serializable> extends Serializable {

    /** Builds the shared part; called once per job in each worker process. */
    S prepare();

    /** Evaluates one task's items, in order; each result depends only on its item. */
    List<O> evaluate(S prepared, List<I> items);
  }
}
