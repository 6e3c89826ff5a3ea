package org.dispersal.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a run computed: a forecast, a calibration, a hindcast, a comparison of scenarios, a
 * sensitivity analysis, a threat outlook, a hypothesis update or an indicator screening. Stored and
 * shown in lower case ({@link #id()}); the store's CHECK constraint on {@code runs.kind} names the
 * same ids.
 */
public enum RunKind {
  FORECAST,
  CALIBRATION,
  HINDCAST,
  COMPARISON,
  SENSITIVITY,
  THREAT,
  UPDATE,
  SCREENING;

  /** The lower-case name used in the database, JSON and the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The file that holds a run's table when it keeps no summary rows: {@code threat.csv} for a
   * threat outlook, {@code update.csv} for a hypothesis update; null for every other kind.
   */
  public String tableFile() {
    return this == THREAT || this == UPDATE ? id() + ".csv" : null;
  }

  /**
   * The table a run of this kind exports ({@code dispersal export}): {@code compare.csv} for a
   * comparison, {@code hindcast.csv}, {@code posterior.csv} for a calibration, {@code
   * sensitivity.csv}, {@code screening.csv}, {@code threat.csv}, {@code update.csv}; null for a
   * forecast, which exports its summary rows.
   */
  public String exportTable() {
    return switch (this) {
      case FORECAST -> null;
      case CALIBRATION -> "posterior.csv";
      case HINDCAST -> "hindcast.csv";
      case COMPARISON -> "compare.csv";
      case SENSITIVITY -> "sensitivity.csv";
      case THREAT -> "threat.csv";
      case UPDATE -> "update.csv";
      case SCREENING -> "screening.csv";
    };
  }

  /**
   * The file of a run's HTML report: {@code report.html} for a forecast, {@code compare.html} for a
   * comparison, and the kind's id for every other kind ({@code hindcast.html}, {@code
   * calibration.html}, {@code sensitivity.html}, {@code screening.html}, {@code threat.html},
   * {@code update.html}).
   */
  public String reportFile() {
    return switch (this) {
      case FORECAST -> "report.html";
      case COMPARISON -> "compare.html";
      default -> id() + ".html";
    };
  }

  /**
   * The kind with the given id.
   *
   * @throws StoreException for an unknown id, naming the known ones
   */
  public static RunKind of(String id) {
    for (RunKind k : values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw new StoreException("unknown run kind '" + id + "': use " + ids());
  }

  /** Every id, comma-separated, in declaration order. */
  public static String ids() {
    return Arrays.stream(values()).map(RunKind::id).collect(Collectors.joining(", "));
  }
}
