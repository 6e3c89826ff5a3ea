package org.dispersal.stocks;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dispersal.model.Range;

/**
 * Turns the dated figures of one quantity into one range: the rule of {@link StockRule}.
 *
 * <ol>
 *   <li>The point is the latest figure that has a low end, together with every such figure dated
 *       within {@link StockRule#CONTEMPORARY} of it: the range covers all of them ("more than X"
 *       closed with the margin).
 *   <li>A ceiling ("up to X") dated within the contemporary span or later that lies below the range
 *       lowers its low end to X.
 *   <li>An earlier figure within the window whose whole range lies above the point raises the high
 *       end to cover it: counts are cumulative, so an earlier higher figure contradicts the later
 *       one, and the contradiction is uncertainty. An earlier lower figure is growth, not
 *       disagreement, and changes nothing.
 * </ol>
 */
final class Estimator {

  /** The outcome: a range, the sources behind it, and how it was chosen. */
  record Estimate(Range range, List<String> sources, String note) {}

  private final Period window;
  private final double moreThanMargin;

  Estimator(Period window, double moreThanMargin) {
    this.window = window;
    this.moreThanMargin = moreThanMargin;
  }

  Optional<Estimate> estimate(List<DatedFigure> figures) {
    List<DatedFigure> sorted = new ArrayList<>(figures);
    sorted.sort(Comparator.comparing(DatedFigure::date).reversed());
    Optional<LocalDate> latest =
        sorted.stream().filter(o -> o.figure().hasLow()).map(DatedFigure::date).findFirst();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    LocalDate contemporaryFrom = latest.get().minus(StockRule.CONTEMPORARY);
    LocalDate windowFrom = latest.get().minus(window);
    List<DatedFigure> point = new ArrayList<>();
    List<DatedFigure> lowered = new ArrayList<>();
    List<DatedFigure> earlier = new ArrayList<>();
    for (DatedFigure o : sorted) {
      boolean recent = !o.date().isBefore(contemporaryFrom);
      if (recent && o.figure().hasLow()) {
        point.add(o);
      } else if (recent) {
        lowered.add(o);
      } else if (o.figure().hasLow() && !o.date().isBefore(windowFrom)) {
        earlier.add(o);
      }
    }
    int pointLow = point.stream().mapToInt(o -> closed(o).low()).min().orElseThrow();
    int pointHigh = point.stream().mapToInt(o -> closed(o).high()).max().orElseThrow();
    lowered.removeIf(o -> o.figure().high() >= pointLow);
    earlier.removeIf(o -> closed(o).low() <= pointHigh);
    int low = lowered.stream().mapToInt(o -> o.figure().high()).reduce(pointLow, Math::min);
    int high = earlier.stream().mapToInt(o -> closed(o).high()).reduce(pointHigh, Math::max);

    Set<String> sources = new LinkedHashSet<>();
    StringBuilder note = new StringBuilder("latest ").append(list(point, sources));
    if (!lowered.isEmpty()) {
      note.append("; lowered by contemporary ceiling ").append(list(lowered, sources));
    }
    if (!earlier.isEmpty()) {
      note.append("; raised by earlier higher ").append(list(earlier, sources));
    }
    return Optional.of(new Estimate(new Range(low, high), List.copyOf(sources), note.toString()));
  }

  private Range closed(DatedFigure o) {
    return o.figure().closed(moreThanMargin);
  }

  private static String list(List<DatedFigure> figures, Set<String> sources) {
    figures.forEach(o -> sources.add(o.sourceId()));
    return figures.stream().map(DatedFigure::describe).collect(Collectors.joining(", "));
  }
}
