package org.dispersal.server.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder that lives for one call: the command line's writers write their files into it, and the
 * service keeps the bytes for the store. The folder and everything in it are deleted afterwards.
 */
final class TempFolder {

  /** Writes files into a folder and names them, in the order they are to be kept. */
  @FunctionalInterface
  interface Writer {
    List<String> write(Path folder) throws IOException;
  }

  private TempFolder() {}

  /**
   * Runs the writer in a new temporary folder and returns the bytes of the files it names, in the
   * order named.
   */
  static Map<String, byte[]> write(String prefix, Writer writer) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    try {
      List<String> names = writer.write(dir);
      Map<String, byte[]> out = new LinkedHashMap<>();
      for (String name : names) {
        out.put(name, Files.readAllBytes(dir.resolve(name)));
      }
      return out;
    } finally {
      delete(dir);
    }
  }

  /** Deletes a folder with the files in it. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
