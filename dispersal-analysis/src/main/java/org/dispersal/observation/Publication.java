package org.dispersal.observation;

import java.time.LocalDate;

/**
 * When observed figures became public: the rule that splits observations at an as-of date into what
 * an analyst could have known and what came later.
 *
 * <p>The rule is a function so that the domain logic does not depend on where the sources'
 * publication dates are kept; the shipped data provides one that shares the information set's
 * cut-off with the initial stocks. {@link #AS_WRITTEN} needs nothing but the figure itself.
 */
@FunctionalInterface
public interface Publication {

  /** A figure is public from the last day its own {@code published} text can mean. */
  Publication AS_WRITTEN = (record, asOf) -> !record.publishedLast().isAfter(asOf);

  /**
   * Whether a figure was public on a date.
   *
   * @param record the figure
   * @param asOf the date
   * @return true if an analyst could have read it on that date
   */
  boolean publishedBy(ObservationRecord record, LocalDate asOf);
}
