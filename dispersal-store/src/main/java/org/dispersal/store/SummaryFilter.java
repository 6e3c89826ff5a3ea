package org.dispersal.store;

/** Which summary rows to return; a null field matches every value. */
public record SummaryFilter(
    String scope, String scopeId, String state, Integer month, String demographic) {

  /** A filter that matches every row. */
  public static SummaryFilter all() {
    return new SummaryFilter(null, null, null, null, null);
  }
}
