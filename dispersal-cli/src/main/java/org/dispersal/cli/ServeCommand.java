package org.dispersal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dispersal.server.DispersalServer;
import org.dispersal.server.ServerConfig;
import org.dispersal.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal serve}: the web service (JSON API under /api, dashboard at /) over the run
 * store, until the process is stopped.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the web service: the dashboard at / and the JSON API under /api.",
      "The first admin: set DISPERSAL_ADMIN_PASSWORD (creates user 'admin'), or open the"
          + " one-time setup link printed at start."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "" + ServerConfig.DEFAULT_PORT,
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Mixin DatabaseOption database;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
  String bind;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      defaultValue = "600",
      description =
          "API requests per user per minute on average; 0 for no limit (default: ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(
      names = "--concurrent-runs",
      paramLabel = "N",
      defaultValue = "1",
      description = "Forecasts executed at the same time (default: ${DEFAULT-VALUE}).")
  int concurrentRuns;

  @Option(
      names = "--secure-cookies",
      description = "Mark the session cookie Secure even on plain http (behind a TLS proxy).")
  boolean secureCookies;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UserException("--port must be between 0 and 65535, not " + port);
    }
    if (rateLimit < 0) {
      throw new UserException("--rate-limit must be 0 or more, not " + rateLimit);
    }
    if (concurrentRuns < 1 || concurrentRuns > 64) {
      throw new UserException("--concurrent-runs must be between 1 and 64, not " + concurrentRuns);
    }
    String url = database.url();
    ServerConfig defaults = ServerConfig.defaults(url);
    ServerConfig config =
        defaults
            .withAddress(bind, port)
            .withAdminPassword(System.getenv("DISPERSAL_ADMIN_PASSWORD"))
            .withSecureCookies(secureCookies)
            .withRequestRate(rateLimit, defaults.requestBurst())
            .withRunLimits(
                defaults.maxRunSize(),
                defaults.maxReplications(),
                concurrentRuns,
                defaults.queueLimit());
    DispersalServer server;
    try {
      server = DispersalServer.start(config);
    } catch (StoreException e) {
      throw new UserException(e.getMessage());
    } catch (RuntimeException e) {
      if (e.getCause() instanceof java.net.BindException) {
        throw new UserException(
            "cannot listen on " + bind + ":" + port + ": " + e.getCause().getMessage());
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    String host = "0.0.0.0".equals(bind) ? "127.0.0.1" : bind;
    out.println("Dispersal is serving http://" + host + ":" + server.port() + "/");
    out.println("Store: " + redact(url));
    if (server.interruptedRuns() > 0) {
      out.println(
          server.interruptedRuns()
              + " runs left unfinished by an earlier process were marked failed.");
    }
    server
        .createdAdmin()
        .ifPresent(
            name ->
                out.println(
                    "Created the first admin: user '"
                        + name
                        + "', with the password in DISPERSAL_ADMIN_PASSWORD."));
    server
        .setupLink()
        .ifPresent(
            link ->
                out.println(
                    "No admin exists yet. Open this link once to create one (or set"
                        + " DISPERSAL_ADMIN_PASSWORD):\n  "
                        + link));
    out.println("Stop with Ctrl+C.");
    out.flush();
    server.closeOnShutdown().await();
    return 0;
  }

  /** The URL without a password. */
  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
