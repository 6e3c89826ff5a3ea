package org.dispersal.hypotheses;

import java.time.LocalDate;

/**
 * One dated event read from an event file: an attack, an arrest, a battle, an announcement. Events
 * are aggregate public records about incidents, never about identifiable people.
 *
 * @param id the row's identifier in its source (an event id, or file and line)
 * @param incidentId the underlying incident when the source says (rows with the same incident id
 *     report one incident), or null
 * @param firstDay the first day the event's date can mean
 * @param lastDay the last day it can mean (equal to firstDay for an exact date)
 * @param country ISO 3166-1 alpha-3 code, or null if the source's place name has none
 * @param location a finer place (city, district) as written, possibly empty
 * @param type the event type (see docs/ANALYST.md for the types each reader gives)
 * @param subtype the subtype as the source gives it, possibly empty
 * @param actor the actor as the source names it, possibly empty
 * @param fatalities deaths reported, or null if unknown
 * @param reliability the probability that the report is true, in [0, 1]
 * @param source where the report comes from, as written, possibly empty
 * @param origin where the row was read ({@code file:line}), for the audit trail
 */
public record Event(
    String id,
    String incidentId,
    LocalDate firstDay,
    LocalDate lastDay,
    String country,
    String location,
    String type,
    String subtype,
    String actor,
    Integer fatalities,
    double reliability,
    String source,
    String origin) {

  /** Validates the event. */
  public Event {
    if (id == null || id.isBlank() || type == null || type.isBlank()) {
      throw new IllegalArgumentException("an event needs an id and a type");
    }
    if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException("event " + id + " needs a date range in order");
    }
    if (!(reliability >= 0 && reliability <= 1)) {
      throw new IllegalArgumentException(
          "event " + id + ": reliability must be between 0 and 1, not " + reliability);
    }
    if (fatalities != null && fatalities < 0) {
      throw new IllegalArgumentException("event " + id + ": fatalities must not be negative");
    }
    incidentId = incidentId == null || incidentId.isBlank() ? null : incidentId;
    location = location == null ? "" : location;
    subtype = subtype == null ? "" : subtype;
    actor = actor == null ? "" : actor;
    source = source == null ? "" : source;
    origin = origin == null ? "" : origin;
  }

  /** The date as written in reports: one day, or first and last day. */
  public String dateText() {
    return firstDay.equals(lastDay) ? firstDay.toString() : firstDay + "/" + lastDay;
  }
}
