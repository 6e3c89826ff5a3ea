package org.dispersal.store;

import java.util.Locale;

/**
 * Where a run is in its life: queued, running, then exactly one of succeeded, failed or cancelled.
 * Stored and shown in lower case ({@link #id()}).
 */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** True once the run can no longer change: succeeded, failed or cancelled. */
  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** The lower-case name used in the database, JSON and the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status with the given lower- or upper-case name. */
  public static RunStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
