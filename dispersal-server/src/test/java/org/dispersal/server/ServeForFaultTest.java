package org.dispersal.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.dispersal.app.ScenarioInput;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.store.StoredRun;
import org.dispersal.store.StoredScenario;

/**
 * The service as {@code dispersal serve} runs it, for scripts/faulttest.sh: starts on an ephemeral
 * loopback port with the test admin and no request rate limit, writes the port to a file, and stops
 * from a shutdown hook that calls {@link DispersalServer#close}, as the command's does.
 *
 * <p>Arguments: {@code PORT_FILE JDBC_URL [OOM_RUN_FILE]}. With the third, before writing the port
 * it queues, for the admin through the queue (the test seam of {@link RunLimitsContract}), a run of
 * isis-2017 whose execution throws {@link OutOfMemoryError}, and writes that run's id to the file:
 * the out-of-memory case of {@code scripts/faulttest.sh --oom}.
 */
public final class ServeForFaultTest {

  private ServeForFaultTest() {}

  /** Starts the service and waits for the JVM to be told to stop. */
  public static void main(String[] args) throws Exception {
    ServerConfig config =
        ServerConfig.defaults(args[1])
            .withAddress("127.0.0.1", 0)
            .withAdminPassword(TestServers.ADMIN_PASSWORD)
            .withRequestRate(0, 1);
    DispersalServer server = DispersalServer.start(config);
    CountDownLatch stopped = server.closeOnShutdown();
    if (args.length > 2) {
      Files.writeString(
          Path.of(args[2]), Long.toString(outOfMemoryRun(server).id()), StandardCharsets.UTF_8);
    }
    Path port = Path.of(args[0]);
    Path partial = Path.of(args[0] + ".part");
    Files.writeString(partial, Integer.toString(server.port()), StandardCharsets.UTF_8);
    Files.move(partial, port);
    stopped.await();
  }

  /** Queues, as the admin, a run of isis-2017 that throws OutOfMemoryError when it executes. */
  private static StoredRun outOfMemoryRun(DispersalServer server) {
    StoredScenario isis =
        server.store().scenarios().list().stream()
            .filter(s -> s.name().equals("isis-2017"))
            .findFirst()
            .orElseThrow();
    var input =
        new ScenarioInput(new ScenarioLibrary().parse(isis.yaml(), isis.name()), isis.yaml());
    long admin = server.store().users().find("admin").orElseThrow().id();
    return server
        .queue()
        .submit(
            "admin",
            admin,
            isis,
            new RunLimitsContract.Throwing(input, new OutOfMemoryError("Java heap space")),
            null);
  }
}
