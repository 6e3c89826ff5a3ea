package org.dispersal.app;

/**
 * Asked between replications whether a run should stop. A run that sees a request stops after the
 * replications in progress and throws {@link Cancelled}.
 */
@FunctionalInterface
public interface Cancellation {

  /** A run that is never cancelled (the command line). */
  Cancellation NEVER = () -> false;

  /** Whether the run should stop. */
  boolean requested();

  /**
   * Throws {@link Cancelled} when a stop was requested.
   *
   * @throws Cancelled when {@link #requested()}
   */
  default void check() {
    if (requested()) {
      throw new Cancelled();
    }
  }

  /** Thrown out of a run that was cancelled, from every worker after its current replication. */
  final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the signal. */
    public Cancelled() {
      super("cancelled");
    }
  }
}
