package org.dispersal.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The service as {@code dispersal serve} runs it, for scripts/faulttest.sh: starts on an ephemeral
 * loopback port with the test admin and no request rate limit, writes the port to a file, and stops
 * from a shutdown hook that calls {@link DispersalServer#close}, as the command's does.
 *
 * <p>Arguments: {@code PORT_FILE JDBC_URL}.
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
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "dispersal-serve-stop"));
    Path port = Path.of(args[0]);
    Path partial = Path.of(args[0] + ".part");
    Files.writeString(partial, Integer.toString(server.port()), StandardCharsets.UTF_8);
    Files.move(partial, port);
    stopped.await();
  }
}
