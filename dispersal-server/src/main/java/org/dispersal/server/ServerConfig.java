package org.dispersal.server;

import java.time.Duration;

/**
 * How the service runs: where it listens, which store it opens, the first admin's password, and its
 * limits. {@link #defaults()} gives the values documented in docs/SERVICE.md; the {@code withX}
 * methods return changed copies.
 *
 * @param bind the address to listen on; 127.0.0.1 by default, so that only this machine can connect
 *     unless the operator chooses otherwise
 * @param port the TCP port; 0 picks a free one
 * @param databaseUrl the store's JDBC URL ({@code jdbc:duckdb:FILE} or {@code
 *     jdbc:postgresql://...})
 * @param adminPassword creates the user {@code admin} with this password when no admin exists; null
 *     to print a one-time setup link instead
 * @param secureCookies mark the session cookie Secure even on plain http (behind a TLS proxy)
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param maxRunSize the largest replications x cohorts of one run (413 beyond)
 * @param maxReplications the most replications of one run (422 beyond)
 * @param concurrentRuns runs executed at the same time
 * @param queueLimit runs waiting beyond those executing (503 beyond)
 * @param threadsPerRun worker threads of one run
 * @param runMemoryBytes the heap the runs executing at once may take together; a run whose
 *     estimated memory is over this divided by {@code concurrentRuns} is refused (413). By default
 *     {@value #RUN_MEMORY_PERCENT}% of the heap ({@link Runtime#maxMemory()}); the rest is for the
 *     web server, sessions, summary caches and exports
 * @param requestsPerMinute API requests per user per minute on average; 0 for no limit
 * @param requestBurst API requests a user may make at once
 * @param maxEventStreams open progress streams in all (429 beyond)
 * @param maxEventStreamsPerUser open progress streams of one user (429 beyond)
 * @param loginWindow how long a failed login counts against its client address
 * @param loginFailuresPerUser failed logins of one pair of user name and client address before its
 *     back-off starts ({@link org.dispersal.server.security.LoginThrottle})
 * @param loginFailuresPerAddress failed logins from one client address, over all names, within the
 *     window before that address waits
 * @param sessionIdle how long an unused session lives
 * @param sessionLifetime how long any session lives
 */
