package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.dispersal.assimilation.Assimilation;
import org.junit.jupiter.api.Test;

/**
 * The {@code filter} field of a forecast as of a date ({@link RunSubmissions#filter}): the two
 * names the command line's {@code --filter} takes, null for the request's default, and anything
 * else refused in one line that names the field and the allowed values without echoing a long value
 * or control characters back.
 */
class SubmissionFilterTest {

  @Test
  void readsTheCommandLinesNames() {
    assertThat(RunSubmissions.filter("monthly")).isEqualTo(Assimilation.Filter.MONTHLY);
    assertThat(RunSubmissions.filter("one-step")).isEqualTo(Assimilation.Filter.ONE_STEP);
    assertThat(RunSubmissions.filter(null)).isNull();
  }

  @Test
  void refusesAnUnknownNameNamingTheFieldAndTheValues() {
    for (String bad : new String[] {"", "Monthly", "one_step", " monthly", "kalman"}) {
      ApiException e = catchThrowableOfType(() -> RunSubmissions.filter(bad), ApiException.class);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errors()).hasSize(1);
      assertThat(e.errors().get(0).field()).isEqualTo("filter");
      assertThat(e.getMessage())
          .isEqualTo("filter: must be monthly or one-step, not '" + bad + "'")
          .doesNotContain("\n");
    }
  }

  @Test
  void quotesAtMostFortyCharactersOfAHugeValue() {
    String huge = "m".repeat(500_000);
    ApiException e = catchThrowableOfType(() -> RunSubmissions.filter(huge), ApiException.class);
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage())
        .isEqualTo(
            "filter: must be monthly or one-step, not '"
                + "m".repeat(RunSubmissions.QUOTED_FILTER)
                + "... (500000 characters)'");
  }

  @Test
  void replacesControlCharactersInTheQuote() {
    ApiException e =
        catchThrowableOfType(() -> RunSubmissions.filter("a\nb\u0000c"), ApiException.class);
    assertThat(e.getMessage()).isEqualTo("filter: must be monthly or one-step, not 'a?b?c'");
  }
}
