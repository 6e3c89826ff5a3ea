package org.dispersal.store;

import java.util.AbstractList;
import java.util.List;

/**
 * The process that the kill -9 test kills: it opens the store, creates a run and starts storing its
 * results, then stops half way through the rows (inside the transaction) and says so on standard
 * output, so the test can kill it exactly there.
 */
public final class KillTarget {

  /** Printed when half the rows have been handed to the database. */
  static final String HALF_WRITTEN = "HALF-WRITTEN";

  private KillTarget() {}

  /** Arguments: JDBC URL, number of rows. */
  public static void main(String[] args) throws InterruptedException {
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    List<SummaryRow> rows = Fixtures.rows(n, 99);
    List<SummaryRow> stalling =
        new AbstractList<>() {
          @Override
          public SummaryRow get(int i) {
            if (i == n / 2) {
              System.out.println(HALF_WRITTEN);
              System.out.flush();
              try {
                Thread.sleep(600_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return rows.get(i);
          }

          @Override
          public int size() {
            return n;
          }
        };
    Store store = Store.open(url);
    StoredRun run =
        store
            .runs()
            .create(RunKind.FORECAST, "isis-2017", "name: isis-2017\n", "child", n, 5, null);
    store.runs().started(run.id());
    store.runs().progress(run.id(), n / 3);
    System.out.println("RUN " + run.id());
    System.out.flush();
    store.runs().succeeded(run.id(), Fixtures.MANIFEST, stalling, Fixtures.artifacts(5));
    System.out.println("NOT KILLED");
    store.close();
  }
}
