package org.dispersal.server;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.dispersal.app.problem.InputException;
import org.dispersal.server.runs.ProgressHub;
import org.dispersal.server.runs.RunQueue;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.server.runs.SummaryCache;
import org.dispersal.server.security.Access;
import org.dispersal.server.security.CachedTokens;
import org.dispersal.server.security.Gate;
import org.dispersal.server.security.LoginThrottle;
import org.dispersal.server.security.PasswordHasher;
import org.dispersal.server.security.RateLimiter;
import org.dispersal.server.security.Secrets;
import org.dispersal.server.security.Sessions;
import org.dispersal.server.security.VisibilityRule;
import org.dispersal.store.Role;
import org.dispersal.store.Store;
import org.dispersal.store.StoreException;
import org.dispersal.store.UnknownRunException;
import org.dispersal.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Dispersal web service: the JSON API under {@code /api}, the dashboard at {@code /}, and the
 * run queue, over one store. {@link #start} opens the store, marks runs left unfinished by a dead
 * process as failed, loads the built-in scenarios, makes sure an admin exists (or can be created
 * with a one-time setup link), and listens.
 */
public final class DispersalServer implements AutoCloseable {

  /** A refused body up to this many times the limit is read and dropped before answering. */
  private static final long DRAIN_FACTOR = 16;

  private static final Set<HandlerType> HTTP_METHODS =
      Set.of(
          HandlerType.GET,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE);

  /**
   * Summary rows kept in memory for the result views: about 100 MB, some ten runs of 1,000
   * replications of {@code isis-2017}.
   */
  static final long SUMMARY_CACHE_ROWS = 1_000_000;

  /** How long a stop waits for the runs to stop after their current replications. */
  static final Duration RUNS_STOP_LIMIT = Duration.ofSeconds(6);

  private static final Logger LOG = LoggerFactory.getLogger(DispersalServer.class);

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Store store;
  private final ProgressHub hub;
  private final RunQueue queue;
  private final Javalin app;
  private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
  private final int interrupted;
  private final String setupLink;
  private String createdAdmin;

  /**
   * A route as registered.
   *
   * @param method GET, POST, PUT, PATCH or DELETE
   * @param path the path pattern, such as {@code /api/runs/{id}}
   * @param access who may call it
   */
  public record Route(String method, String path, Access access) {}

  private DispersalServer(ServerConfig config, Store store) {
    this.store = store;
    this.interrupted = store.runs().markInterrupted();
    ScenarioLibrary.builtIns().forEach((name, yaml) -> store.scenarios().createBuiltIn(name, yaml));
    ScenarioLibrary library = new ScenarioLibrary();
    Clock clock = Clock.systemUTC();
    PasswordHasher hasher = PasswordHasher.argon2id();
    Sessions sessions =
        new Sessions(
            clock, store.sessions(), config.sessionIdle(), config.sessionLifetime(), 10_000);
    LoginThrottle throttle =
        new LoginThrottle(
            clock,
            store.loginFailures(),
            config.loginWindow(),
            config.loginFailuresPerUser(),
            config.loginFailuresPerAddress());
    RateLimiter limiter = new RateLimiter(clock, config.requestsPerMinute(), config.requestBurst());
    // Only this process changes an embedded store: tokens and succeeded runs may be kept in memory.
    boolean exact = !store.sessions().sharedWithOtherProcesses();
    UserStore users = new CachedTokens(store.users(), exact);
    Gate gate = new Gate(sessions, users, limiter);
    this.hub = new ProgressHub(config.maxEventStreams(), config.maxEventStreamsPerUser());
    this.queue =
        new RunQueue(
            store.runs(),
            hub,
            library,
            new RunQueue.Limits(
                config.maxRunSize(),
                config.maxReplications(),
                config.concurrentRuns(),
                config.queueLimit(),
                config.threadsPerRun(),
                config.runMemoryBytes()),
            ServiceVersion.get());
    AtomicReference<String> setupToken = new AtomicReference<>(firstAdmin(config, hasher));

    AccountRoutes accounts =
        new AccountRoutes(
            users, store.audit(), sessions, hasher, throttle, config.secureCookies(), setupToken);
    VisibilityRule visibility = new VisibilityRule(store.scenarios(), store.runs(), exact);
    ScenarioRoutes scenarioRoutes =
        new ScenarioRoutes(store.scenarios(), users, visibility, library, store.audit());
    HypothesisRoutes hypothesisRoutes = new HypothesisRoutes(visibility, library);
    TrackRecordRoutes trackRecordRoutes = new TrackRecordRoutes(visibility);
    RunRoutes runRoutes =
        new RunRoutes(
            store.runs(),
            visibility,
            queue,
            hub,
            store.audit(),
            new SummaryCache(store.runs(), SUMMARY_CACHE_ROWS),
            new RunSubmissions(library, config.threadsPerRun()),
            users);
    RunFileRoutes runFileRoutes =
        new RunFileRoutes(store.runs(), visibility, store.audit(), library);
    ServiceRoutes service = new ServiceRoutes(library);
    DashboardFiles dashboard = new DashboardFiles();
    long maxBody = config.maxBodyBytes();
    List<HandlerMetaInfo> getRoutes = new ArrayList<>();

    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
              cfg.http.maxRequestSize = maxBody;
              cfg.events.handlerAdded(
                  info -> {
                    if (info.getHttpMethod() == HandlerType.GET) {
                      getRoutes.add(info);
                    }
                    if (HTTP_METHODS.contains(info.getHttpMethod())) {
                      routes.add(
                          new Route(
                              info.getHttpMethod().name(),
                              info.getPath(),
                              access(info.getRoles())));
                    }
                  });
              cfg.jetty.modifyServer(
                  server -> server.setErrorHandler(new SecurityHeaders.ErrorPages()));
              cfg.routes.before(SecurityHeaders::add);
              cfg.routes.before(DispersalServer::refuseMethodOverride);
              cfg.routes.before(
                  ctx -> {
                    if (ctx.contentLength() > maxBody) {
                      discardBody(ctx, DRAIN_FACTOR * maxBody);
                      throw ApiException.tooLarge(
                          "the request body has "
                              + ctx.contentLength()
                              + " bytes; the limit is "
                              + maxBody);
                    }
                  });
              cfg.routes.beforeMatched(gate::check);
              service.register(cfg.routes);
              accounts.register(cfg.routes);
              scenarioRoutes.register(cfg.routes);
              hypothesisRoutes.register(cfg.routes);
              trackRecordRoutes.register(cfg.routes);
              runRoutes.register(cfg.routes);
              runFileRoutes.register(cfg.routes);
              dashboard.register(cfg.routes);
              serveHead(cfg.routes, getRoutes);
              cfg.routes.exception(ApiException.class, Problems::write);
              cfg.routes.exception(HttpResponseException.class, Problems::write);
              cfg.routes.exception(
                  InputException.class, (e, ctx) -> Problems.write(ApiException.invalid(e), ctx));
              cfg.routes.exception(
                  UnknownRunException.class,
                  (e, ctx) -> Problems.write(ApiException.notFound(e.getMessage()), ctx));
              cfg.routes.exception(
                  StoreException.class,
                  (e, ctx) -> Problems.write(ApiException.conflict(e.getMessage()), ctx));
              cfg.routes.exception(Exception.class, Problems::unexpected);
            });
    app.start(config.bind(), config.port());
    String host = "0.0.0.0".equals(config.bind()) ? "127.0.0.1" : config.bind();
    String token = setupToken.get();
    this.setupLink =
        token == null ? null : "http://" + host + ":" + app.port() + "/setup?token=" + token;
  }

  /**
   * Opens the store and starts the service.
   *
   * @param config where to listen, the store, the limits
   * @return the running service
   * @throws StoreException when the store cannot be opened
   * @throws IllegalArgumentException when the first admin's password is too short
   */
  public static DispersalServer start(ServerConfig config) {
    Store store = Store.open(config.databaseUrl());
    try {
      return new DispersalServer(config, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The port the service listens on. */
  public int port() {
    return app.port();
  }

  /** The one-time link that creates the first admin, when no admin exists yet. */
  public Optional<String> setupLink() {
    return Optional.ofNullable(setupLink);
  }

  /**
   * The user name of the first admin this start created from {@code DISPERSAL_ADMIN_PASSWORD}, so
   * that the start message can name it; empty when an admin existed or none was created.
   */
  public Optional<String> createdAdmin() {
    return Optional.ofNullable(createdAdmin);
  }

  /** How many runs left unfinished by an earlier process were marked failed at start. */
  public int interruptedRuns() {
    return interrupted;
  }

  /** Every HTTP route, in registration order (for the OpenAPI check). */
  public List<Route> routes() {
    synchronized (routes) {
      return List.copyOf(routes);
    }
  }

  /** The run queue (for tests that submit requests the API cannot build, such as failing ones). */
  RunQueue queue() {
    return queue;
  }

  /** The progress streams open now (for tests). */
  int hubStreams() {
    return hub.openStreams();
  }

  /** The store the service uses. */
  public Store store() {
    return store;
  }

  /**
   * {@link #close Closes} the service from a shutdown hook when the JVM is told to stop (Ctrl+C,
   * SIGTERM), as {@code dispersal serve} runs it; the latch opens once it is closed.
   */
  public CountDownLatch closeOnShutdown() {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close();
                  stopped.countDown();
                },
                "dispersal-serve-stop"));
    return stopped;
  }

  /**
   * Stops the service within 10 seconds: stops the runs (marked failed, "interrupted: the server
   * stopped"), ends every progress stream with a last event, stops listening, closes the store, and
   * logs one line. Safe to call more than once and from a shutdown hook.
   *
   * <p>The order matters. Streams end before Jetty stops, because a stream whose request Jetty has
   * torn down cannot be closed (Javalin fails inside, and its exception handler then fails in a
   * loop). Runs stop first so that their streams get the true last event; runs that do not stop
   * within {@link #RUNS_STOP_LIMIT} are marked failed in the store directly.
   */
  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    long start = System.nanoTime();
    int active = queue.active();
    int open = hub.openStreams();
    Thread runs = new Thread(queue::close, "dispersal-stop-runs");
    runs.setDaemon(true);
    runs.start();
    try {
      runs.join(RUNS_STOP_LIMIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int forced = 0;
    if (runs.isAlive()) {
      forced = quietly(() -> store.runs().failUnfinished(ProgressHub.INTERRUPTED), 0);
    }
    hub.close(this::lastEvent);
    quietly(
        () -> {
          app.stop();
          return 0;
        },
        0);
    quietly(
        () -> {
          store.close();
          return 0;
        },
        0);
    LOG.warn(
        "stopped in {} ms: {} runs interrupted{}, {} progress streams ended",
        (System.nanoTime() - start) / 1_000_000,
        active,
        forced > 0 ? " (" + forced + " marked failed without waiting for them)" : "",
        open);
  }

  /** The last event of a watched run at shutdown: as stored when it is finished. */
  private org.dispersal.server.runs.RunProgress lastEvent(long run) {
    return quietly(
        () ->
            store
                .runs()
                .find(run)
                .map(org.dispersal.server.runs.RunProgress::of)
                .filter(org.dispersal.server.runs.RunProgress::last)
                .orElseGet(() -> hub.interrupted(run)),
        hub.interrupted(run));
  }

  /** The value, or the fallback when the step fails: a stop goes on whatever one step does. */
  private static <T> T quietly(java.util.function.Supplier<T> step, T fallback) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      LOG.warn("while stopping: {}", e.toString());
      return fallback;
    }
  }

  /** Headers that make some clients and frameworks treat a request as another method. */
  private static final List<String> METHOD_OVERRIDES =
      List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  /**
   * Refuses a request that asks to be treated as another method: Javalin would otherwise route a
   * GET with {@code X-HTTP-Method-Override: DELETE} to the DELETE handler (issue #18, finding 6).
   */
  private static void refuseMethodOverride(io.javalin.http.Context ctx) {
    for (String h : METHOD_OVERRIDES) {
      if (ctx.header(h) != null) {
        throw ApiException.badRequest(h + " is not supported; send the method itself");
      }
    }
  }

  /**
   * Serves HEAD for every GET route with the same handler and access rule; Jetty sends the headers
   * without the body. Without this, a HEAD matched no access rule and got a 403.
   */
  private static void serveHead(JavalinDefaultRoutingApi r, List<HandlerMetaInfo> gets) {
    if (gets.isEmpty()) {
      throw new IllegalStateException("no GET route was seen: HEAD cannot be served");
    }
    for (HandlerMetaInfo get : List.copyOf(gets)) {
      r.head(get.getPath(), get.getHandler(), get.getRoles().toArray(new RouteRole[0]));
    }
  }

  private static Access access(Set<RouteRole> roles) {
    return roles.stream()
        .filter(Access.class::isInstance)
        .map(Access.class::cast)
        .findFirst()
        .orElse(null);
  }

  /**
   * Makes sure an admin can exist: with a configured password, creates or resets {@code admin};
   * otherwise returns a one-time setup token (null when an admin exists).
   */
  private String firstAdmin(ServerConfig config, PasswordHasher hasher) {
    UserStore users = store.users();
    if (!AccountRoutes.admins(users).isEmpty()) {
      return null;
    }
    String password = config.adminPassword();
    if (password == null || password.isEmpty()) {
      return Secrets.random256();
    }
    if (password.length() < AccountRoutes.MIN_PASSWORD) {
      throw new IllegalArgumentException(
          "DISPERSAL_ADMIN_PASSWORD must be at least "
              + AccountRoutes.MIN_PASSWORD
              + " characters long");
    }
    if (users.find("admin").isPresent()) {
      users.setPasswordHash("admin", hasher.hash(password));
      users.setRole("admin", Role.ADMIN);
    } else {
      users.create("admin", hasher.hash(password), Role.ADMIN, null);
    }
    store
        .audit()
        .record("admin", "setup", "user:admin", "first admin from DISPERSAL_ADMIN_PASSWORD");
    createdAdmin = "admin";
    return null;
  }

  /**
   * Reads and drops a refused request's body when it is at most {@code limit} bytes, so that the
   * connection closes only after the client has sent it and the client reads the 413 instead of a
   * reset. A larger body is not read: the connection is then cut, as it should be.
   */
  private static void discardBody(io.javalin.http.Context ctx, long limit) {
    if (ctx.contentLength() > limit) {
      return;
    }
    try (java.io.InputStream in = ctx.req().getInputStream()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException e) {
      // the client went away: nothing to answer
    }
  }
}
