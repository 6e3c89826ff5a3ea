package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16, finding 1 reproduced on the built-in scenario: summary.csv's {@code returned} is
 * "returned, not yet assessed" (France: a handful at +36 months), while {@code returned_total}
 * counts everyone back home as observations do, and {@code returned_after_start} those who came
 * home after the start; the terminal headline says which is which.
 */
class ReturnedRowsTest {

  @TempDir Path tmp;

  @Test
  void summaryHasEveryoneBackHomeBesideReturnedNotYetAssessed() throws Exception {
    Path dir = tmp.resolve("f");
    CliTest.Result r =
        CliTest.run("forecast", "--runs", "30", "--no-store", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Back home, however their case ended")
        .contains("of whom home before the start")
        .contains("of whom came home after the start");
    Map<String, String[]> rows = new HashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("summary.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      rows.put(f[0] + "|" + f[2] + "|" + f[3] + "|" + f[4] + "|" + f[5] + "|" + f[6], f);
    }
    double returned = mean(rows, "36|country|FRA|all|returned|");
    double total = mean(rows, "36|country|FRA|all|returned_total|");
    double after = mean(rows, "36|country|FRA|all|returned_after_start|");
    double atStart = mean(rows, "0|country|FRA|all|returned_total|");
    assertThat(returned).isLessThan(50);
    assertThat(total).isGreaterThan(10 * returned).isGreaterThan(atStart);
    // The mean of a within-replication difference is the difference of the means.
    assertThat(after).isCloseTo(total - atStart, org.assertj.core.data.Offset.offset(0.02));
    // Month 0: no one has come home after the start, in any replication.
    assertThat(rows.get("0|world||all|returned_after_start|"))
        .containsSubsequence("0.00", "0", "0", "0", "0", "0");
    assertThat(rows).doesNotContainKey("0|country|FRA|all|returned_after_start|");
    // Every scope and demographic where states have rows has the new rows too.
    for (String demo : List.of("all", "men", "women", "minors")) {
      assertThat(rows).containsKey("24|world||" + demo + "|returned_total|");
      assertThat(rows).containsKey("24|region|Western Europe|" + demo + "|returned_total|");
      assertThat(rows).containsKey("24|region|Western Europe|" + demo + "|returned_after_start|");
    }
  }

  private static double mean(Map<String, String[]> rows, String key) {
    String[] row = rows.get(key);
    assertThat(row).as(key).isNotNull();
    return Double.parseDouble(row[7]);
  }
}
