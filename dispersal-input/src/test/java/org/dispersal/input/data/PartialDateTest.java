package org.dispersal.input.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartialDateTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2015-12-07 | 2015-12-07 | 2015-12-07",
        "2015-12 | 2015-12-01 | 2015-12-31",
        "2016-02 | 2016-02-01 | 2016-02-29",
        "2014 | 2014-01-01 | 2014-12-31",
        "2013-2015 | 2013-01-01 | 2015-12-31",
        "c.2015-16 | 2015-01-01 | 2016-12-31",
        "2017-06-01/05 | 2017-06-01 | 2017-06-05",
        "2017-02/03 | 2017-02-01 | 2017-03-31",
        "2017 (spring) | 2017-01-01 | 2017-12-31",
        "2015-10 (quoted 2016-06-30) | 2015-10-01 | 2015-10-31",
        "2016-02-09 (assessment); Aftenposten summary 2016-11 | 2016-02-09 | 2016-02-09",
        "c.2016-11-01 | 2016-11-01 | 2016-11-01",
        "2014-late | 2014-01-01 | 2014-12-31",
      })
  void readsTheLeadingDate(String text, LocalDate first, LocalDate last) {
    PartialDate date = PartialDate.parse(text);

    assertThat(date.known()).isTrue();
    assertThat(date.first()).isEqualTo(first);
    assertThat(date.last()).isEqualTo(last);
    assertThat(date.text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"unknown", "unknown (c. 2014)", "peak", "spring 2015 to snapshot", "2015-13-01"})
  void leavesOtherTextsUnknown(String text) {
    PartialDate date = PartialDate.parse(text);

    assertThat(date.known()).isFalse();
    assertThat(date.first()).isNull();
    assertThat(date.text()).isEqualTo(text);
  }

  @Test
  void marksApproximateDates() {
    assertThat(PartialDate.parse("c.2016-08").approximate()).isTrue();
    assertThat(PartialDate.parse("2016-08").approximate()).isFalse();
  }
}
