package org.dispersal.hypotheses;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an indicator looks for among events: an event type and place, optionally narrowed by
 * subtype, actor and fatalities. An empty set means "any".
 *
 * @param types event types, at least one (for example {@code attack}, {@code arrest}, {@code
 *     battle}); compared exactly
 * @param subtypes subtypes, any if empty
 * @param countries ISO 3166-1 alpha-3 codes, anywhere if empty
 * @param actor text the event's actor must contain (case is ignored), or null for any actor
 * @param minFatalities the least number of deaths an event must report; 0 accepts events with the
 *     number unknown
 */
public record EventQuery(
    Set<String> types,
    Set<String> subtypes,
    Set<String> countries,
    String actor,
    int minFatalities) {

  /** Validates and copies the query. */
  public EventQuery {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("an indicator must name at least one event type");
    }
    if (minFatalities < 0) {
      throw new IllegalArgumentException("min_fatalities must not be negative");
    }
    types = Set.copyOf(new TreeSet<>(types));
    subtypes = Set.copyOf(subtypes);
    countries = Set.copyOf(countries);
    actor = actor == null || actor.isBlank() ? null : actor;
  }

  /** Whether an event matches (ignoring its date). */
  public boolean matches(Event e) {
    if (!types.contains(e.type())) {
      return false;
    }
    if (!subtypes.isEmpty() && !subtypes.contains(e.subtype())) {
      return false;
    }
    if (!countries.isEmpty() && (e.country() == null || !countries.contains(e.country()))) {
      return false;
    }
    if (actor != null
        && !e.actor().toLowerCase(Locale.ROOT).contains(actor.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return minFatalities == 0 || (e.fatalities() != null && e.fatalities() >= minFatalities);
  }

  /** A one-line description, for reports. */
  public String describe() {
    StringBuilder out = new StringBuilder(String.join(" or ", new TreeSet<>(types)));
    if (!subtypes.isEmpty()) {
      out.append(" (").append(String.join(", ", new TreeSet<>(subtypes))).append(')');
    }
    if (actor != null) {
      out.append(" by an actor named '").append(actor).append('\'');
    }
    out.append(
        countries.isEmpty() ? " anywhere" : " in " + String.join(", ", new TreeSet<>(countries)));
    if (minFatalities > 0) {
      out.append(" with at least ").append(minFatalities).append(" killed");
    }
    return out.toString();
  }
}
