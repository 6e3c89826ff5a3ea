package org.dispersal.stocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.junit.jupiter.api.Test;

class StockRuleTest {

  private static final LocalDate START = LocalDate.of(2017, 2, 13);

  private static DatedFigure at(String source, String date, Integer low, Integer high) {
    return new DatedFigure(source, LocalDate.parse(date), date, new Figure(low, high));
  }

  private static StockFigures.CountryFigures country(
      String iso3, String region, Map<Measure, List<DatedFigure>> figures) {
    return new StockFigures.CountryFigures(iso3, "Name of " + iso3, region, figures);
  }

  /**
   * France 300 (women 40-60), Belgium 200-400, Germany with only a women figure; Western Europe
   * 1,000 in all; the Maghreb with no total; the world 5,000.
   */
  private static StockFigures figures() {
    return new StockFigures(
        List.of(
            country(
                "FRA",
                "western_europe",
                Map.of(
                    Measure.TRAVELLED,
                    List.of(at("A", "2016-12-31", 300, 300)),
                    Measure.WOMEN,
                    List.of(at("B", "2016-11-30", 40, 60)))),
            country(
                "BEL",
                "western_europe",
                Map.of(Measure.TRAVELLED, List.of(at("C", "2017-01-31", 200, 400)))),
            country(
                "DEU",
                "western_europe",
                Map.of(Measure.WOMEN, List.of(at("D", "2016-06-30", 10, 10)))),
            country(
                "TUN",
                "maghreb",
                Map.of(Measure.TRAVELLED, List.of(at("E", "2017-01-31", 2929, 2929))))),
        List.of(
            new StockFigures.RegionTotals(
                "western_europe", "Western Europe", List.of(at("R", "2016-12-31", 1000, 1000))),
            new StockFigures.RegionTotals("maghreb", "the Maghreb", List.of())),
        List.of(at("W", "2017-01-15", 5000, 5000)));
  }

  /** North Macedonia at 31 March 2017: 86 returned (USIP2017) against an old travelled 12. */
  @Test
  void aReturnedFigureAboveTheTravelledOneRaisesItInsteadOfStoppingTheRun() {
    StockFigures mkd =
        new StockFigures(
            List.of(
                country(
                    "MKD",
                    "balkans",
                    Map.of(
                        Measure.TRAVELLED,
                        List.of(at("ICSR2013", "2013-12-10", 12, 12)),
                        Measure.RETURNED,
                        List.of(at("USIP2017", "2016-12-31", 86, 86)),
                        Measure.WOMEN,
                        List.of(at("W", "2016-12-31", 10, 20))))),
            List.of(),
            List.of());
    Origin o = StockRule.withDefaults().allocate(mkd, START).origin("MKD").orElseThrow();
    assertThat(o.travelled()).isEqualTo(Range.of(86));
    assertThat(o.returned()).isEqualTo(Range.of(86));
    assertThat(o.note()).contains("travelled raised to 86").contains("no one returns");
  }

  @Test
  void countriesWithATravelledFigureGetAnOrigin() {
    Allocation a = StockRule.withDefaults().allocate(figures(), START);
    Origin fra = a.origin("FRA").orElseThrow();
    assertThat(fra.country()).isTrue();
    assertThat(fra.name()).isEqualTo("Name of FRA");
    assertThat(fra.region()).isEqualTo("western_europe");
    assertThat(fra.travelled()).isEqualTo(Range.of(300));
    assertThat(fra.women()).isEqualTo(new Range(40, 60));
    assertThat(fra.minors()).isNull();
    assertThat(fra.killed()).isNull();
    assertThat(fra.sources()).containsExactly("A", "B");
    assertThat(fra.note())
        .isEqualTo(
            "travelled 300: latest A (2016-12-31) 300; women 40-60: latest B (2016-11-30) 40-60");
    assertThat(a.origin("BEL").orElseThrow().travelled()).isEqualTo(new Range(200, 400));
    // a women figure alone is no origin: Germany's people stay in the remainder
    assertThat(a.origin("DEU")).isEmpty();
  }

