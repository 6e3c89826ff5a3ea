package org.dispersal.stocks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;

/**
 * The initial stocks at a date: one {@link Origin} per country with a figure, one per regional
 * remainder and one for the world remainder, with the balances that produced the remainders.
 *
 * @param asOf the start date
 * @param origins countries in the order of {@link StockFigures#countries()}, then regional
 *     remainders in the order of {@link StockFigures#regions()}, then {@code rest:world}
 * @param balances one per region with a figure for its total, in the order of {@link
 *     StockFigures#regions()}, then the world
 */
public record Allocation(LocalDate asOf, List<Origin> origins, List<Balance> balances) {

  /** Validates and copies the allocation. */
  public Allocation {
    if (asOf == null) {
      throw new IllegalArgumentException("an allocation needs a date");
    }
    origins = List.copyOf(origins);
    balances = List.copyOf(balances);
  }

  /** The sum of the origins' travelled ranges, low ends and high ends. */
  public Range total() {
    int low = 0;
    int high = 0;
    for (Origin origin : origins) {
      low += origin.travelled().low();
      high += origin.travelled().high();
    }
    return new Range(low, high);
  }

  /** The sum of the mid-points of the origins' travelled ranges. */
  public double totalMid() {
    return origins.stream().mapToDouble(o -> o.travelled().mid()).sum();
  }

  /**
   * One origin.
   *
   * @param id an ISO alpha-3 code or a {@code rest:} id
   * @return the origin, or empty if there is none with that id
   */
  public Optional<Origin> origin(String id) {
    return origins.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /**
   * The balance of one region or of the world.
   *
   * @param scope the region id, or {@code world}
   * @return the balance, or empty if the information set has no total for it
   */
  public Optional<Balance> balance(String scope) {
    return balances.stream().filter(b -> b.scope().equals(scope)).findFirst();
  }
}
