package org.dispersal.output.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.dispersal.input.data.CsvReader;
import org.dispersal.input.data.CsvRow;

/**
 * What the cited source ids stand for, from the shipped tables: the data sources ({@code
 * data/sources.csv}: title, organisation, date) and the literature behind the priors ({@code
 * priors/literature.csv}: the citation) and the sources of the historical scenarios ({@code
 * data/history/*-sources.csv}: title, author, publisher, date). Locations and links are left out,
 * so the report keeps no reference to anything outside itself.
 */
public final class Citations {

  private static final String SOURCES = "org/dispersal/data/sources.csv";
  private static final String LITERATURE = "org/dispersal/priors/literature.csv";
  private static final String MALI_2013 = "org/dispersal/data/history/mali-2013-sources.csv";

  private Citations() {}

  /** A description by source id; a table missing from the classpath adds nothing. */
  public static Map<String, String> shipped() {
    Map<String, String> out = new LinkedHashMap<>();
    read(
        SOURCES,
        out,
        row ->
            row.text("title")
                + " ("
                + row.text("organisation")
                + ", "
                + row.text("published")
                + ")");
    read(LITERATURE, out, row -> row.text("citation"));
    read(
        MALI_2013,
        out,
        row ->
            row.text("title")
                + " ("
                + row.text("author")
                + ", "
                + row.text("publisher")
                + ", "
                + row.text("published")
                + ")");
    return out;
  }

  private static void read(
      String resource, Map<String, String> out, Function<CsvRow, String> describe) {
    String file = resource.substring(resource.lastIndexOf('/') + 1);
    try (InputStream in = Citations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return;
      }
      for (CsvRow row :
          CsvReader.read(file, new InputStreamReader(in, StandardCharsets.UTF_8)).rows()) {
        out.putIfAbsent(row.required("source_id"), describe.apply(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
