package org.dispersal.store;

import java.util.Locale;

/**
 * The summary.csv row format, shared by the CSV export and the PostgreSQL COPY stream. It stays
 * here rather than using the output module's CSV writer because the store depends on no other
 * Dispersal module; its quoting is the same RFC 4180 rule, and the CLI's StoreCommandsTest pins the
 * export byte for byte to the forecast's summary.csv.
 */
final class Csv {

  /** The header of summary.csv (the same as the forecast writes). */
  static final String HEADER =
      "month,date,scope,scope_id,demographic,state,destination,mean,p05,p25,p50,p75,p95";

  private Csv() {}

  /**
   * Appends one row and a line break. With {@code fileFormat} the mean has two decimals as in
   * summary.csv; without, it keeps every digit (for lossless COPY).
   */
  static void appendRow(StringBuilder line, SummaryRow r, boolean fileFormat) {
    line.append(r.month()).append(',').append(field(r.date())).append(',');
    line.append(field(r.scope())).append(',').append(field(r.scopeId())).append(',');
    line.append(field(r.demographic())).append(',').append(field(r.state())).append(',');
    line.append(field(r.destination())).append(',');
    if (fileFormat) {
      line.append(String.format(Locale.ROOT, "%.2f", r.mean()));
    } else {
      line.append(r.mean());
    }
    line.append(',').append(r.p05()).append(',').append(r.p25()).append(',').append(r.p50());
    line.append(',').append(r.p75()).append(',').append(r.p95()).append('\n');
  }

  /** Quotes a field if it holds a comma, quote or line break; an empty field stays empty. */
  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
