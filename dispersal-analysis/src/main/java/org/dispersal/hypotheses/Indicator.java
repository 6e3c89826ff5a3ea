package org.dispersal.hypotheses;

import java.time.LocalDate;
import java.util.List;

/**
 * A signpost: an event pattern an analyst can watch, with a window, a threshold and, for each
 * hypothesis, the probability of seeing it (Heuer and Pherson's indicators; PRIORS 3.2).
 *
 * <p>An event indicator is <em>observed</em> when at least {@code atLeast} distinct incidents
 * matching the query fall wholly inside the window; a figure indicator when a figure dated inside
 * the window and published by the as-of date surely meets its threshold. It is <em>not
 * observed</em> once the window has closed without that; the absence counts as evidence only if the
 * indicator states its {@code coverage}, the probability that the event feed would have recorded
 * the incidents had they happened.
 *
 * @param id a short identifier, unique in its set
 * @param name the name an analyst reads
 * @param query the events looked for, or null for a figure indicator
 * @param figure the published figure looked for, or null for an event indicator
 * @param atLeast how many distinct incidents make the indicator observed, at least 1
 * @param from the first day of the window
 * @param to the last day of the window, on or after {@code from}
 * @param likelihoods P(observed | hypothesis), in the order of the set's hypotheses, each strictly
 *     between 0 and 1 (no evidence is ever certain)
 * @param coverage the reliability of an absence, in [0, 1], or null if absence is not evidence
 * @param basis why these likelihoods: the assumption with its reasoning, or the sources
 */
public record Indicator(
    String id,
    String name,
    EventQuery query,
    FigureQuery figure,
    int atLeast,
    LocalDate from,
    LocalDate to,
    List<Double> likelihoods,
    Double coverage,
    String basis) {

  /** Validates the indicator. */
  public Indicator {
    if (id == null || id.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("an indicator needs an id and a name");
    }
    if ((query == null) == (figure == null)) {
      throw new IllegalArgumentException(
          "indicator " + id + " must observe either events or a published figure");
    }
    if (atLeast < 1) {
      throw new IllegalArgumentException("indicator " + id + ": at_least must be at least 1");
    }
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("indicator " + id + ": the window must run forward");
    }
    likelihoods = List.copyOf(likelihoods);
    for (double p : likelihoods) {
      if (!(p > 0 && p < 1)) {
        throw new IllegalArgumentException(
            "indicator " + id + ": likelihoods must be strictly between 0 and 1, not " + p);
      }
    }
    if (coverage != null && !(coverage >= 0 && coverage <= 1)) {
      throw new IllegalArgumentException(
          "indicator " + id + ": coverage must be between 0 and 1, not " + coverage);
    }
    basis = basis == null ? "" : basis;
  }

  /** The likelihoods of an outcome: P(observed | H) or P(not observed | H). */
  public double[] likelihoods(boolean observed) {
    double[] out = new double[likelihoods.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = observed ? likelihoods.get(i) : 1 - likelihoods.get(i);
    }
    return out;
  }

  /** Whether an event falls wholly inside the window and no later than the as-of date. */
  public boolean inWindow(Event e, LocalDate asOf) {
    return !e.firstDay().isBefore(from) && !e.lastDay().isAfter(to) && !e.lastDay().isAfter(asOf);
  }

  /** Whether the indicator watches published figures rather than events. */
  public boolean watchesFigures() {
    return figure != null;
  }

  /** Whether a figure is dated wholly inside the window and was published by the as-of date. */
  public boolean inWindow(Figure f, LocalDate asOf) {
    return !f.firstDay().isBefore(from) && !f.lastDay().isAfter(to) && !f.published().isAfter(asOf);
  }

  /** A one-line description of what is observed, for reports. */
  public String describe() {
    if (figure != null) {
      return figure.describe() + ", dated " + from + " to " + to;
    }
    return (atLeast == 1 ? "at least one " : "at least " + atLeast + " incidents of ")
        + query.describe()
        + ", "
        + from
        + " to "
        + to;
  }
}
