package org.dispersal.stocks;

/**
 * What a per-country figure counts; each is one column group of {@code fighters_by_country.csv}.
 */
public enum Measure {
  /**
   * People who travelled to Syria and Iraq (columns {@code fighters_low}, {@code fighters_high}).
   */
  TRAVELLED("fighters"),
  /** Adult women among them (column {@code women}). */
  WOMEN("women"),
  /** Minors among them (column {@code minors}). */
  MINORS("minors"),
  /** Those who had come back (column {@code returnees}). */
  RETURNED("returnees");

  private final String column;

  Measure(String column) {
    this.column = column;
  }

  /**
   * The name used for this measure in {@code fighters_by_country.csv} and {@code exclusions.csv}.
   */
  public String column() {
    return column;
  }

  /**
   * The measure with a given column name.
   *
   * @param column one of {@code fighters}, {@code women}, {@code minors}, {@code returnees}
   * @return the measure
   * @throws IllegalArgumentException for any other name
   */
  public static Measure ofColumn(String column) {
    for (Measure m : values()) {
      if (m.column.equals(column)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "'" + column + "' is not one of fighters, women, minors, returnees");
  }
}
