package org.dispersal.store;

import java.util.List;

/** Who ran, changed, exported or deleted what: append-only, read by admins. */
public interface AuditLog {

  /** The longest user name kept; longer ones are cut (so are the other fields). */
  int MAX_USERNAME = 100;

  /** The longest action kept. */
  int MAX_ACTION = 50;

  /** The longest target kept. */
  int MAX_TARGET = 300;

  /** The longest detail kept. */
  int MAX_DETAIL = 2_000;

  /**
   * Appends an entry. Each field is cut to its limit ({@link #MAX_USERNAME}, {@link #MAX_ACTION},
   * {@link #MAX_TARGET}, {@link #MAX_DETAIL}), so that text a client sent can never grow the log
   * without bound.
   */
  void record(String username, String action, String target, String detail);

  /** The newest entries first, at most {@code limit}. */
  default List<AuditEntry> latest(int limit) {
    return before(Long.MAX_VALUE, limit);
  }

  /** The newest entries with an id below {@code beforeId}, newest first, at most {@code limit}. */
  List<AuditEntry> before(long beforeId, int limit);
}
