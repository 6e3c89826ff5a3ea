package org.dispersal.hypotheses;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps one report per underlying incident, so that the same attack reported by two sources, or
 * twice by one, counts once (PRIORS 3.3: block double counting of correlated reports).
 *
 * <p>Two reports are of the same incident when
 *
 * <ul>
 *   <li>they carry the same incident id, or
 *   <li>they have the same type, the same country and the same location (compared without case and
 *       surrounding spaces), and their dates are at most {@code days} apart (the gap between their
 *       date ranges). Reports without a location are matched by incident id only: on one day a
 *       country can see several attacks of one type, and merging them would undercount.
 * </ul>
 *
 * <p>Matching is transitive (a chain of reports each close to the next is one incident). Of each
 * incident the most reliable report is kept (the earliest in input order on a tie); the others are
 * listed as duplicates with the report they duplicate. Corroboration by independent sources is not
 * used to raise the reliability: the guard errs on the side of counting less.
 */
public final class DuplicateGuard {

  private DuplicateGuard() {}

  /**
   * A report left out, with the report kept for its incident.
   *
   * @param event the report left out
   * @param keptId the id of the report kept
   * @param reason why they are one incident
   */
  public record Duplicate(Event event, String keptId, String reason) {}

  /**
   * The outcome.
   *
   * @param kept one report per incident, in input order
   * @param duplicates the reports left out, in input order
   */
  public record Result(List<Event> kept, List<Duplicate> duplicates) {}

  /**
   * Removes duplicate reports.
   *
   * @param events the reports, in input order
   * @param days the largest gap in days between reports of one incident, at least 0
   * @return the reports kept and those left out
   */
  public static Result apply(List<Event> events, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("the duplicate window must not be negative, not " + days);
    }
    int n = events.size();
    int[] parent = new int[n];
    String[] reason = new String[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> byIncident = new HashMap<>();
    Map<String, List<Integer>> byPlace = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Event e = events.get(i);
      if (e.incidentId() != null) {
        Integer first = byIncident.putIfAbsent(e.incidentId(), i);
        if (first != null) {
          union(parent, first, i);
          reason[i] = "same incident id " + e.incidentId();
        }
      }
      String location = e.location().strip().toLowerCase(Locale.ROOT);
      if (e.country() != null && !location.isEmpty()) {
        byPlace
            .computeIfAbsent(e.type() + "|" + e.country() + "|" + location, k -> new ArrayList<>())
            .add(i);
      }
    }
    for (List<Integer> block : byPlace.values()) {
      block.sort(
          Comparator.comparing((Integer i) -> events.get(i).firstDay()).thenComparing(i -> i));
      int previous = block.get(0);
      for (int k = 1; k < block.size(); k++) {
        int i = block.get(k);
        Event a = events.get(previous);
        Event b = events.get(i);
        long gap = ChronoUnit.DAYS.between(a.lastDay(), b.firstDay());
        if (gap <= days) {
          if (find(parent, previous) != find(parent, i) && reason[i] == null) {
            reason[i] =
                "same type, place ("
                    + b.country()
                    + ", "
                    + b.location().strip()
                    + ") and date within "
                    + days
                    + " day"
                    + (days == 1 ? "" : "s");
          }
          union(parent, previous, i);
        }
        if (b.lastDay().isAfter(a.lastDay())) {
          previous = i;
        }
      }
    }
    Map<Integer, Integer> best = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      Integer b = best.get(root);
      if (b == null || events.get(i).reliability() > events.get(b).reliability()) {
        best.put(root, i);
      }
    }
    List<Event> kept = new ArrayList<>();
    List<Duplicate> duplicates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int keep = best.get(find(parent, i));
      if (keep == i) {
        kept.add(events.get(i));
      } else {
        String why = reason[i] != null ? reason[i] : reason[keep];
        duplicates.add(
            new Duplicate(
                events.get(i), events.get(keep).id(), why == null ? "same incident" : why));
      }
    }
    return new Result(kept, duplicates);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
