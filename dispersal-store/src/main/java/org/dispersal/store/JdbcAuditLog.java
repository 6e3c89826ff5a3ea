package org.dispersal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
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
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO audit_log (occurred, username, action, target, detail)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            Database.setTime(p, 1, Database.now());
            p.setString(2, JdbcLoginFailureStore.clip(username, MAX_USERNAME));
            p.setString(3, JdbcLoginFailureStore.clip(action, MAX_ACTION));
            p.setString(4, JdbcLoginFailureStore.clip(target, MAX_TARGET));
            p.setString(5, JdbcLoginFailureStore.clip(detail, MAX_DETAIL));
            return p.executeUpdate();
          }
        });
  }

  @Override
  public List<AuditEntry> before(long beforeId, int limit) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT id, occurred, username, action, target, detail FROM audit_log"
                      + " WHERE id < ? ORDER BY id DESC LIMIT ?")) {
            p.setLong(1, beforeId);
            p.setInt(2, Math.max(0, limit));
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AuditEntry(
                        rs.getLong("id"),
                        Database.time(rs, "occurred"),
                        rs.getString("username"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail")));
              }
            }
            return out;
          }
        });
  }
}
