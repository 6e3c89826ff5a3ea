package org.dispersal.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dispersal.app.Provenance;
import org.dispersal.server.ServiceVersion;
import picocli.CommandLine.IVersionProvider;

/** The code version: the build version and, when built from a git checkout, the commit. */
final class Versions implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"dispersal " + codeVersion()};
  }

  /** The version string recorded in manifests: the build's version, with the commit if known. */
  static String codeVersion() {
    String version = ServiceVersion.get();
    String commit = gitCommit();
    return commit.isEmpty() ? version : version + "+" + commit;
  }

  /** This program's code version and the shipped data's version, for manifests. */
  static Provenance provenance() {
    return Provenance.of(codeVersion());
  }

  /** The commit of the git checkout the jar was built in, or empty when there is none. */
  private static String gitCommit() {
    try {
      Path jar =
          Path.of(Versions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
        Path git = dir.resolve(".git");
        if (Files.isDirectory(git)) {
          String head = Files.readString(git.resolve("HEAD")).trim();
          if (head.startsWith("ref: ")) {
            Path ref = git.resolve(head.substring(5));
            return Files.exists(ref) ? Files.readString(ref).trim().substring(0, 12) : "";
          }
          return head.length() >= 12 ? head.substring(0, 12) : head;
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "";
    }
    return "";
  }
}
