package org.dispersal.cli;

import org.dispersal.store.Store;
import picocli.CommandLine.Option;

/** The {@code --db} option: which run store a command opens. */
final class DatabaseOption {

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "JDBC URL of the run store: jdbc:duckdb:FILE or jdbc:postgresql://HOST:PORT/DB?user=U"
              + " (default: jdbc:duckdb:$DISPERSAL_HOME/dispersal.duckdb, DISPERSAL_HOME"
              + " defaulting to ~/.dispersal).")
  String db;

  /** The URL given, or the default store's. */
  String url() {
    return db != null ? db : Store.defaultUrl();
  }
}