public record ServerConfig(
    String bind,
    int port,
    String databaseUrl,
    String adminPassword,
    boolean secureCookies,
    long maxBodyBytes,
    long maxRunSize,
    int maxReplications,
    int concurrentRuns,
    int queueLimit,
    int threadsPerRun,
    long runMemoryBytes,
    int requestsPerMinute,
    int requestBurst,
    int maxEventStreams,
    int maxEventStreamsPerUser,
    Duration loginWindow,
    int loginFailuresPerUser,
    int loginFailuresPerAddress,
    Duration sessionIdle,
    Duration sessionLifetime) {

  /** Default port of {@code dispersal serve}. */
  public static final int DEFAULT_PORT = 8080;

  /** The share of the heap given to runs by default, in percent. */
  public static final int RUN_MEMORY_PERCENT = 60;

  /** Checks the limits. */
  public ServerConfig {
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException("bind address is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    if (databaseUrl == null || !databaseUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("database URL must start with jdbc:, not " + databaseUrl);
    }
    if (maxBodyBytes < 1024
        || maxRunSize < 1
        || maxReplications < 1
        || concurrentRuns < 1
        || queueLimit < 0
        || threadsPerRun < 1
        || runMemoryBytes < 1
        || requestsPerMinute < 0
        || requestBurst < 1
        || maxEventStreams < 1
        || maxEventStreamsPerUser < 1
        || loginFailuresPerUser < 1
        || loginFailuresPerAddress < 1) {
      throw new IllegalArgumentException("a server limit is out of range: " + this);
    }
  }

  /**
   * The documented defaults: 127.0.0.1:8080, the store at {@code databaseUrl}, bodies up to 1 MiB,
   * runs up to 2,000,000 replication-cohorts and 20,000 replications, 1 run at a time with 8
   * waiting, 600 requests per user per minute with bursts of 120, 64 progress streams (8 per user),
   * 5 failed logins per name and 20 per address in 15 minutes, sessions idle 2 h or 12 h in all.
   *
   * @param databaseUrl the store's JDBC URL
   */
  public static ServerConfig defaults(String databaseUrl) {
    return new ServerConfig(
        "127.0.0.1",
        DEFAULT_PORT,
        databaseUrl,
        null,
        false,
        1 << 20,
        2_000_000L,
        20_000,
        1,
        8,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        Runtime.getRuntime().maxMemory() / 100 * RUN_MEMORY_PERCENT,
        600,
        120,
        64,
        8,
        Duration.ofMinutes(15),
        5,
        20,
        Duration.ofHours(2),
        Duration.ofHours(12));
  }

  /** The same with another address and port. */
  public ServerConfig withAddress(String newBind, int newPort) {
    Copy c = new Copy(this);
    c.bind = newBind;
    c.port = newPort;
    return c.build();
  }

  /** The same with a first admin password (null for the setup link). */
  public ServerConfig withAdminPassword(String password) {
    Copy c = new Copy(this);
    c.adminPassword = password;
    return c.build();
  }

  /** The same with the session cookie always marked Secure (for a service behind a TLS proxy). */
  public ServerConfig withSecureCookies(boolean secure) {
    Copy c = new Copy(this);
    c.secureCookies = secure;
    return c.build();
  }

  /** The same with other request limits: per user per minute (0 = none) and burst. */
  public ServerConfig withRequestRate(int perMinute, int burst) {
    Copy c = new Copy(this);
    c.requestsPerMinute = perMinute;
    c.requestBurst = burst;
    return c.build();
  }

  /** The same with other run limits. */
  public ServerConfig withRunLimits(
      long newMaxRunSize, int newMaxReplications, int newConcurrentRuns, int newQueueLimit) {
    Copy c = new Copy(this);
    c.maxRunSize = newMaxRunSize;
    c.maxReplications = newMaxReplications;
    c.concurrentRuns = newConcurrentRuns;
    c.queueLimit = newQueueLimit;
    return c.build();
  }

  /**
   * The same with another heap for runs executing at once (413 for a run estimated beyond its
   * part).
   */
  public ServerConfig withRunMemory(long bytes) {
    Copy c = new Copy(this);
    c.runMemoryBytes = bytes;
    return c.build();
  }

  /** The same with other login throttling: failures per name and per address within a window. */
  public ServerConfig withLoginThrottle(Duration window, int perUser, int perAddress) {
    Copy c = new Copy(this);
    c.loginWindow = window;
    c.loginFailuresPerUser = perUser;
    c.loginFailuresPerAddress = perAddress;
    return c.build();
  }

  /** A changeable copy of a configuration, for the {@code withX} methods. */
  private static final class Copy {
    private String bind;
    private int port;
    private String databaseUrl;
    private String adminPassword;
    private boolean secureCookies;
    private long maxBodyBytes;
    private long maxRunSize;
    private int maxReplications;
    private int concurrentRuns;
    private int queueLimit;
    private int threadsPerRun;
    private long runMemoryBytes;
    private int requestsPerMinute;
    private int requestBurst;
    private int maxEventStreams;
    private int maxEventStreamsPerUser;
    private Duration loginWindow;
    private int loginFailuresPerUser;
    private int loginFailuresPerAddress;
    private Duration sessionIdle;
    private Duration sessionLifetime;

    Copy(ServerConfig c) {
      bind = c.bind;
      port = c.port;
      databaseUrl = c.databaseUrl;
      adminPassword = c.adminPassword;
      secureCookies = c.secureCookies;
      maxBodyBytes = c.maxBodyBytes;
      maxRunSize = c.maxRunSize;
      maxReplications = c.maxReplications;
      concurrentRuns = c.concurrentRuns;
      queueLimit = c.queueLimit;
      threadsPerRun = c.threadsPerRun;
      runMemoryBytes = c.runMemoryBytes;
      requestsPerMinute = c.requestsPerMinute;
      requestBurst = c.requestBurst;
      maxEventStreams = c.maxEventStreams;
      maxEventStreamsPerUser = c.maxEventStreamsPerUser;
      loginWindow = c.loginWindow;
      loginFailuresPerUser = c.loginFailuresPerUser;
      loginFailuresPerAddress = c.loginFailuresPerAddress;
      sessionIdle = c.sessionIdle;
      sessionLifetime = c.sessionLifetime;
    }

    ServerConfig build() {
      return new ServerConfig(
          bind,
          port,
          databaseUrl,
          adminPassword,
          secureCookies,
          maxBodyBytes,
          maxRunSize,
          maxReplications,
          concurrentRuns,
          queueLimit,
          threadsPerRun,
          runMemoryBytes,
          requestsPerMinute,
          requestBurst,
          maxEventStreams,
          maxEventStreamsPerUser,
          loginWindow,
          loginFailuresPerUser,
          loginFailuresPerAddress,
          sessionIdle,
          sessionLifetime);
    }
  }
}
