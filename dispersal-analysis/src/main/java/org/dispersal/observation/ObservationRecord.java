package org.dispersal.observation;

import java.time.LocalDate;
import java.time.YearMonth;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.scoring.ObservedRange;

/**
 * One row of an observations file: a published figure with what it counts, where, when, and when it
 * became public.
 *
 * @param file the file name
 * @param line the line of the row
 * @param date the date the figure describes, as written (YYYY-MM or YYYY-MM-DD)
 * @param firstDay the first day {@code date} can mean
 * @param lastDay the last day {@code date} can mean
 * @param published when it became public, as written (YYYY, YYYY-MM or YYYY-MM-DD)
 * @param publishedLast the last day {@code published} can mean
 * @param scope world, region, country or countries
 * @param scopeId empty for world, a region, an ISO alpha-3 code or codes joined by {@code +}
 * @param demographic all, men, women or minors
 * @param measure what it counts
 * @param low the low end, or null for "up to high"
 * @param high the high end, or null for "more than low"
 * @param sourceId the source
 * @param definition the optional {@code definition} column as written ({@link
 *     org.dispersal.reporting.Definition}), empty when the file does not give one
 */
public record ObservationRecord(
    String file,
    int line,
    String date,
    LocalDate firstDay,
    LocalDate lastDay,
    String published,
    LocalDate publishedLast,
    String scope,
    String scopeId,
    String demographic,
    ObservedMeasure measure,
    Integer low,
    Integer high,
    String sourceId,
    String definition) {

  /** Never a null definition. */
  public ObservationRecord {
    definition = definition == null ? "" : definition;
  }

  /** A row without a {@code definition} (the column is optional). */
  public ObservationRecord(
      String file,
      int line,
      String date,
      LocalDate firstDay,
      LocalDate lastDay,
      String published,
      LocalDate publishedLast,
      String scope,
      String scopeId,
      String demographic,
      ObservedMeasure measure,
      Integer low,
      Integer high,
      String sourceId) {
    this(
        file,
        line,
        date,
        firstDay,
        lastDay,
        published,
        publishedLast,
        scope,
        scopeId,
        demographic,
        measure,
        low,
        high,
        sourceId,
        "");
  }

  /** The month the figure describes. */
  public YearMonth month() {
    return YearMonth.from(lastDay);
  }

  /** The figure as a range for scoring. */
  public ObservedRange range() {
    return new ObservedRange(low == null ? 0 : low, high == null ? Double.POSITIVE_INFINITY : high);
  }

  /**
   * Whether the figure was public on a date.
   *
   * @param asOf the date
   * @param publication the rule for when figures became public, or null for {@link
   *     Publication#AS_WRITTEN}
   * @return true if it was public on {@code asOf}
   */
  public boolean publishedBy(LocalDate asOf, Publication publication) {
    return (publication == null ? Publication.AS_WRITTEN : publication).publishedBy(this, asOf);
  }

  /**
   * Whether the figure's own {@code published} text begins after a date: its first possible day
   * (the 1st of a month, the 1st of January of a year) is later, so it cannot have been public
   * then.
   */
  public boolean publishedAfter(LocalDate asOf) {
    // The reader parsed the text into its last day; a year or a month begins on its first.
    int written = published == null ? 0 : published.strip().length();
    LocalDate first =
        written == 4
            ? publishedLast.withDayOfYear(1)
            : written == 7 ? publishedLast.withDayOfMonth(1) : publishedLast;
    return first.isAfter(asOf);
  }

  /** Whether the figure describes a time after a date (its first possible day is later). */
  public boolean datedAfter(LocalDate asOf) {
    return firstDay.isAfter(asOf);
  }

  /**
   * The figure as written: {@code 800}, {@code 150-180}, {@code more than 2000}, {@code up to 50}.
   */
  public String describe() {
    if (low == null) {
      return "up to " + high;
    }
    if (high == null) {
      return "more than " + low;
    }
    return low.equals(high) ? String.valueOf(low) : low + "-" + high;
  }

  /** A short label: measure, scope and date. */
  public String label() {
    String where = scope.equals("world") ? "world" : scopeId;
    String demo = demographic.equals("all") ? "" : " " + demographic;
    return measure.id() + demo + " " + where + " " + date;
  }
}
