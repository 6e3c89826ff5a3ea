package org.dispersal.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.output.forecast.SummaryCsv;

/** SHA-256 of what users compare: summary.csv as the forecast command writes it. */
final class Hashes {

  private Hashes() {}

  /** The SHA-256 of a file. */
  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of the summary.csv a summary gives. */
  static String summaryCsv(EnsembleSummary summary, Path dir, String name) throws IOException {
    Path file = dir.resolve(name + "-summary.csv");
    SummaryCsv.write(summary, summary.model().scenario().start(), file);
    return sha256(file);
  }
}
