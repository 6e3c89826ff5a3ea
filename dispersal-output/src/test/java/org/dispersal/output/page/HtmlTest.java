package org.dispersal.output.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesAllFiveCharacters() {
    assertThat(Html.esc("&<>\"'")).isEqualTo("&amp;&lt;&gt;&quot;&#39;");
    assertThat(Html.esc("<b onclick='x()'>\"R&D\"</b>"))
        .isEqualTo("&lt;b onclick=&#39;x()&#39;&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
  }

  @Test
  void leavesOtherTextAloneAndNullEmpty() {
    assertThat(Html.esc("Syria – Raqqa, 2017 ✓")).isEqualTo("Syria – Raqqa, 2017 ✓");
    assertThat(Html.esc("")).isEmpty();
    assertThat(Html.esc(null)).isEmpty();
  }
}
