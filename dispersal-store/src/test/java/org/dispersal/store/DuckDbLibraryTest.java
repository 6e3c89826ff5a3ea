package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's native library as {@code dispersal.jar} ships it (next to the jar, not inside): found
 * there, and a one-line error without DuckDB's stack trace when it is missing.
 */
class DuckDbLibraryTest {

  @Test
  void namesTheLibrariesAsDuckDbsJarDoes() {
    ClassLoader loader = DuckDBDriver.class.getClassLoader();
    for (String[] platform :
        new String[][] {
          {"Linux", "amd64"}, {"Linux", "aarch64"}, {"Mac OS X", "aarch64"}, {"Windows 11", "amd64"}
        }) {
      String name = DuckDbLibrary.fileName(platform[0], platform[1]);
      assertThat(loader.getResource(name)).as(name).isNotNull();
    }
    assertThat(DuckDbLibrary.fileName("Linux", "x86_64"))
        .isEqualTo("libduckdb_java.so_linux_amd64");
  }

  @Test
  void loadsTheLibraryNextToTheDriversJarAndSaysInOneLineWhenItIsMissing(@TempDir Path dir)
      throws Exception {
    Path duckDbJar = classPathEntry("duckdb_jdbc");
    Path folder = Files.createDirectories(dir.resolve("lib"));
    Path slim = folder.resolve("duckdb_jdbc.jar");
    String library =
        DuckDbLibrary.fileName(System.getProperty("os.name"), System.getProperty("os.arch"));
    try (ZipFile in = new ZipFile(duckDbJar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slim))) {
      for (ZipEntry e : Collections.list(in.entries())) {
        if (!e.getName().startsWith("libduckdb_java.so_")) {
          out.putNextEntry(new ZipEntry(e.getName()));
          try (InputStream bytes = in.getInputStream(e)) {
            bytes.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
    String classPath =
        System.getProperty("java.class.path").replace(duckDbJar.toString(), slim.toString());
    String url = "jdbc:duckdb:" + dir.resolve("store.duckdb");

    List<String> missing = open(classPath, url, dir.resolve("missing.log"));
    assertThat(missing)
        .containsExactly(
            "cannot open the embedded store: DuckDB's native library "
                + library
                + " is not in "
                + folder.toRealPath()
                + " (the build puts it next to dispersal.jar in dispersal-cli/target: copy the two"
                + " together)");

    try (ZipFile in = new ZipFile(duckDbJar.toFile());
        InputStream bytes = in.getInputStream(in.getEntry(library));
        OutputStream out = Files.newOutputStream(folder.resolve(library))) {
      bytes.transferTo(out);
    }
    assertThat(open(classPath, url, dir.resolve("found.log"))).contains("opened");
  }

  /** What a child JVM on the class path prints when it opens the store at the URL. */
  private static List<String> open(String classPath, String url, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-cp", classPath, OpenStore.class.getName(), url));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("SLF4J"))
        .toList();
  }

  private static Path classPathEntry(String part) throws IOException {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Path.of(entry).getFileName().toString().contains(part)) {
        return Path.of(entry);
      }
    }
    throw new IOException("no " + part + " on the class path");
  }

  /** Opens and closes the store at a URL: prints "opened", or the store's one-line error. */
  public static final class OpenStore {
    public static void main(String[] args) {
      try {
        Store.open(args[0]).close();
        System.out.println("opened");
      } catch (StoreException e) {
        System.out.println(e.getMessage());
      }
    }
  }
}
