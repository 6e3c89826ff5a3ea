package org.dispersal.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * Runs indexed work items (replications, design points) on a fixed pool of daemon threads.
 *
 * <p>Each worker makes its own state on its own thread, then takes the next unclaimed index until
 * all are done. Which worker handles which index depends on scheduling, so callers must make item i
 * depend only on i (for replications: the streams of (seed, i)) and store results by index or merge
 * states exactly; the states come back in worker order.
 */
public final class Workers {

  private Workers() {}

  /**
   * Runs items 0 to {@code items - 1} on {@code min(threads, items)} workers.
   *
   * @param name the worker threads' name
   * @param what the work, for the message when interrupted
   * @param items number of items
   * @param threads maximum worker threads
   * @param state makes one worker's state, called on that worker's thread
   * @param item does one item with the state of the worker that claimed it
   * @return the worker states, in worker order
   * @param <S> the per-worker state
   * @throws RuntimeException rethrown as is when a worker threw one; other failures are wrapped in
   *     an {@link IllegalStateException}
   */
  public static <S> List<S> run(
      String name, String what, int items, int threads, Supplier<S> state, ObjIntConsumer<S> item) {
    int workers = Math.min(threads, items);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<S>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  S s = state.get();
                  for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                    item.accept(s, i);
                  }
                  return s;
                }));
      }
      List<S> states = new ArrayList<>(workers);
      for (Future<S> f : futures) {
        states.add(f.get());
      }
      return states;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
