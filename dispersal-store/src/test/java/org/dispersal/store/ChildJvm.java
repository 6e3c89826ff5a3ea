package org.dispersal.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM on the test's own class path, for tests that kill a process part way (a store
 * mid-write, a command-line forecast) and check what the next one finds. The command line's tests
 * use it too (the store's test jar).
 */
public final class ChildJvm {

  private ChildJvm() {}

  /** A process that runs {@code main} with {@code args} in a JVM of at most 512 MB of heap. */
  public static ProcessBuilder of(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
