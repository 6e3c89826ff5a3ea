package org.dispersal.app.hindcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.dispersal.app.problem.InputException;
import org.junit.jupiter.api.Test;

class ForecastDatesTest {

  @Test
  void everyQuarterFromJune2015ToAugust2017() {
    var dates = ForecastDates.parse("2015-06..2017-08", 3);
    assertThat(dates).hasSize(9);
    assertThat(dates.get(0)).isEqualTo(LocalDate.of(2015, 6, 30));
    assertThat(dates.get(1)).isEqualTo(LocalDate.of(2015, 9, 30));
    assertThat(dates.get(8)).isEqualTo(LocalDate.of(2017, 6, 30));
  }

  @Test
  void refusesSpansItCannotReadOrThatLeaveTheData() {
    assertThatThrownBy(() -> ForecastDates.parse("2015-06", 3))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("FIRST..LAST");
    assertThatThrownBy(() -> ForecastDates.parse("2017-01..2015-01", 3))
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> ForecastDates.parse("June..2016-01", 3))
        .hasMessageContaining("'June' is not a month");
    assertThatThrownBy(() -> ForecastDates.parse("2014-06..2016-01", 3))
        .hasMessageContaining("from 2015-01-01 to 2019-12-31");
    assertThatThrownBy(() -> ForecastDates.parse("2015-06..2016-01", 0))
        .hasMessageContaining("at least 1");
  }
}
