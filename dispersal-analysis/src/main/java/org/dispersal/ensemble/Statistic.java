package org.dispersal.ensemble;

/**
 * The ensemble statistics of one number (a count of people) over all replications.
 *
 * @param mean the mean over replications
 * @param p05 5th percentile
 * @param p25 25th percentile
 * @param p50 median
 * @param p75 75th percentile
 * @param p95 95th percentile
 */
public record Statistic(double mean, int p05, int p25, int p50, int p75, int p95) {

  /** The statistic of a number that is zero in every replication. */
  public static final Statistic ZERO = new Statistic(0, 0, 0, 0, 0, 0);
}
