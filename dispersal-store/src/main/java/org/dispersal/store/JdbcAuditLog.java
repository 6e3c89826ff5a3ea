package org.dispersal.store;

import java.util.List;

/** The audit log in SQL. */
final class JdbcAuditLog implements AuditLog {

  private final Database db;

  JdbcAuditLog(Database db) {
    this.db = db;
  }

  @Override
  public void record(String username, String action, String target, String detail) {
    if (action == null || action.isBlank()) {
      throw new IllegalArgumentException("an audit entry needs an action");
    }
    db.read(
        c ->
            Database.update(
                c,
                "INSERT INTO audit_log (occurred, username, action, target, detail)"
                    + " VALUES (?, ?, ?, ?, ?)",
                Database.now(),
                JdbcLoginFailureStore.clip(username, MAX_USERNAME),
                JdbcLoginFailureStore.clip(action, MAX_ACTION),
                JdbcLoginFailureStore.clip(target, MAX_TARGET),
                JdbcLoginFailureStore.clip(detail, MAX_DETAIL)));
  }

  @Override
  public List<AuditEntry> before(long beforeId, int limit) {
    return db.read(
        c ->
            Database.query(
                c,
                "SELECT id, occurred, username, action, target, detail FROM audit_log"
                    + " WHERE id < ? ORDER BY id DESC LIMIT ?",
                rs ->
                    new AuditEntry(
                        rs.getLong("id"),
                        Database.time(rs, "occurred"),
                        rs.getString("username"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail")),
                beforeId,
                Math.max(0, limit)));
  }
}
