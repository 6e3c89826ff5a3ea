package org.dispersal.input.scenario;

/**
 * Where something was written: a file (or {@code --set} for a command-line override) and a 1-based
 * line and column. Line and column 0 mean that no position is known, as for a scenario built in
 * code.
 *
 * @param file the name shown to the user
 * @param line the 1-based line, or 0
 * @param column the 1-based column, or 0
 */
record Location(String file, int line, int column) {

  /** Validates the position. */
  Location {
    if (file == null || line < 0 || column < 0) {
      throw new IllegalArgumentException("location needs a file and a non-negative position");
    }
  }

  /** The start of a file. */
  static Location start(String file) {
    return new Location(file, 1, 1);
  }
}
