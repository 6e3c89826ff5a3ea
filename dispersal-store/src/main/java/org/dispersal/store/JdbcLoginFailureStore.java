package org.dispersal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Failed logins in SQL (table login_failures, migration V6). */
final class JdbcLoginFailureStore implements LoginFailureStore {

  private final Database db;

  JdbcLoginFailureStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Failures> find(String username, String address) {
    return db.read(c -> find(c, name(username), addr(address)));
  }

  @Override
  public Failures failed(String username, String address, Instant now) {
    String u = name(username);
    String a = addr(address);
    return db.transaction(
        c -> {
          Optional<Failures> old = find(c, u, a);
          int n = old.map(Failures::failures).orElse(0) + 1;
          String sql =
              old.isPresent()
                  ? "UPDATE login_failures SET failures = ?, last_failure = ?"
                      + " WHERE username = ? AND address = ?"
                  : "INSERT INTO login_failures (failures, last_failure, username, address)"
                      + " VALUES (?, ?, ?, ?)";
          Database.update(c, sql, n, now, u, a);
          return new Failures(n, now);
        });
  }

  @Override
  public void clear(String username, String address) {
    db.read(
        c ->
            Database.update(
                c,
                "DELETE FROM login_failures WHERE username = ? AND address = ?",
                name(username),
                addr(address)));
  }

  @Override
  public int fromAddressSince(String address, Instant since) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT COALESCE(SUM(failures), 0) FROM login_failures"
                        + " WHERE address = ? AND last_failure >= ?",
                    rs -> (int) Math.min(Integer.MAX_VALUE, rs.getLong(1)),
                    addr(address),
                    since)
                .get(0));
  }

  @Override
  public int purge(Instant before) {
    return db.read(
        c -> Database.update(c, "DELETE FROM login_failures WHERE last_failure < ?", before));
  }

  private static Optional<Failures> find(Connection c, String username, String address)
      throws SQLException {
    return Database.query(
            c,
            "SELECT failures, last_failure FROM login_failures"
                + " WHERE username = ? AND address = ?",
            rs -> new Failures(rs.getInt(1), Database.time(rs, "last_failure")),
            username,
            address)
        .stream()
        .findFirst();
  }

  private static String name(String username) {
    return clip(username == null ? "" : username.toLowerCase(Locale.ROOT), MAX_USERNAME);
  }

  private static String addr(String address) {
    return clip(address == null ? "" : address, MAX_ADDRESS);
  }

  /** The text cut to at most {@code max} characters, never between the halves of a pair. */
  static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }
}
