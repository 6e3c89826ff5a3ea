package org.dispersal.output.validation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.calibration.Posterior;
import org.dispersal.input.data.CsvReader;
import org.dispersal.input.data.CsvRow;
import org.dispersal.input.data.CsvTable;
import org.dispersal.input.data.DataException;

/**
 * The posterior sample file: {@code posterior.csv}, one row per particle, columns {@code weight}
 * then one per calibrated parameter (its name). Values are written with full precision so a
 * forecast from the file uses exactly the calibrated vectors.
 */
public final class PosteriorCsv {

  private PosteriorCsv() {}

  /** Writes a posterior. */
  public static void write(Posterior p, Path file) throws IOException {
    StringBuilder b = new StringBuilder("weight");
    for (String n : p.names()) {
      b.append(',').append(n);
    }
    b.append('\n');
    for (int i = 0; i < p.size(); i++) {
      b.append(Double.toString(p.weight(i)));
      for (int j = 0; j < p.names().size(); j++) {
        b.append(',').append(Double.toString(p.value(i, j)));
      }
      b.append('\n');
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  /** Reads a posterior; bad values are errors with the line and column. */
  public static Posterior read(Path file) {
    String name = file.getFileName().toString();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvTable t = CsvReader.read(name, r);
      if (t.header().isEmpty() || !t.header().get(0).equals("weight")) {
        throw new DataException(name, 1, null, "the first column must be weight");
      }
      List<String> names = t.header().subList(1, t.header().size());
      if (t.rows().isEmpty()) {
        throw new DataException(name, 2, null, "no particles");
      }
      double[][] values = new double[t.rows().size()][names.size()];
      double[] weights = new double[t.rows().size()];
      List<CsvRow> rows = new ArrayList<>(t.rows());
      for (int i = 0; i < rows.size(); i++) {
        CsvRow row = rows.get(i);
        weights[i] = number(row, "weight");
        if (weights[i] < 0) {
          throw row.error("weight", "is negative");
        }
        for (int j = 0; j < names.size(); j++) {
          values[i][j] = number(row, names.get(j));
        }
      }
      return new Posterior(names, values, weights);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static double number(CsvRow row, String field) {
    String s = row.required(field);
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw row.error(field, "'" + s + "' is not a finite number");
      }
      return v;
    } catch (NumberFormatException e) {
      throw row.error(field, "'" + s + "' is not a number");
    }
  }
}
