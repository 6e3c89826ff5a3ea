package org.dispersal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing cache ({@code ./dispersal}, {@code cds_opts}): the first run of
 * a command writes an archive under a name of its own, the next one takes it and later ones use it;
 * a truncated archive, a rebuilt jar, another java and an unwritable cache leave the command's
 * output as it was. Run on a small jar of its own ({@link Probe}) through {@code DISPERSAL_JAR}.
 */
class LauncherCdsTest {

  private static final Path LAUNCHER = Path.of("..", "dispersal").toAbsolutePath().normalize();

  /** The probe's command line: prints what it was given. */
  public static final class Probe {
    public static void main(String[] args) {
      System.out.println("probe " + String.join(" ", args));
    }
  }

  @Test
  void theFirstRunWritesTheArchiveTheNextTakesItAndLaterOnesUseIt(@TempDir Path dir)
      throws Exception {
    Path jar = probeJar(dir.resolve("probe.jar"));
    Path cache = dir.resolve("cache");
    assertThat(run(jar, cache, "forecast", "--runs", "2")).isEqualTo("probe forecast --runs 2");
    assertThat(archives(cache)).singleElement().asString().contains("forecast-").contains(".tmp-");
    for (int i = 0; i < 2; i++) {
      assertThat(run(jar, cache, "forecast")).isEqualTo("probe forecast");
      assertThat(archives(cache)).singleElement().asString().endsWith(".jsa");
    }
    // Another command has an archive of its own.
    run(jar, cache, "scenarios");
    run(jar, cache, "scenarios");
    assertThat(archives(cache)).hasSize(2).allMatch(a -> a.endsWith(".jsa"));
    // A rebuilt jar makes a new archive, which replaces the old one once it is taken.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertThat(run(jar, cache, "forecast")).isEqualTo("probe forecast");
    assertThat(run(jar, cache, "forecast")).isEqualTo("probe forecast");
    assertThat(archives(cache)).hasSize(2).allMatch(a -> a.endsWith(".jsa"));
  }

  @Test
  void aTruncatedArchiveIsDroppedAndTheCommandRunsAsBefore(@TempDir Path dir) throws Exception {
    Path jar = probeJar(dir.resolve("probe.jar"));
    Path cache = dir.resolve("cache");
    run(jar, cache, "forecast");
    Path written = cache.resolve("cds").resolve(archives(cache).get(0));
    // What a process killed while it wrote its archive leaves (mapping it would crash the JVM).
    byte[] bytes = Files.readAllBytes(written);
    Files.write(written, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertThat(run(jar, cache, "forecast")).isEqualTo("probe forecast");
    assertThat(archives(cache)).singleElement().asString().contains(".tmp-");
    assertThat(run(jar, cache, "forecast")).isEqualTo("probe forecast");
    assertThat(run(jar, cache, "forecast")).isEqualTo("probe forecast");
    assertThat(archives(cache)).singleElement().asString().endsWith(".jsa");
    assertThat(dir).isDirectoryNotContaining("glob:**/hs_err*");
  }

  @Test
  void anUnwritableCacheCostsOnlyTheSharing(@TempDir Path dir) throws Exception {
    Path jar = probeJar(dir.resolve("probe.jar"));
    Path notAFolder = Files.writeString(dir.resolve("file"), "");
    for (int i = 0; i < 2; i++) {
      assertThat(run(jar, notAFolder, "forecast")).isEqualTo("probe forecast");
    }
  }

  @Test
  void anotherJavaKeepsArchivesOfItsOwn(@TempDir Path dir) throws Exception {
    Path other = otherJava();
    org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "no second JDK installed");
    Path jar = probeJar(dir.resolve("probe.jar"));
    Path cache = dir.resolve("cache");
    for (int i = 0; i < 3; i++) {
      assertThat(runWith(jar, cache, null, "forecast")).isEqualTo("probe forecast");
      assertThat(runWith(jar, cache, other, "forecast")).isEqualTo("probe forecast");
    }
    assertThat(archives(cache)).hasSize(2).allMatch(a -> a.endsWith(".jsa"));
  }

  private static String run(Path jar, Path cache, String... args) throws Exception {
    return runWith(jar, cache, null, args);
  }

  /** Runs the launcher on the probe jar with java from {@code javaBin} (null: this JVM's). */
  private static String runWith(Path jar, Path cache, Path javaBin, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Path bin =
        javaBin != null ? javaBin : Path.of(System.getProperty("java.home"), "bin").toRealPath();
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("DISPERSAL_JAR", jar.toString());
    pb.environment().put("DISPERSAL_CACHE", cache.toString());
    pb.environment().remove("DISPERSAL_JAVA_OPTS");
    pb.directory(jar.getParent().toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /** The archives (and archives being written) in the cache, by file name. */
  private static List<String> archives(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("cds"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** A jar whose main class is {@link Probe}. */
  private static Path probeJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
    String entry = Probe.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = Probe.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  /** The bin folder of an installed JDK other than this one (Temurin 25 on the CI machine). */
  private static Path otherJava() throws IOException {
    Path self = Path.of(System.getProperty("java.home")).toRealPath();
    for (String root : List.of("/usr/lib/jvm", "/opt")) {
      Path r = Path.of(root);
      if (!Files.isDirectory(r)) {
        continue;
      }
      try (Stream<Path> jdks = Files.list(r)) {
        for (Path jdk : jdks.sorted().toList()) {
          Path java = jdk.resolve("bin").resolve("java");
          if (Files.isExecutable(java) && !jdk.toRealPath().equals(self)) {
            return java.getParent();
          }
        }
      }
    }
    return null;
  }
}
