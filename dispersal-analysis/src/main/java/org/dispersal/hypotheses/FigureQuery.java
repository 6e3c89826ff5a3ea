package org.dispersal.hypotheses;

/**
 * What an indicator looks for among published figures: a measure in a scope that surely reaches a
 * threshold. A figure given as a range meets {@code min} only if its low end does, and {@code max}
 * only if its high end does, so that an uncertain figure never settles an indicator by its
 * optimistic end.
 *
 * @param measure the measure, such as {@code returned} (the ids of the observations format)
 * @param scope world, region, country or countries
 * @param scopeId the region, country code or codes; empty for the world
 * @param min the figure must be at least this, or null
 * @param max the figure must be at most this, or null; exactly one of min and max is given
 */
public record FigureQuery(String measure, String scope, String scopeId, Integer min, Integer max) {

  /** Validates the query. */
  public FigureQuery {
    if (measure == null || measure.isBlank() || scope == null || scope.isBlank()) {
      throw new IllegalArgumentException("a figure indicator needs a measure and a scope");
    }
    if ((min == null) == (max == null)) {
      throw new IllegalArgumentException("a figure indicator needs exactly one of min and max");
    }
    scopeId = scopeId == null ? "" : scopeId;
  }

  /** Whether a figure counts what this query looks for (ignoring dates and threshold). */
  public boolean matches(Figure f) {
    return f.measure().equals(measure) && f.scope().equals(scope) && f.scopeId().equals(scopeId);
  }

  /** Whether a matching figure surely meets the threshold. */
  public boolean meets(Figure f) {
    return min != null ? f.low() != null && f.low() >= min : f.high() != null && f.high() <= max;
  }

  /** A one-line description, for reports. */
  public String describe() {
    return "a published figure of "
        + measure
        + (scopeId.isEmpty() ? " (" + scope + ")" : " in " + scopeId)
        + (min != null ? " of at least " + min : " of at most " + max);
  }
}
