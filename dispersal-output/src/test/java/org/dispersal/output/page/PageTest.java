package org.dispersal.output.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page hands back the hashes of its inline code. The expected hashes were computed outside Java
 * (Python's hashlib, base64 of the SHA-256 of the UTF-8 text), so the test does not repeat the code
 * it checks: {@code "\n var x = 1;\n"}, {@code "width:5%"} and {@code content:"a&b"}.
 */
class PageTest {

  private static final String SCRIPT = "'sha256-ewfns+SVvcruFIDpkpKfZ2rZ91IJBqrdpyD859Asdo4='";
  private static final String WIDTH = "'sha256-g7TjfyQeK41uaP4TMhNgOd8QBpUCXofUCBgm12yYSkA='";
  private static final String CONTENT = "'sha256-SxdO1OyRfwFS74FDBg3+s2iX0mNyLcsrBWoXFqcIDT4='";

  @TempDir Path tmp;

  private static Page sample() {
    Page page = new Page("A <title>").masthead("Kicker", "Heading & more", "Lede 'quoted'");
    page.raw("<div" + page.style("width:5%") + ">a</div>")
        .raw("<span" + page.style("width:5%") + ">b</span>")
        .raw("<i" + page.style("content:\"a&b\"") + ">c</i>")
        .footer("made here")
        .script("\n var x = 1;\n");
    return page;
  }

  @Test
  void handsBackTheHashesOfItsScriptSheetAndDistinctStyleAttributes() {
    InlineHashes h = sample().hashes();
    assertThat(h.scripts()).containsExactly(SCRIPT);
    assertThat(h.sheets()).containsExactly(InlineHashes.of(StyleSheet.CSS));
    assertThat(h.attributes()).containsExactly(WIDTH, CONTENT);
  }

  @Test
  void theHashedTextIsWhatThePageHolds() {
    String html = sample().html();
    assertThat(html)
        .contains("<style>" + StyleSheet.CSS + "</style>")
        .contains("<script>\n var x = 1;\n</script>")
        .contains("style=\"content:&quot;a&amp;b&quot;\"")
        .contains("<title>A &lt;title&gt;</title>")
        .contains("<h1>Heading &amp; more</h1>")
        .contains("Lede &#39;quoted&#39;")
        .contains("<footer>made here</footer>");
  }

  @Test
  void writesThePageAndItsSidecar() throws Exception {
    Path file = tmp.resolve("x.html");
    InlineHashes written = sample().write(file);
    assertThat(Files.readString(file)).isEqualTo(sample().html());
    Path sidecar = tmp.resolve("x.html.csp");
    assertThat(Page.sidecar(file)).isEqualTo(sidecar);
    assertThat(Files.readAllLines(sidecar))
        .containsExactly(
            "script-src " + SCRIPT,
            "style-src-elem " + InlineHashes.of(StyleSheet.CSS),
            "style-src-attr " + WIDTH + " " + CONTENT);
    assertThat(InlineHashes.parse(Files.readString(sidecar))).isEqualTo(written);
  }

  @Test
  void aPageWithoutScriptOrStyleAttributesListsNone() {
    InlineHashes h = new Page("plain").raw("<p>plain</p>").hashes();
    assertThat(h.scripts()).isEmpty();
    assertThat(h.attributes()).isEmpty();
    assertThat(h.sidecar())
        .startsWith("script-src\nstyle-src-elem 'sha256-")
        .endsWith("\nstyle-src-attr\n");
  }

  @Test
  void aScriptCannotCloseItsElement() {
    assertThatThrownBy(() -> new Page("x").script("a = '</SCRIPT><b>'"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSidecarHoldsOnlyHashSources() {
    assertThatThrownBy(() -> new InlineHashes(List.of("'unsafe-inline'"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InlineHashes.parse("script-src *\nstyle-src-elem\nstyle-src-attr"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InlineHashes.parse("style-src-elem\nscript-src\nstyle-src-attr"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
