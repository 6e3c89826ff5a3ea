package org.dispersal.store;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;
import org.duckdb.DuckDBDriver;

/**
 * Finds DuckDB's native library before DuckDB's driver loads it, so that a missing library costs a
 * one-line {@link StoreException} instead of DuckDB's stack trace and an {@code
 * ExceptionInInitializerError}. DuckDB's JDBC driver (2.0) looks in three places, in this order:
 * the resource {@code /libduckdb_java.so_<os>_<arch>} on the class path (which it inflates into a
 * temporary file at every start), {@code duckdb_java} on {@code java.library.path}, and the file
 * {@code libduckdb_java.so_<os>_<arch>} in the folder of the jar that holds the driver. {@code
 * dispersal.jar} leaves the libraries out and the build puts them next to it (docs/STORE.md, "The
 * native library"), so the command line loads the library in place; the tests find it inside
 * DuckDB's own jar.
 */
final class DuckDbLibrary {

  /** Set once the library was found; it stays loaded for the life of the JVM. */
  private static volatile boolean found;

  private DuckDbLibrary() {}

  /** Returns when DuckDB's driver will find its native library; throws a one-line error if not. */
  static void require() {
    if (found) {
      return;
    }
    String name = fileName(System.getProperty("os.name"), System.getProperty("os.arch"));
    Path dir = driverFolder();
    if (DuckDBDriver.class.getClassLoader().getResource(name) != null
        || onLibraryPath(System.mapLibraryName("duckdb_java"))
        || (dir != null && Files.isRegularFile(dir.resolve(name)))) {
      found = true;
      return;
    }
    throw new StoreException(
        "cannot open the embedded store: DuckDB's native library "
            + name
            + " is not "
            + (dir == null ? "on the class path" : "in " + dir)
            + " (the build puts it next to dispersal.jar in dispersal-cli/target: copy the two"
            + " together)");
  }

  /** The name DuckDB's driver gives its library on this operating system and processor. */
  static String fileName(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT).trim();
    if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.startsWith("mac")) {
      os = "macos";
    } else if (os.startsWith("linux")) {
      os = "linux";
    } else {
      os = os.replaceAll("[^a-z0-9_\\-.]", "");
    }
    String arch = osArch.toLowerCase(Locale.ROOT).trim();
    arch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch.replaceAll("[^a-z0-9_\\-.]", "");
        };
    return "libduckdb_java.so_" + os + "_" + arch;
  }

  private static boolean onLibraryPath(String file) {
    String path = System.getProperty("java.library.path", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, file))) {
        return true;
      }
    }
    return false;
  }

  /** The real folder of the jar (or class folder) DuckDB's driver was loaded from, or null. */
  private static Path driverFolder() {
    try {
      CodeSource source = DuckDBDriver.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path parent = Path.of(source.getLocation().toURI()).getParent();
      return parent == null ? null : parent.toRealPath();
    } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
