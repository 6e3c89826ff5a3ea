package org.dispersal.store;

import java.util.List;

/** Who ran, changed, exported or deleted what: append-only, read by admins. */
public interface AuditLog {
  void record(String username, String action, String target, String detail);

  /** The newest entries first, at most {@code limit}. */
  List<AuditEntry> latest(int limit);
}
