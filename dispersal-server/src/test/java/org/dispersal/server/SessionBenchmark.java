package org.dispersal.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.dispersal.server.security.Session;
import org.dispersal.server.security.Sessions;
import org.dispersal.store.Role;
import org.dispersal.store.Store;

/**
 * Prints what a session lookup costs per request on each store: {@code java ... SessionBenchmark
 * jdbc:duckdb:/tmp/sessions.duckdb [jdbc:postgresql://...]}. Each URL must name an empty database.
 * The figures are wall-clock averages over many lookups after a warm-up, on whatever else the
 * machine is doing.
 */
public final class SessionBenchmark {

  private SessionBenchmark() {}

  /** Runs the benchmark on each URL given. */
  public static void main(String[] args) {
    for (String url : args) {
      try (Store store = Store.open(url)) {
        store.users().create("bench", "hash", Role.ANALYST, null);
        Sessions sessions =
            new Sessions(
                Clock.systemUTC(),
                store.sessions(),
                Duration.ofHours(2),
                Duration.ofHours(12),
                100);
        Session s = sessions.open("bench", Role.ANALYST);
        String engine = store.isPostgreSql() ? "postgresql" : "duckdb";
        lookups(engine + " find (warm-up)", sessions, s.id(), 5_000);
        lookups(engine + " find", sessions, s.id(), 20_000);
        int logins = 200;
        long opening = 0;
        long closing = 0;
        for (int i = 0; i < logins; i++) {
          long t = System.nanoTime();
          Session other = sessions.open("bench", Role.ANALYST);
          long t2 = System.nanoTime();
          sessions.close(other.id());
          closing += System.nanoTime() - t2;
          opening += t2 - t;
        }
        print(engine + " open (login)", opening, logins);
        print(engine + " close (logout)", closing, logins);
      }
    }
  }

  private static void lookups(String what, Sessions sessions, String id, int n) {
    long t = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (sessions.find(id).isEmpty()) {
        throw new IllegalStateException("the session vanished");
      }
    }
    print(what, System.nanoTime() - t, n);
  }

  private static void print(String what, long nanos, int n) {
    System.out.printf(Locale.ROOT, "%-34s %9.1f us each (%d)%n", what, nanos / 1e3 / n, n);
  }
}
