package org.dispersal.output.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesAFieldWithACommaQuoteCarriageReturnOrLineFeed() {
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("one\rtwo")).isEqualTo("\"one\rtwo\"");
    assertThat(Csv.field("one\ntwo")).isEqualTo("\"one\ntwo\"");
    assertThat(Csv.field("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
  }

  @Test
  void leavesOtherFieldsAsTheyAre() {
    assertThat(Csv.field("Raqqa; Deir ez-Zor 'east'")).isEqualTo("Raqqa; Deir ez-Zor 'east'");
    assertThat(Csv.field("")).isEmpty();
    assertThat(Csv.field(null)).isEmpty();
  }

  @Test
  void aLineJoinsQuotedFieldsAndEndsWithALineFeed() {
    assertThat(Csv.line("FRA", "France, metropolitan", "", "12.5"))
        .isEqualTo("FRA,\"France, metropolitan\",,12.5\n");
    assertThat(Csv.line(Arrays.asList("a", null))).isEqualTo("a,\n");
  }
}
