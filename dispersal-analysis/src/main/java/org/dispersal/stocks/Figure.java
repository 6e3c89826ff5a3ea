package org.dispersal.stocks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dispersal.model.Range;

/**
 * A count as a source states it: a range, a point (equal ends), "more than X" (low end only) or "up
 * to X" (high end only).
 *
 * <p>Ends are kept exactly as written, including the one transcription whose low end exceeds its
 * high end (Qatar in ICSR 2013, 15 and 14); {@link #closed} orders them.
 *
 * @param low the low end, or null for "up to X"
 * @param high the high end, or null for "more than X"
 */
public record Figure(Integer low, Integer high) {

  private static final Pattern COUNT = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?");

  /** Validates the ends. */
  public Figure {
    if (low == null && high == null) {
      throw new IllegalArgumentException("a figure needs at least one end");
    }
    if ((low != null && low < 0) || (high != null && high < 0)) {
      throw new IllegalArgumentException("a count cannot be negative: " + low + ".." + high);
    }
  }

  /**
   * Reads a count written as digits ({@code 47}) or as a range ({@code 105-130}). Shares,
   * approximations and comments ({@code ~1/2}, {@code ~200 in zone}) are not counts.
   *
   * @param text the text of a women, minors or returnees column
   * @return the figure, or empty if the text is not a plain count
   */
  public static Optional<Figure> parseCount(String text) {
    Matcher m = COUNT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int low = Integer.parseInt(m.group(1));
    int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
    return Optional.of(new Figure(low, high));
  }

  /** True if the source gives a low end, that is a point, a range or "more than X". */
  public boolean hasLow() {
    return low != null;
  }

  /**
   * The figure as a closed range. "More than X" becomes X to X times (1 + margin), rounded; "up to
   * X" becomes the point X.
   *
   * @param moreThanMargin the assumed excess of a "more than X" figure over X, as a fraction
   * @return the range
   */
  public Range closed(double moreThanMargin) {
    if (low == null) {
      return Range.of(high);
    }
    if (high == null) {
      return new Range(low, (int) Math.round(low * (1 + moreThanMargin)));
    }
    return new Range(Math.min(low, high), Math.max(low, high));
  }
}
