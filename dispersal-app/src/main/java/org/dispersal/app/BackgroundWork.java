package org.dispersal.app;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Waiting for work started on another thread (the store opened beside a forecast, the replication
 * values made beside the report): its result, or what it threw, as if it had run here.
 */
public final class BackgroundWork {

  private BackgroundWork() {}

  /**
   * Starts {@code work} on a daemon thread of its own named {@code name} (a command that fails
   * meanwhile does not wait for it) and returns it, for {@link #result}.
   */
  public static <T> FutureTask<T> start(FutureTask<T> work, String name) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
    return work;
  }

  /**
   * The result of {@code work}, waiting for it. What the work threw is thrown again as it was (an
   * {@link IOException}, a runtime exception or an error); an interrupt while waiting is an {@link
   * InterruptedIOException} naming {@code what}.
   *
   * @param work the work started elsewhere
   * @param what what the work does, for the interrupt's message ("the run was being recorded")
   */
  public static <T> T result(Future<T> work, String what) throws IOException {
    try {
      return work.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + what);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
