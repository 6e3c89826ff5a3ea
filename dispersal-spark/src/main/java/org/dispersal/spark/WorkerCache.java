package org.dispersal.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a worker process builds once per job and reuses in every task of that job: the compiled
 * model (parsing the scenario and laying out the shipped data takes far longer than a few
 * replications). Keyed by the job, which is a value; holds the few most recent jobs only.
 */
final class WorkerCache {

  /** Jobs kept per process: a sensitivity analysis alternates between two or three at most. */
  private static final int CAPACITY = 4;

  private static final Map<Object, Object> BUILT =
      new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
          return size() > CAPACITY;
        }
      };

  private WorkerCache() {}

  /**
   * What was built for a job, building it on first use. Concurrent tasks of one job wait for one
   * build rather than each building their own.
   */
  @SuppressWarnings("unchecked")
  static <T> T get(Object job, Supplier<T> build) {
    synchronized (BUILT) {
      Object done = BUILT.get(job);
      if (done == null) {
        done = build.get();
        BUILT.put(job, done);
      }
      return (T) done;
    }
  }
}
