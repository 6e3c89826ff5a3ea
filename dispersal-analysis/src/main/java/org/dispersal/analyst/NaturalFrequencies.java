package org.dispersal.analyst;

/**
 * A screening outcome as whole people out of a round number ("of 1,000 returnees, 12 are committed;
 * the tool flags 10 of them ..."), the form in which people reason best about base rates
 * (Gigerenzer and Hoffrage 1995; PRIORS 3.3).
 *
 * <p>The four cells are rounded by the largest-remainder method, so they always add up to {@code
 * of}, and committed = flaggedCommitted + missed.
 *
 * @param of the number of returnees the frequencies refer to
 * @param flaggedCommitted committed and flagged
 * @param missed committed and cleared
 * @param wronglyFlagged not committed and flagged
 * @param cleared not committed and cleared
 */
public record NaturalFrequencies(
    int of, long flaggedCommitted, long missed, long wronglyFlagged, long cleared) {

  /** The committed: flagged plus missed. */
  public long committed() {
    return flaggedCommitted + missed;
  }

  /** Everyone flagged. */
  public long flagged() {
    return flaggedCommitted + wronglyFlagged;
  }

  /**
   * The natural frequencies of a test at a base rate.
   *
   * @param test the tool
   * @param baseRate the share committed, in [0, 1]
   * @param of the round number, at least 1
   */
  public static NaturalFrequencies of(ScreeningTest test, double baseRate, int of) {
    if (!(baseRate >= 0 && baseRate <= 1) || of < 1) {
      throw new IllegalArgumentException("base rate must be in [0, 1] and of at least 1");
    }
    ScreeningOutcome o = test.apply(of, of * baseRate);
    double[] exact = {o.flaggedCommitted(), o.missed(), o.wronglyFlagged(), o.cleared()};
    long[] whole = new long[4];
    long sum = 0;
    for (int i = 0; i < 4; i++) {
      whole[i] = (long) Math.floor(exact[i] + 1e-9);
      sum += whole[i];
    }
    while (sum < of) {
      int best = -1;
      double bestRest = -1;
      for (int i = 0; i < 4; i++) {
        double rest = exact[i] - whole[i];
        if (rest > bestRest) {
          bestRest = rest;
          best = i;
        }
      }
      whole[best]++;
      sum++;
    }
    return new NaturalFrequencies(of, whole[0], whole[1], whole[2], whole[3]);
  }
}