  @Test
  void regionalAndWorldTotalsLeaveRemainders() {
    Allocation a = StockRule.withDefaults().allocate(figures(), START);
    // Western Europe: 1,000 less France 300 and Belgium's mid-point 300
    Balance we = a.balance("western_europe").orElseThrow();
    assertThat(we.total()).isEqualTo(Range.of(1000));
    assertThat(we.allocated()).isEqualTo(600);
    assertThat(we.remainder()).isEqualTo(Range.of(400));
    Origin rest = a.origin("rest:western_europe").orElseThrow();
    assertThat(rest.country()).isFalse();
    assertThat(rest.name()).isEqualTo("Rest of Western Europe");
    assertThat(rest.travelled()).isEqualTo(Range.of(400));
    assertThat(rest.sources()).containsExactly("R");
    // no total for the Maghreb: no balance, no remainder
    assertThat(a.balance("maghreb")).isEmpty();
    // the world: 5,000 less 300 + 300 + 2,929 + 400
    Balance world = a.balance("world").orElseThrow();
    assertThat(world.allocated()).isEqualTo(3929);
    Origin restOfWorld = a.origin(StockRule.WORLD_REMAINDER_ID).orElseThrow();
    assertThat(restOfWorld.region()).isEqualTo(StockRule.WORLD_REMAINDER_REGION);
    assertThat(restOfWorld.travelled()).isEqualTo(Range.of(1071));
    // countries in input order, then regional remainders, then the world
    assertThat(a.origins())
        .extracting(Origin::id)
        .containsExactly("FRA", "BEL", "TUN", "rest:western_europe", "rest:world");
    assertThat(a.balances()).extracting(Balance::scope).containsExactly("western_europe", "world");
    assertThat(a.total()).isEqualTo(new Range(4900, 5100));
    assertThat(a.totalMid()).isEqualTo(5000);
  }

  @Test
  void aTotalCoveredByItsCountriesLeavesNoRemainder() {
    StockFigures f =
        new StockFigures(
            List.of(
                country(
                    "FRA",
                    "we",
                    Map.of(Measure.TRAVELLED, List.of(at("A", "2016-12-31", 800, 900))))),
            List.of(
                new StockFigures.RegionTotals(
                    "we", "WE", List.of(at("R", "2016-12-31", 500, 900)))),
            List.of());
    Allocation a = StockRule.withDefaults().allocate(f, START);
    Balance we = a.balance("we").orElseThrow();
    // 500-900 less 850, each end clamped at 0
    assertThat(we.remainder()).isEqualTo(new Range(0, 50));
    assertThat(a.origin("rest:we").orElseThrow().travelled()).isEqualTo(new Range(0, 50));

    StockFigures covered =
        new StockFigures(
            f.countries(),
            List.of(
                new StockFigures.RegionTotals(
                    "we", "WE", List.of(at("R", "2016-12-31", 600, 700)))),
            List.of());
    Allocation b = StockRule.withDefaults().allocate(covered, START);
    assertThat(b.balance("we").orElseThrow().hasRemainder()).isFalse();
    assertThat(b.origins()).extracting(Origin::id).containsExactly("FRA");
  }

  @Test
  void theWindowAndTheMarginChangeTheRanges() {
    StockFigures f =
        new StockFigures(
            List.of(
                country(
                    "TUN",
                    "maghreb",
                    Map.of(
                        Measure.TRAVELLED,
                        List.of(
                            at("GOV", "2017-01-31", 2929, 2929),
                            at("TSG", "2015-12-07", 6000, 6500))))),
            List.of(),
            List.of(at("USDOS", "2016-06-02", 40000, null)));
    Allocation byDefault = StockRule.withDefaults().allocate(f, START);
    assertThat(byDefault.origin("TUN").orElseThrow().travelled()).isEqualTo(new Range(2929, 6500));
    assertThat(byDefault.balance("world").orElseThrow().total()).isEqualTo(new Range(40000, 44000));

    StockRule narrow =
        StockRule.withDefaults().withWindow(Period.ofMonths(12)).withMoreThanMargin(0);
    Allocation changed = narrow.allocate(f, START);
    assertThat(changed.origin("TUN").orElseThrow().travelled()).isEqualTo(Range.of(2929));
    assertThat(changed.balance("world").orElseThrow().total()).isEqualTo(Range.of(40000));
    assertThat(narrow.window()).isEqualTo(Period.ofMonths(12));
    assertThat(narrow.moreThanMargin()).isZero();
  }

  @Test
  void noFiguresNoOriginsAndEqualInputsGiveEqualOutputs() {
    Allocation none =
        StockRule.withDefaults().allocate(new StockFigures(List.of(), List.of(), List.of()), START);
    assertThat(none.origins()).isEmpty();
    assertThat(none.balances()).isEmpty();
    assertThat(StockRule.withDefaults().allocate(figures(), START))
        .isEqualTo(StockRule.withDefaults().allocate(figures(), START));
  }

  @Test
  void rejectsANegativeWindowAndAMarginOutsideZeroToOne() {
    assertThatThrownBy(() -> StockRule.withDefaults().withWindow(Period.ofMonths(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StockRule.withDefaults().withMoreThanMargin(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
