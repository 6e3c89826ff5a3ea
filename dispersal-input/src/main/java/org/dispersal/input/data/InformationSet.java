package org.dispersal.input.data;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sources an analyst could have used on a given date.
 *
 * <p>A source belongs to the set at {@code asOf} when the last day its {@code published} text can
 * mean is on or before {@code asOf} ({@code 2016} counts from 31 December 2016, {@code 2017-01}
 * from 31 January 2017), or when {@code asOf} is on or after {@link #FEB_2017} and the curator
 * marked it {@code known_by_feb_2017=yes} (two sources published during February 2017 and already
 * quoted by the 13th). A source whose publication date is unknown is never in the set, whatever its
 * figures.
 *
 * @param asOf the date of the information set
 * @param sourceIds the ids of the sources in the set, sorted
 */
public record InformationSet(LocalDate asOf, Set<String> sourceIds) {

  /** The date of the seed op-ed and of the {@code known_by_feb_2017} column: 13 February 2017. */
  public static final LocalDate FEB_2017 = LocalDate.of(2017, 2, 13);

  /** Validates and copies the set. */
  public InformationSet {
    if (asOf == null || sourceIds == null) {
      throw new IllegalArgumentException("an information set needs a date and source ids");
    }
    sourceIds = Collections.unmodifiableSet(new TreeSet<>(sourceIds));
  }

  /**
   * The information set of some data at a date.
   *
   * @param data the sources to choose from
   * @param asOf the date
   * @return the sources an analyst could have used on that date
   */
  public static InformationSet of(SharedData data, LocalDate asOf) {
    Set<String> ids = new TreeSet<>();
    for (Source source : data.sources()) {
      if (admits(source, asOf)) {
        ids.add(source.id());
      }
    }
    return new InformationSet(asOf, ids);
  }

  /**
   * Whether one source was available on a date, by the rule above.
   *
   * @param source the source
   * @param asOf the date
   * @return true if an analyst could have used it on that date
   */
  public static boolean admits(Source source, LocalDate asOf) {
    PartialDate published = source.published();
    if (published.known() && !published.last().isAfter(asOf)) {
      return true;
    }
    return published.known() && source.knownByFeb2017() && !asOf.isBefore(FEB_2017);
  }

  /**
   * Whether a source is in the set.
   *
   * @param sourceId the {@code source_id}
   * @return true if it is
   */
  public boolean contains(String sourceId) {
    return sourceIds.contains(sourceId);
  }
}
