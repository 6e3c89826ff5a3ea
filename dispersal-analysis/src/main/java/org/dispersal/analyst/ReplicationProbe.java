package org.dispersal.analyst;

import org.dispersal.engine.MonthObserver;

/**
 * Watches one replication month by month and then yields what it measured.
 *
 * <p>A probe is created for one replication, sees every month in order through {@link #observe(int,
 * int[][])}, and is asked for its {@link #result()} once the replication ends.
 *
 * @param <R> the measurement of one replication
 */
public interface ReplicationProbe<R> extends MonthObserver {

  /** What the probe measured; called once, after the last month. */
  R result();
}
