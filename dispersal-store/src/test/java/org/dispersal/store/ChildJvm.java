package org.dispersal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM on the test's own class path, for tests that kill a process part way (a store
 * mid-write, a command-line forecast) and check what the next one finds. The command line's tests
 * use it too (the store's test jar).
 *
 * <p>DuckDB's driver copies its 70 MB native library into the temporary folder and deletes it at a
 * normal exit, so every child killed with its store open left one behind in {@code /tmp}. Children
 * get their own temporary folder under {@code target/} instead, emptied of earlier children's
 * libraries before each start.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /** A process that runs {@code main} with {@code args} in a JVM of at most 512 MB of heap. */
  public static ProcessBuilder of(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx512m",
            "-Djava.io.tmpdir=" + temporaryFolder(),
            "-cp",
            System.getProperty("java.class.path"),
            main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** The children's temporary folder, without the libraries earlier children left there. */
  private static Path temporaryFolder() {
    Path folder = Path.of("target", "child-jvm-tmp").toAbsolutePath();
    try {
      Files.createDirectories(folder);
      try (DirectoryStream<Path> left = Files.newDirectoryStream(folder, "libduckdb_java*.so")) {
        for (Path p : left) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
