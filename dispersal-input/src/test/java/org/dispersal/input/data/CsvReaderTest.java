package org.dispersal.input.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReaderTest {

  private static final String HEADER = "iso3,source_id,fighters_low,notes\n";

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
    CsvTable table =
        CsvReader.parse(
            "t.csv",
            HEADER
                + "TUN,TSG2015,6000,\"value as given, in \"\"Wikipedia\"\"\"\n"
                + "FRA,ICCT2016,900,\"first line\nsecond line\"\n"
                + "BEL,BE_2016_08,457,");

    assertThat(table.header()).containsExactly("iso3", "source_id", "fighters_low", "notes");
    assertThat(table.rows()).hasSize(3);
    assertThat(table.rows().get(0).text("notes")).isEqualTo("value as given, in \"Wikipedia\"");
    assertThat(table.rows().get(1).text("notes")).isEqualTo("first line\nsecond line");
    assertThat(table.rows().get(2).text("notes")).isEmpty();
    assertThat(table.rows().get(2).wholeNumber("fighters_low")).isEqualTo(457);
  }

  @Test
  void countsLinesAcrossMultiLineRecordsAndAcceptsCrlfAndBom() {
    CsvTable table =
        CsvReader.parse(
            "t.csv", "\uFEFF" + HEADER.replace("\n", "\r\n") + "A,S,1,\"x\r\ny\"\r\nB,S,2,z\r\n");

    assertThat(table.header().get(0)).isEqualTo("iso3");
    assertThat(table.rows().get(0).line()).isEqualTo(2);
    assertThat(table.rows().get(0).text("notes")).isEqualTo("x\r\ny");
    assertThat(table.rows().get(1).line()).isEqualTo(4);
  }

  @Test
  void readsFromAReader() {
    CsvTable table = CsvReader.read("t.csv", new StringReader(HEADER + "A,S,,n\n"));

    assertThat(table.rows().get(0).wholeNumber("fighters_low")).isNull();
  }

  @Test
  void rejectsARecordWithTooFewFields() {
    assertThatThrownBy(
            () -> CsvReader.parse("fighters_by_country.csv", HEADER + "A,S,1,n\nB,S,2\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "fighters_by_country.csv:3: field notes: missing (the record has 3 fields, the header 4)")
        .satisfies(
            e -> {
              DataException d = (DataException) e;
              assertThat(d.fileName()).isEqualTo("fighters_by_country.csv");
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.field()).isEqualTo("notes");
            });
  }

  /**
   * Records the reader rejects, each with the exact message: too many fields, a quote never closed
   * (reported at the line where it opens), text after a closing quote, a bare carriage return.
   */
  static Stream<Arguments> malformedRecords() {
    return Stream.of(
        Arguments.of(
            "t.csv",
            HEADER + "A,S,1,n,extra\n",
            "t.csv:2: field #5: unexpected (the record has 5 fields, the header 4)"),
        Arguments.of(
            "sources.csv",
            HEADER + "A,S,1,n\nB,S,2,\"never closed\nC,S,3,n\n",
            "sources.csv:3: field notes: unterminated quoted field"),
        Arguments.of(
            "t.csv",
            HEADER + "A,\"S\"x,1,n\n",
            "t.csv:2: field source_id: text after the closing quote: 'x,1,n'"),
        Arguments.of(
            "t.csv",
            HEADER + "A,S\r,1,n\n",
            "t.csv:2: field source_id: carriage return without line feed"));
  }

  @ParameterizedTest
  @MethodSource("malformedRecords")
  void rejectsAMalformedRecord(String file, String text, String message) {
    assertThatThrownBy(() -> CsvReader.parse(file, text))
        .isInstanceOf(DataException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsABlankLineInsideTheFile() {
    assertThatThrownBy(() -> CsvReader.parse("t.csv", HEADER + "A,S,1,n\n\nB,S,2,n\n"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("t.csv:3: field source_id: missing");
  }

  @Test
  void rejectsANonNumericCount() {
    CsvTable table = CsvReader.parse("fighters_by_country.csv", HEADER + "A,S,1,n\nB,S,abc,n\n");
    CsvRow row = table.rows().get(1);

    assertThatThrownBy(() -> row.wholeNumber("fighters_low"))
        .isInstanceOf(DataException.class)
        .hasMessage("fighters_by_country.csv:3: field fighters_low: 'abc' is not a whole number");
  }

  @Test
  void rejectsSignsSpacesAndOverflowInCounts() {
    CsvTable table = CsvReader.parse("t.csv", HEADER + "A,S,-1,n\nA,S, 2,n\nA,S,99999999999,n\n");

    assertThatThrownBy(() -> table.rows().get(0).wholeNumber("fighters_low"))
        .hasMessage("t.csv:2: field fighters_low: '-1' is not a whole number");
    assertThatThrownBy(() -> table.rows().get(1).wholeNumber("fighters_low"))
        .hasMessage("t.csv:3: field fighters_low: ' 2' is not a whole number");
    assertThatThrownBy(() -> table.rows().get(2).wholeNumber("fighters_low"))
        .hasMessage("t.csv:4: field fighters_low: '99999999999' is too large");
  }

  @Test
  void rejectsAQuoteInsideAnUnquotedField() {
    assertThatThrownBy(() -> CsvReader.parse("t.csv", HEADER + "A,S,1,say \"hi\"\n"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("t.csv:2: field notes: quote inside an unquoted field");
  }

  @Test
  void rejectsBadHeaders() {
    assertThatThrownBy(() -> CsvReader.parse("t.csv", ""))
        .hasMessage("t.csv:1: the file is empty (a header is required)");
    assertThatThrownBy(() -> CsvReader.parse("t.csv", "a,,c\n"))
        .hasMessage("t.csv:1: field #2: blank column name");
    assertThatThrownBy(() -> CsvReader.parse("t.csv", "a,b,a\n"))
        .hasMessage("t.csv:1: field a: repeated column name");
    assertThatThrownBy(() -> CsvReader.parse("t.csv", "a,b\n").requireColumns("a", "c"))
        .hasMessage("t.csv:1: field c: missing column");
  }

  @Test
  void checksRequiredAndYesNoValues() {
    CsvTable table = CsvReader.parse("t.csv", "id,known\n,yes\nX,maybe\n");

    assertThatThrownBy(() -> table.rows().get(0).required("id"))
        .hasMessage("t.csv:2: field id: is empty");
    assertThat(table.rows().get(0).yesNo("known")).isTrue();
    assertThatThrownBy(() -> table.rows().get(1).yesNo("known"))
        .hasMessage("t.csv:3: field known: 'maybe' is not yes or no");
  }
}
