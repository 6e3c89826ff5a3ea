package org.dispersal.app.hindcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.dispersal.app.problem.InputException;
import org.dispersal.input.data.InformationSet;
import org.dispersal.input.data.SharedData;
import org.dispersal.model.Origin;
import org.junit.jupiter.api.Test;

class StockChoiceTest {

  private static final SharedData DATA = SharedData.shipped();

  @Test
  void pooledStocksUseNothingPublishedAfterTheDate() {
    for (LocalDate date : List.of(LocalDate.of(2015, 6, 30), LocalDate.of(2017, 2, 13))) {
      InformationSet known = InformationSet.of(DATA, date);
      List<Origin> origins = StockChoice.POOLED.origins(DATA, date);
      assertThat(origins).isNotEmpty();
      for (Origin o : origins) {
        assertThat(o.sources()).as(o.id() + " at " + date).allMatch(known::contains);
      }
      assertThat(origins).noneMatch(o -> o.sources().contains("TSC2017"));
    }
  }

  @Test
  void everyCountryTheLatestRuleMakesAnOriginIsOneWhenPooled() {
    LocalDate date = LocalDate.of(2017, 2, 13);
    List<String> pooled = StockChoice.POOLED.origins(DATA, date).stream().map(Origin::id).toList();
    StockChoice.LATEST.origins(DATA, date).stream()
        .filter(Origin::country)
        .forEach(o -> assertThat(pooled).contains(o.id()));
    assertThat(StockChoice.LATEST.describe(DATA, date)).isEqualTo("latest");
    assertThat(StockChoice.POOLED.describe(DATA, date)).startsWith("pooled: ");
  }

  @Test
  void aSeriesIsTheOrganisationWithoutItsOutlet() {
    assertThat(StockChoice.series(DATA, "TSG2014")).isEqualTo("the soufan group");
    assertThat(StockChoice.series(DATA, "TSG2015")).isEqualTo("the soufan group");
    assertThat(StockChoice.series(DATA, "NO_SUCH_SOURCE")).isEqualTo("NO_SUCH_SOURCE");
  }

  @Test
  void anUnknownRuleIsRefusedNamingTheTwo() {
    assertThat(StockChoice.parse("pooled")).isEqualTo(StockChoice.POOLED);
    assertThatThrownBy(() -> StockChoice.parse("newest"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("give latest")
        .hasMessageContaining("or pooled");
  }
}
