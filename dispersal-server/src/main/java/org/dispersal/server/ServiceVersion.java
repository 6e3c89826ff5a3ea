package org.dispersal.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program version, from the build, for {@code /api/health} and run manifests. */
public final class ServiceVersion {

  private static final String VERSION = load();

  private ServiceVersion() {}

  /** The version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in =
        ServiceVersion.class.getResourceAsStream("/org/dispersal/server/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
