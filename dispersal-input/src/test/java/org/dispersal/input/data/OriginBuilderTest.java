package org.dispersal.input.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.stocks.Allocation;
import org.dispersal.stocks.Balance;
import org.dispersal.stocks.StockRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OriginBuilderTest {

  private static final LocalDate START = InformationSet.FEB_2017;

  private static SharedData data;
  private static Allocation allocation;

  @BeforeAll
  static void build() {
    data = SharedData.shipped();
    allocation = OriginBuilder.withDefaults().allocate(data, START);
  }

  private static Origin origin(String id) {
    return allocation.origin(id).orElseThrow();
  }

  @Test
  void addsUpToAboutFortyThousandInEarly2017() {
    assertThat(allocation.totalMid()).isBetween(38_000.0, 44_000.0);
    assertThat(allocation.total().low()).isGreaterThanOrEqualTo(30_000);
    assertThat(allocation.total().high()).isLessThanOrEqualTo(50_000);
  }

  @Test
  void reproducesTheFiguresPrintedInDocsDataMd() {
    List<String> top =
        allocation.origins().stream()
            .filter(Origin::country)
            .sorted((a, b) -> Double.compare(b.travelled().mid(), a.travelled().mid()))
            .map(Origin::id)
            .limit(7)
            .toList();

    assertThat(allocation.origins()).hasSize(82);
    assertThat(allocation.origins()).filteredOn(Origin::country).hasSize(75);
    assertThat(allocation.total()).isEqualTo(new Range(35_450, 48_550));
    assertThat(allocation.totalMid()).isCloseTo(42_000, within(1.0));
    assertThat(top).containsExactly("TUN", "RUS", "SAU", "JOR", "TUR", "FRA", "MAR");
    assertThat(origin("rest:world").travelled()).isEqualTo(new Range(6_769, 10_769));
    assertThat(origin("rest:world").remainder()).isTrue();
    assertThat(origin("rest:maghreb").remainder()).isTrue();
    assertThat(origin("FRA").remainder()).isFalse();
    assertThat(origin("rest:middle_east").travelled()).isEqualTo(new Range(0, 2_244));
    assertThat(origin("rest:maghreb").travelled()).isEqualTo(Range.of(937));
    assertThat(origin("rest:former_soviet").travelled()).isEqualTo(new Range(0, 1_590));
    assertThat(origin("rest:southeast_asia").travelled()).isEqualTo(Range.of(312));
    assertThat(origin("rest:balkans").travelled()).isEqualTo(Range.of(69));
    assertThat(origin("rest:north_america").travelled()).isEqualTo(Range.of(39));
  }

  @Test
  void keepsTheWorldRemainderAsAnExplicitOriginOfRegionOther() {
    Origin rest = origin("rest:world");
    Balance world = allocation.balance("world").orElseThrow();

    assertThat(rest.country()).isFalse();
    assertThat(rest.region()).isEqualTo("other");
    assertThat(rest.sources()).containsExactly("USDOS2016");
    assertThat(world.total()).isEqualTo(new Range(40_000, 44_000));
    assertThat(rest.travelled().low()).isEqualTo(Math.round(40_000 - world.allocated()));
    assertThat(allocation.origins().get(allocation.origins().size() - 1)).isEqualTo(rest);
  }

  @Test
  void makesRegionalRemaindersFromTheRegionalTotals() {
    Balance maghreb = allocation.balance("maghreb").orElseThrow();
    double countries =
        allocation.origins().stream()
            .filter(o -> o.country() && o.region().equals("maghreb"))
            .mapToDouble(o -> o.travelled().mid())
            .sum();

    assertThat(maghreb.total()).isEqualTo(Range.of(8000));
    assertThat(maghreb.sources()).containsExactly("TSG2015");
    assertThat(maghreb.allocated()).isEqualTo(countries);
    assertThat(origin("rest:maghreb").travelled())
        .isEqualTo(Range.of((int) Math.round(8000 - countries)));
    assertThat(allocation.balance("western_europe").orElseThrow().hasRemainder()).isFalse();
    assertThat(allocation.origin("rest:western_europe")).isEmpty();
    assertThat(allocation.balance("south_asia")).isEmpty();
  }

  @Test
  void keepsEveryRemainderNonNegativeAndEveryBalanceConsistent() {
    for (Balance b : allocation.balances()) {
      assertThat(b.remainder().low())
          .isEqualTo(Math.max(0, Math.round(b.total().low() - b.allocated())));
      assertThat(b.remainder().high())
          .isEqualTo(Math.max(0, Math.round(b.total().high() - b.allocated())));
    }
    assertThat(allocation.origins())
        .filteredOn(o -> !o.country())
        .allSatisfy(
            o -> {
              assertThat(o.id()).startsWith("rest:");
              assertThat(o.travelled().high()).isPositive();
              assertThat(o.women()).isNull();
            });
  }

  @Test
  void turnsSourceDisagreementIntoRanges() {
    assertThat(origin("TUN").travelled()).isEqualTo(new Range(2929, 6500));
    assertThat(origin("TUN").sources()).containsExactly("TN_2017_01", "NTJ_2017_01", "TSG2015");
    assertThat(origin("TUN").returned()).isEqualTo(Range.of(800));
    assertThat(origin("RUS").travelled()).isEqualTo(new Range(2400, 2900));
    assertThat(origin("JOR").travelled()).isEqualTo(new Range(2000, 2250));
    assertThat(origin("BEL").travelled()).isEqualTo(new Range(457, 500));
    assertThat(origin("FRA").travelled()).isEqualTo(Range.of(1700));
    assertThat(origin("MAR").women()).isEqualTo(Range.of(226));
    assertThat(origin("MAR").minors()).isEqualTo(Range.of(320));
    assertThat(origin("MAR").returned()).isEqualTo(Range.of(206));
    assertThat(origin("TUN").note()).contains("TSG2015 (2015-12) 6500");
  }

  @Test
  void leavesOutExcludedFiguresAndCountriesWithoutFigures() {
    assertThat(origin("AUS").travelled()).isEqualTo(Range.of(200));
    assertThat(origin("USA").travelled()).isEqualTo(Range.of(150));
    assertThat(origin("FRA").women()).isNull();
    assertThat(allocation.origin("IRQ")).isEmpty();
    assertThat(allocation.origin("AZE")).isEmpty();
    assertThat(allocation.origin("PHL")).isEmpty();
    assertThat(origin("TTO").sources()).containsExactly("TT_BADRI_2017_02");
    assertThat(allocation.origins()).allSatisfy(o -> assertThat(o.killed()).isNull());
  }

  @Test
  void neverInventsACountryFigure() {
    InformationSet info = InformationSet.of(data, START);
    for (Origin o : allocation.origins()) {
      if (!o.country()) {
        continue;
      }
      Set<Integer> lows = new HashSet<>();
      Set<Integer> highs = new HashSet<>();
      for (CountryFigure f : data.countryFigures()) {
        if (f.iso3().equals(o.id()) && info.contains(f.sourceId()) && f.travelled() != null) {
          Range closed = f.travelled().closed(StockRule.DEFAULT_MORE_THAN_MARGIN);
          lows.add(closed.low());
          highs.add(closed.high());
        }
      }
      assertThat(lows).as(o.id()).contains(o.travelled().low());
      assertThat(highs).as(o.id()).contains(o.travelled().high());
    }
  }

  @Test
  void usesOnlySourcesOfTheInformationSet() {
    InformationSet info = InformationSet.of(data, START);

    assertThat(info.contains("USDOS2016")).isTrue();
    assertThat(info.contains("AU_ZAMMIT_2017")).isTrue();
    assertThat(info.contains("TSC2017")).isFalse();
    assertThat(info.contains("USIP2017")).isFalse();
    assertThat(info.contains("SE_SAPO_2017_02")).isFalse();
    assertThat(info.contains("FR_VALLS")).isFalse();
    assertThat(allocation.origins())
        .allSatisfy(o -> assertThat(o.sources()).allMatch(info::contains));
  }

  @Test
  void excludesSourcesPublishedAfterTheStartDate() {
    Allocation mid2015 = OriginBuilder.withDefaults().allocate(data, LocalDate.of(2015, 6, 1));
    InformationSet info = InformationSet.of(data, LocalDate.of(2015, 6, 1));

    assertThat(info.contains("TSG2015")).isFalse();
    assertThat(info.contains("ICSR2015")).isTrue();
    assertThat(InformationSet.of(data, LocalDate.of(2016, 6, 1)).contains("USDOS2016")).isFalse();
    assertThat(InformationSet.of(data, LocalDate.of(2016, 6, 2)).contains("USDOS2016")).isTrue();
    assertThat(InformationSet.of(data, LocalDate.of(2030, 1, 1)).contains("FR_VALLS")).isFalse();
    assertThat(mid2015.origin("TUN").orElseThrow().travelled()).isEqualTo(new Range(1500, 3000));
    assertThat(mid2015.balance("world").orElseThrow().sources()).containsExactly("ICSR2015");
  }

  @Test
  void isDeterministic() {
    Allocation again = OriginBuilder.withDefaults().allocate(SharedData.shipped(), START);

    assertThat(again).isEqualTo(allocation);
    assertThat(OriginBuilder.withDefaults().build(data, START)).isEqualTo(allocation.origins());
  }

  @Test
  void ordersCountriesThenRegionalRemaindersThenTheWorld() {
    List<Origin> origins = allocation.origins();
    int firstRest = origins.indexOf(origins.stream().filter(o -> !o.country()).findFirst().get());

    assertThat(origins.subList(0, firstRest)).allMatch(Origin::country);
    assertThat(origins.subList(firstRest, origins.size())).noneMatch(Origin::country);
    assertThat(origins.subList(0, firstRest))
        .extracting(Origin::id)
        .isSortedAccordingTo(String::compareTo);
  }

  @Test
  void exposesItsAssumptionsAsSettings() {
    OriginBuilder shorter = OriginBuilder.withDefaults().withWindow(Period.ofMonths(12));

    assertThat(shorter.allocate(data, START).origin("TUN").orElseThrow().travelled())
        .isEqualTo(new Range(2929, 4000));
    assertThat(shorter.window()).isEqualTo(Period.ofMonths(12));
    assertThat(OriginBuilder.withDefaults().withMoreThanMargin(0).moreThanMargin()).isZero();
    assertThat(
            OriginBuilder.withDefaults()
                .withMoreThanMargin(0)
                .allocate(data, START)
                .balance("world")
                .orElseThrow()
                .total())
        .isEqualTo(Range.of(40_000));
    assertThatThrownBy(() -> OriginBuilder.withDefaults().withMoreThanMargin(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OriginBuilder.withDefaults().withWindow(Period.ofMonths(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classifiesAggregateMeasures() {
    assertThat(OriginBuilder.isStock("foreign fighters (IS and other violent extremist groups)"))
        .isTrue();
    assertThat(OriginBuilder.isStock("monthly arrivals")).isFalse();
    assertThat(OriginBuilder.isStock("still in Syria/Iraq")).isFalse();
    assertThat(OriginBuilder.isStock("returnees")).isFalse();
  }

  static Stream<LocalDate> seededStartDates() {
    Random random = new Random(20170213L);
    LocalDate from = LocalDate.of(2013, 1, 1);
    return Stream.generate(() -> from.plusDays(random.nextInt(7 * 365))).limit(40);
  }

  @ParameterizedTest
  @MethodSource("seededStartDates")
  void holdsItsInvariantsAtAnyStartDate(LocalDate asOf) {
    Allocation a = OriginBuilder.withDefaults().allocate(data, asOf);
    InformationSet info = InformationSet.of(data, asOf);

    assertThat(a.origins()).extracting(Origin::id).doesNotHaveDuplicates();
    assertThat(a.origins()).allSatisfy(o -> assertThat(o.sources()).allMatch(info::contains));
    assertThat(a.origins())
        .allSatisfy(
            o -> {
              assertThat(o.sources()).isNotEmpty();
              assertThat(o.note()).isNotBlank();
            });
    a.balance("world")
        .ifPresent(
            w -> {
              assertThat(a.origin("rest:world").isPresent()).isEqualTo(w.hasRemainder());
              assertThat(a.totalMid()).isGreaterThanOrEqualTo(w.total().mid() - 0.5);
            });
    assertThat(OriginBuilder.withDefaults().allocate(data, asOf)).isEqualTo(a);
  }
}
