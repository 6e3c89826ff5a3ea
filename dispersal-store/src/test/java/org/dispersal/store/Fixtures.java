package org.dispersal.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Summary rows and artifacts for tests, generated from a seed. */
final class Fixtures {

  private Fixtures() {}

  static final String[] STATES = {"in_theatre", "returned", "killed", "relocated", "detained"};

  /** {@code n} rows with varied text (including commas and quotes) and numbers, from a seed. */
  static List<SummaryRow> rows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<SummaryRow> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int month = i % 37;
      String scope = i % 3 == 0 ? "world" : i % 3 == 1 ? "region" : "origin";
      String scopeId =
          scope.equals("world") ? "" : scope.equals("region") ? "Western Europe" : "FRA";
      String destination = i % 7 == 0 ? "Libya, Sirte \"coast\"" : i % 5 == 0 ? "HTS" : "";
      long p05 = r.nextInt(1000);
      long p25 = p05 + r.nextInt(100);
      long p50 = p25 + r.nextInt(100);
      long p75 = p50 + r.nextInt(100);
      long p95 = p75 + r.nextInt(1000);
      double mean = Math.round((p25 + r.nextDouble() * (p75 - p25)) * 100) / 100.0;
      out.add(
          new SummaryRow(
              month,
              String.format("%04d-%02d", 2017 + (month + 1) / 12, (month + 1) % 12 + 1),
              scope,
              scopeId,
              i % 4 == 0 ? "all" : i % 4 == 1 ? "men" : i % 4 == 2 ? "women" : "minors",
              STATES[i % STATES.length],
              destination,
              mean,
              p05,
              p25,
              p50,
              p75,
              p95));
    }
    return out;
  }

  /**
   * The rows as summary.csv writes them (the mean to two decimals, as the rows hold it), in parts
   * as the forecast renders them: the header, then the rows in two parts.
   */
  static byte[][] file(List<SummaryRow> rows) {
    StringBuilder first = new StringBuilder();
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      Csv.appendRow(i < rows.size() / 2 ? first : second, rows.get(i), true);
    }
    return new byte[][] {
      (Csv.HEADER + "\n").getBytes(StandardCharsets.UTF_8),
      first.toString().getBytes(StandardCharsets.UTF_8),
      second.toString().getBytes(StandardCharsets.UTF_8)
    };
  }

  static Map<String, byte[]> artifacts(long seed) {
    byte[] report = new byte[50_000];
    new SplittableRandom(seed).nextBytes(report);
    return Map.of("report.html", report, "manifest.json", "{\"seed\":1}".getBytes());
  }

  static final String MANIFEST = "{\"scenario\":{\"name\":\"isis-2017\"},\"seed\":7,\"runs\":40}";
}
