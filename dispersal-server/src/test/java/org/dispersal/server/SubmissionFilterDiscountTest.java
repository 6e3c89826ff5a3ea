package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.dispersal.assimilation.LiuWest;
import org.junit.jupiter.api.Test;

/**
 * The {@code filterDiscount} field of a forecast as of a date ({@link
 * RunSubmissions#filterDiscount}): a number checked as {@code --filter-discount} checks it (by
 * {@link LiuWest#of}), the string {@code off}, null for the request's default, and anything else
 * refused in one line that names the field without echoing a long value or control characters.
 */
class SubmissionFilterDiscountTest {

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void readsANumberOffOrNothing() throws Exception {
    assertThat(RunSubmissions.filterDiscount(json("0.95")).discount()).isEqualTo(0.95);
    assertThat(RunSubmissions.filterDiscount(json("1")).discount()).isEqualTo(1.0);
    assertThat(RunSubmissions.filterDiscount(json("\"off\"")).off()).isTrue();
    assertThat(RunSubmissions.filterDiscount(json("0.98")).off()).isFalse();
    assertThat(RunSubmissions.filterDiscount(null)).isNull();
    assertThat(RunSubmissions.filterDiscount(NullNode.getInstance())).isNull();
  }

  @Test
  void refusesANumberOutsideTheRangeAsTheCommandLineDoes() throws Exception {
    for (String bad : new String[] {"0", "-0.5", "1.5", "0.2", "0.3333", "1.0000001", "1e400"}) {
      ApiException e =
          catchThrowableOfType(() -> RunSubmissions.filterDiscount(json(bad)), ApiException.class);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errors()).hasSize(1);
      assertThat(e.errors().get(0).field()).isEqualTo("filterDiscount");
      // The same words as --filter-discount's, from the one check in LiuWest.
      String liuWest =
          catchThrowableOfType(
                  () -> LiuWest.of(json(bad).doubleValue()), IllegalArgumentException.class)
              .getMessage();
      assertThat(e.getMessage()).isEqualTo("filterDiscount: " + liuWest).doesNotContain("\n");
    }
  }

  @Test
  void refusesEveryOtherTypeNamingTheFieldInOneShortLine() throws Exception {
    for (String bad :
        new String[] {
          "\"Off\"",
          "\"0.98\"",
          "\"\"",
          "true",
          "[0.98]",
          "{\"discount\":0.98}",
          "\"a\\nb\\u0000c\""
        }) {
      ApiException e =
          catchThrowableOfType(() -> RunSubmissions.filterDiscount(json(bad)), ApiException.class);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.errors().get(0).field()).isEqualTo("filterDiscount");
      assertThat(e.getMessage())
          .startsWith("filterDiscount: must be a number above 1/3 and at most 1")
          .contains("or 'off', not ")
          .doesNotContain("\n")
          .doesNotContain("\u0000");
    }
    String huge = "o".repeat(300_000);
    ApiException e =
        catchThrowableOfType(
            () -> RunSubmissions.filterDiscount(json("\"" + huge + "\"")), ApiException.class);
    assertThat(e.getMessage())
        .endsWith("not '" + "o".repeat(RunSubmissions.QUOTED_FILTER) + "... (300000 characters)'");
  }
}
