package org.dispersal.store;

/** A run id that is not in the store. */
public final class UnknownRunException extends StoreException {
  private static final long serialVersionUID = 1L;

  public UnknownRunException(long runId) {
    super("no run with id " + runId + " in the store (dispersal runs lists them)");
  }
}
