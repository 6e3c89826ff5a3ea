package org.dispersal.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The file formats a run's summary can be exported to, and safe names for exported files. */
public enum ExportFormat {
  /** The summary.csv format, byte for byte as the forecast wrote it. */
  CSV,
  /** Apache Parquet, ZSTD-compressed, written by DuckDB. */
  PARQUET,
  /** One JSON object: the run, its manifest and its rows. */
  JSON;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

  /** The lower-case name, also the file extension. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file name for a run's export: {@code run-ID-summary.EXT}. */
  public String fileName(long runId) {
    return "run-" + runId + "-summary." + id();
  }

  /** The format with the given name; throws {@link StoreException} naming the allowed ones. */
  public static ExportFormat of(String name) {
    for (ExportFormat f : values()) {
      if (f.id().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return f;
      }
    }
    throw new StoreException(
        "unknown export format '"
            + name
            + "': use "
            + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
  }

  /**
   * True for a plain file name that is safe to use in a folder or a download header: letters,
   * digits, dot, dash and underscore, not starting with a dot, at most 200 characters. Rejects path
   * separators, "..", and control characters.
   */
  public static boolean isSafeFileName(String name) {
    return name != null && SAFE.matcher(name).matches() && !name.contains("..");
  }
}
