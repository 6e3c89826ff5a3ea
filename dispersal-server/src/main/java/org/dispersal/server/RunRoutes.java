package org.dispersal.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dispersal.app.Cancellation;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.server.runs.ProgressHub;
import org.dispersal.server.runs.RunProgress;
import org.dispersal.server.runs.RunQueue;
import org.dispersal.server.runs.SummaryCache;
import org.dispersal.server.security.Access;
import org.dispersal.server.security.Caller;
import org.dispersal.server.security.Gate;
import org.dispersal.server.security.VisibilityRule;
import org.dispersal.store.AuditLog;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.Role;
import org.dispersal.store.RunKind;
import org.dispersal.store.RunStatus;
import org.dispersal.store.RunStore;
import org.dispersal.store.StoredRun;
import org.dispersal.store.StoredScenario;
import org.dispersal.store.SummaryFilter;
import org.dispersal.store.SummaryRow;
import org.dispersal.store.User;
import org.dispersal.store.UserStore;

/**
 * Runs: submit forecasts, threat outlooks and hypothesis updates, watch, cancel, and read their
 * results (summary rows, threat.json, update.json, report, exports, comparison of two runs). Every
 * route sees only the runs and scenarios the {@link VisibilityRule} lets the caller see.
 */
final class RunRoutes {

  private static final Set<String> FORMATS = Set.of("csv", "json", "parquet");

  private final RunStore runs;
  private final VisibilityRule rule;
  private final RunQueue queue;
  private final ProgressHub hub;
  private final AuditLog audit;
  private final SummaryCache cache;
  private final RunSubmissions submissions;
  private final UserStore users;

  record RunView(
      long id,
      String kind,
      String status,
      String scenarioName,
      String owner,
      String team,
      int replications,
      long seed,
      int done,
      Instant created,
      Instant started,
      Instant finished,
      String error) {
    static RunView of(StoredRun r) {
      return new RunView(
          r.id(),
          r.kind().id(),
          r.status().id(),
          r.scenarioName(),
          r.owner(),
          r.team(),
          r.replications(),
          r.seed(),
          r.done(),
          r.created(),
          r.started(),
          r.finished(),
          r.error());
    }
  }

  record RunDetail(@JsonUnwrapped RunView run, JsonNode manifest, List<String> artifacts) {}

  record Band(long p05, long p50, long p95) {
    static final Band ZERO = new Band(0, 0, 0);
  }

  /**
   * One cell of a comparison.
   *
   * @param diffMedian the difference of the medians, B − A
   * @param pairedDiff when the comparison is paired, the 5th, 50th and 95th percentiles of the
   *     replication-by-replication differences B − A; null otherwise
   */
  record CompareRow(
      String scope,
      String scopeId,
      String state,
      Band a,
      Band b,
      long diffMedian,
      @JsonInclude(JsonInclude.Include.ALWAYS) Band pairedDiff) {}

  /**
   * Two comparable forecasts at one month.
   *
   * @param a the first run
   * @param b the second run
   * @param month the month compared
   * @param start the calendar month both runs start at (month 0), when their manifests say it
   * @param months the horizon both runs share, when their manifests say it
   * @param sameSeed whether both runs used the same seed (common random numbers)
   * @param paired whether the rows carry paired intervals of the difference ({@code pairedDiff}):
   *     when both runs have the same seed and replication count and kept per-replication values in
   *     the same layout, replication i of each shares its random numbers; otherwise the two runs'
   *     intervals are side by side (quantiles of a difference cannot be derived from the quantiles
   *     of its two sides)
   * @param pairing the reason, in words, for {@code paired}
   * @param rows the world and each region, state by state
   */
  record Comparison(
      long a,
      long b,
      int month,
      String start,
      Integer months,
      boolean sameSeed,
      boolean paired,
      String pairing,
      List<CompareRow> rows) {}

  /**
   * A run that can be compared with a given one: a finished forecast with replications, the same
   * start month and horizon, visible to the caller.
   */
  record Candidate(
      long id,
      String scenarioName,
      int replications,
      long seed,
      boolean sameSeed,
      String start,
      Integer months) {}

  /** What follows every reason for not pairing (see {@link Comparison#paired}). */
  static final String SIDE_BY_SIDE =
      "; the two runs' intervals are shown side by side and the difference is that of the medians";

  /** Whether two runs pair, and why in words. */
  private record Pairing(boolean paired, String words) {}

  RunRoutes(
      RunStore runs,
      VisibilityRule rule,
      RunQueue queue,
      ProgressHub hub,
      AuditLog audit,
      SummaryCache cache,
      RunSubmissions submissions,
      UserStore users) {
    this.runs = runs;
    this.users = users;
    this.submissions = submissions;
    this.cache = cache;
    this.rule = rule;
    this.queue = queue;
    this.hub = hub;
    this.audit = audit;
  }

  void register(JavalinDefaultRoutingApi r) {
    r.get(
        "/api/runs",
        ctx -> ctx.json(rule.runs(Gate.caller(ctx)).stream().map(RunView::of).toList()),
        Access.VIEWER);
    r.post("/api/runs", this::submit, Access.ANALYST);
    r.get("/api/runs/{id}", this::get, Access.VIEWER);
    r.get("/api/runs/{id}/events", this::events, Access.VIEWER);
    r.post("/api/runs/{id}/cancel", this::cancel, Access.ANALYST);
    r.get("/api/runs/{id}/summary", this::summary, Access.VIEWER);
    r.get("/api/runs/{id}/threat", ctx -> document(ctx, RunKind.THREAT), Access.VIEWER);
    r.get("/api/runs/{id}/update", ctx -> document(ctx, RunKind.UPDATE), Access.VIEWER);
    r.get("/api/runs/{id}/report", this::report, Access.VIEWER);
    r.get("/api/runs/{id}/export", this::export, Access.VIEWER);
    r.get("/api/runs/{id}/brief.pdf", this::brief, Access.VIEWER);
    r.get("/api/compare", this::compare, Access.VIEWER);
    r.get("/api/compare/candidates", this::candidates, Access.VIEWER);
  }

  private void submit(Context ctx) {
    Caller c = Gate.caller(ctx);
    RunSubmissions.Submission body = Bodies.read(ctx, RunSubmissions.Submission.class);
    RunSubmissions.kind(body);
    long scenarioId = Bodies.required(body.scenarioId(), "scenarioId");
    StoredScenario s = rule.scenario(c, scenarioId);
    RunSubmissions.Prepared prepared = submissions.prepare(body, s, id -> rule.scenario(c, id));
    StoredRun run =
        queue.submit(c.username(), userId(c), s, prepared.request(), prepared.parametersJson());
    audit.record(c.username(), "run.submit", "run:" + run.id(), prepared.audit());
    ctx.status(202).json(RunView.of(run));
  }

  private void get(Context ctx) {
    StoredRun r = find(ctx);
    ctx.json(
        new RunDetail(
            RunView.of(r),
            r.manifestJson() == null ? null : tree(r.manifestJson()),
            runs.artifactNames(r.id())));
  }

  private void events(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredRun r = find(ctx);
    String accept = ctx.header("Accept");
    if (ctx.method() == HandlerType.HEAD) {
      // Headers only: a HEAD never opens a stream (nor takes one of the caller's stream slots).
      ctx.status(accept != null && accept.contains("text/event-stream") ? 200 : 406);
      ctx.contentType("text/event-stream");
      ctx.header("Cache-Control", "no-cache");
      return;
    }
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiException(
          406,
          "Not acceptable",
          "this is an event stream: send 'Accept: text/event-stream'",
          List.of(),
          null);
    }
    hub.admit(c.username());
    try {
      new SseHandler(0, client -> hub.watch(r.id(), c.username(), client, RunProgress.of(r)))
          .handle(ctx);
    } catch (Exception e) {
      hub.release(c.username());
      throw e;
    }
  }

  /**
   * Cancels a run for its owner (by account id, never by name) or an admin; others who can see the
   * run get 403, those who cannot see it 404 as for any run they cannot see.
   */
  private void cancel(Context ctx) {
    Caller c = Gate.caller(ctx);
    long id = find(ctx).id();
    if (c.role() != Role.ADMIN) {
      Long me = userId(c);
      if (me == null || !runs.ownerId(id).filter(me::equals).isPresent()) {
        throw ApiException.forbidden("only its owner or an admin may cancel run " + id);
      }
    }
    StoredRun r = queue.cancel(id);
    audit.record(c.username(), "run.cancel", "run:" + id, null);
    ctx.status(202).json(RunView.of(r));
  }

  private void summary(Context ctx) {
    StoredRun r = find(ctx);
    SummaryFilter f =
        new SummaryFilter(
            Paths.query(ctx, "scope"),
            Paths.query(ctx, "scopeId"),
            Paths.query(ctx, "state"),
            Paths.queryInt(ctx, "month"),
            Paths.query(ctx, "demographic"));
    SummaryCache.Answer a = cache.answer(r, f, Paths.query(ctx, "destination"));
    // A kept answer has its gzip copy made once: sent as it is to a client that accepts gzip (the
    // server's own compression leaves a response with Content-Encoding alone).
    boolean gzip = a.gzip() != null && AcceptEncoding.allowsGzip(ctx.header("Accept-Encoding"));
    ctx.header("Vary", "Accept-Encoding");
    ctx.header("ETag", gzip ? a.gzipEtag() : a.etag());
    if (a.matches(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    // Kept bytes go out in one write with their length (KeptBytes): no copy through Javalin's
    // compressing stream, no chunked encoding.
    if (gzip) {
      ctx.header("Content-Encoding", "gzip");
      KeptBytes.send(ctx, "application/json", a.gzip());
      return;
    }
    KeptBytes.send(ctx, "application/json", a.json());
  }

  /** threat.json of a threat run, update.json of an update run. */
  private void document(Context ctx, RunKind kind) {
    StoredRun r = find(ctx);
    if (r.kind() != kind) {
      throw ApiException.notFound(
          "run "
              + r.id()
              + (kind == RunKind.THREAT ? " has no threat outlook" : " has no hypothesis update"));
    }
    requireSucceeded(r);
    String file = kind.id() + ".json";
    byte[] json =
        runs.artifact(r.id(), file)
            .orElseThrow(() -> ApiException.notFound("run " + r.id() + " has no " + file));
    ctx.contentType("application/json").result(json);
  }

  private void report(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredRun r = finished(ctx);
    String name = r.reportFile();
    byte[] html =
        runs.artifact(r.id(), name)
            .orElseThrow(() -> ApiException.notFound("run " + r.id() + " has no report"));
    audit.record(c.username(), "export", "run:" + r.id(), name);
    ctx.header("Content-Security-Policy", ReportPolicy.of(runs, r.id(), name));
    ctx.header("Content-Disposition", "attachment; filename=\"run-" + r.id() + "-report.html\"");
    ctx.contentType("text/html; charset=utf-8").result(html);
  }

  /**
   * The policymaker's brief of a finished forecast run as a PDF, made on request as {@code
   * dispersal brief --run ID} makes it: 422 for a run of another kind, 409 for one not finished.
   */
  private void brief(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredRun r = find(ctx);
    if (r.kind() != RunKind.FORECAST) {
      throw ApiException.invalidField(
          "run", "run " + r.id() + " is a " + r.kind().id() + " run; a brief needs a forecast");
    }
    requireSucceeded(r);
    String yaml =
        runs.scenarioYaml(r.id())
            .orElseThrow(() -> ApiException.notFound("run " + r.id() + " keeps no scenario text"));
    byte[] pdf =
        submissions
            .brief(r, yaml, runs.summary(r.id(), SummaryFilter.all()))
            .build(queue.provenance(), done -> {}, Cancellation.NEVER)
            .pdf();
    audit.record(c.username(), "export", "run:" + r.id(), "brief.pdf");
    ctx.header("Content-Disposition", "attachment; filename=\"run-" + r.id() + "-brief.pdf\"");
    ctx.contentType("application/pdf").result(pdf);
  }

  private void export(Context ctx) {
    Caller c = Gate.caller(ctx);
    String format = Paths.query(ctx, "format");
    if (format == null || !FORMATS.contains(format)) {
      throw ApiException.badRequest("format must be csv, json or parquet");
    }
    StoredRun r = finished(ctx);
    // Threat and update runs export their own table (threat.csv, update.csv); the store says so.
    byte[] bytes = exportSummary(r, format);
    audit.record(
        c.username(), "export", "run:" + r.id(), r.tableFile() != null ? r.tableFile() : format);
    String type =
        switch (format) {
          case "csv" -> "text/csv; charset=utf-8";
          case "json" -> "application/json";
          default -> "application/vnd.apache.parquet";
        };
    ctx.header("Content-Disposition", "attachment; filename=\"run-" + r.id() + "." + format + "\"");
    ctx.contentType(type).result(bytes);
  }

  private byte[] exportSummary(StoredRun r, String format) {
    try {
      Path dir = Files.createTempDirectory("dispersal-export");
      Path file = dir.resolve("run-" + r.id() + "." + format);
      try {
        runs.export(r.id(), format, file);
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void compare(Context ctx) {
    long a = Paths.queryId(ctx, "a");
    long b = Paths.queryId(ctx, "b");
    Integer month = Paths.queryInt(ctx, "month");
    if (month == null || month < 0) {
      throw ApiException.badRequest("month must be given as a whole number from 0");
    }
    Caller c = Gate.caller(ctx);
    StoredRun ra = requireSucceeded(rule.run(c, a));
    StoredRun rb = requireSucceeded(rule.run(c, b));
    requireForecast(ra);
    requireForecast(rb);
    JsonNode sa = scenarioOf(ra);
    JsonNode sb = scenarioOf(rb);
    String start = sameText(ra, rb, sa.path("start"), sb.path("start"), "start at");
    String horizon = sameText(ra, rb, sa.path("months"), sb.path("months"), "run for");
    Integer months = horizon == null ? null : Integer.valueOf(horizon);
    if (months != null && month > months) {
      throw ApiException.badRequest("month must be from 0 to " + months + ", the runs' horizon");
    }
    Map<List<String>, Band[]> cells = new LinkedHashMap<>();
    for (String scope : List.of("world", "region")) {
      add(cells, cache.rows(ra, new SummaryFilter(scope, null, null, month, "all")), 0);
      add(cells, cache.rows(rb, new SummaryFilter(scope, null, null, month, "all")), 1);
    }
    Pairing pairing = pairing(ra, rb);
    Map<List<String>, int[]> va = pairing.paired() ? values(ra, month) : Map.of();
    Map<List<String>, int[]> vb = pairing.paired() ? values(rb, month) : Map.of();
    int[] zeros = new int[ra.replications()];
    List<CompareRow> rows =
        cells.entrySet().stream()
            .map(
                e -> {
                  Band x = e.getValue()[0] == null ? Band.ZERO : e.getValue()[0];
                  Band y = e.getValue()[1] == null ? Band.ZERO : e.getValue()[1];
                  List<String> k = e.getKey();
                  Band paired =
                      pairing.paired()
                          ? pairedBand(va.getOrDefault(k, zeros), vb.getOrDefault(k, zeros))
                          : null;
                  return new CompareRow(
                      k.get(0), k.get(1), k.get(2), x, y, y.p50() - x.p50(), paired);
                })
            .toList();
    boolean sameSeed = ra.seed() == rb.seed();
    ctx.json(
        new Comparison(
            a, b, month, start, months, sameSeed, pairing.paired(), pairing.words(), rows));
  }

  /**
   * Whether runs A and B pair: the same seed, the same number of replications, and both kept
   * per-replication values in the same layout (see {@link ReplicationValues}).
   */
  private Pairing pairing(StoredRun ra, StoredRun rb) {
    if (ra.seed() != rb.seed()) {
      return new Pairing(
          false,
          "no paired interval: the runs used different seeds ("
              + ra.seed()
              + " and "
              + rb.seed()
              + "), so their replications are independent"
              + SIDE_BY_SIDE);
    }
    if (ra.replications() != rb.replications()) {
      return new Pairing(
          false,
          "no paired interval: the runs have "
              + ra.replications()
              + " and "
              + rb.replications()
              + " replications, so not every replication has a partner"
              + SIDE_BY_SIDE);
    }
    Optional<ReplicationValues.Header> ha = runs.replicationHeader(ra.id());
    Optional<ReplicationValues.Header> hb = runs.replicationHeader(rb.id());
    for (var side : List.of(Map.entry(ra, ha), Map.entry(rb, hb))) {
      if (side.getValue().isEmpty()
          || side.getValue().get().replications() != side.getKey().replications()) {
        return new Pairing(
            false,
            "no paired interval: run "
                + side.getKey().id()
                + " kept no per-replication values (a run stored before they were kept, run on a"
                + " cluster, drawn from a posterior, or of more than "
                + String.format(Locale.ROOT, "%,d", ForecastRequest.MAX_PAIRED_REPLICATIONS)
                + " replications), so the"
                + " difference's interval cannot be computed"
                + SIDE_BY_SIDE);
      }
    }
    if (!ha.get().layout().equals(hb.get().layout())) {
      return new Pairing(
          false,
          "no paired interval: the runs split their replications differently ("
              + ha.get().layout()
              + "; "
              + hb.get().layout()
              + "), so replication i of one does not match replication i of the other"
              + SIDE_BY_SIDE);
    }
    return new Pairing(
        true,
        "paired: both runs used seed "
            + ra.seed()
            + " and "
            + ra.replications()
            + " replications, so replication i of B started from the same random numbers as"
            + " replication i of A; the difference's 90% interval is the 5th to 95th percentile of"
            + " the "
            + ra.replications()
            + " differences B − A");
  }

  /** A run's per-replication values at a month by (scope, scope id, state). */
  private Map<List<String>, int[]> values(StoredRun r, int month) {
    Map<List<String>, int[]> out = new HashMap<>();
    for (ReplicationValues.Cell c : runs.replicationValues(r.id(), month)) {
      out.put(List.of(c.scope(), c.scopeId(), c.state()), c.values());
    }
    return out;
  }

  /**
   * The 5th, 50th and 95th percentiles of b<sub>i</sub> − a<sub>i</sub>, each the smallest
   * difference with at least ceil(q·n) differences at or below it (the summaries' rule).
   */
  static Band pairedBand(int[] a, int[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException("paired values need equal, non-zero lengths");
    }
    long[] d = new long[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (long) b[i] - a[i];
    }
    Arrays.sort(d);
    return new Band(quantile(d, 0.05), quantile(d, 0.5), quantile(d, 0.95));
  }

  private static long quantile(long[] sorted, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * sorted.length - 1e-9));
    return sorted[(int) rank - 1];
  }

  /** The runs comparable with run {@code a}, newest first. */
  private void candidates(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredRun ra = requireSucceeded(rule.run(c, Paths.queryId(ctx, "a")));
    requireForecast(ra);
    JsonNode sa = scenarioOf(ra);
    List<Candidate> out = new ArrayList<>();
    for (StoredRun listed : rule.runs(c)) {
      if (listed.id() == ra.id()
          || listed.kind() != RunKind.FORECAST
          || listed.status() != RunStatus.SUCCEEDED
          || listed.replications() < 1) {
        continue;
      }
      StoredRun rb = rule.run(c, listed.id());
      JsonNode sb = scenarioOf(rb);
      if (!sa.path("start").asText("").equals(sb.path("start").asText(""))
          || !sa.path("months").asText("").equals(sb.path("months").asText(""))) {
        continue;
      }
      out.add(
          new Candidate(
              rb.id(),
              rb.scenarioName(),
              rb.replications(),
              rb.seed(),
              rb.seed() == ra.seed(),
              sb.path("start").isMissingNode() ? null : sb.path("start").asText(),
              sb.path("months").isMissingNode() ? null : sb.path("months").asInt()));
    }
    ctx.json(out);
  }

  /** Only forecasts with replications have summaries to compare. */
  private static void requireForecast(StoredRun r) {
    if (r.kind() != RunKind.FORECAST || r.replications() < 1) {
      throw ApiException.invalidField(
          "run",
          "run "
              + r.id()
              + " is a "
              + r.kind().id()
              + " run with "
              + r.replications()
              + " replications; only forecasts with replications can be compared");
    }
  }

  /** The {@code scenario} object of a run's manifest (empty when there is none). */
  private static JsonNode scenarioOf(StoredRun r) {
    return r.manifestJson() == null
        ? Json.MAPPER.missingNode()
        : tree(r.manifestJson()).path("scenario");
  }

  /**
   * The value both runs' manifests give (start month, horizon), or null when a manifest does not
   * say; two different values make the runs incomparable (a month would not be the same date, or
   * one run would stop earlier).
   */
  private static String sameText(StoredRun ra, StoredRun rb, JsonNode x, JsonNode y, String what) {
    if (x.isMissingNode() || y.isMissingNode() || x.isNull() || y.isNull()) {
      return null;
    }
    if (!x.asText().equals(y.asText())) {
      throw ApiException.invalidField(
          "b",
          "runs "
              + ra.id()
              + " and "
              + rb.id()
              + " are not comparable: they "
              + what
              + " "
              + x.asText()
              + " and "
              + y.asText());
    }
    return x.asText();
  }

  private static void add(Map<List<String>, Band[]> cells, List<SummaryRow> rows, int side) {
    for (SummaryRow row : rows) {
      if (!row.destination().isEmpty()) {
        continue;
      }
      cells
              .computeIfAbsent(List.of(row.scope(), row.scopeId(), row.state()), k -> new Band[2])[
              side] =
          new Band(row.p05(), row.p50(), row.p95());
    }
  }

  /** The caller's account id (null if the account has gone since the request was admitted). */
  private Long userId(Caller c) {
    return users.find(c.username()).map(User::id).orElse(null);
  }

  /** The run of the path if the caller may see it. */
  private StoredRun find(Context ctx) {
    return rule.run(Gate.caller(ctx), Paths.id(ctx, "id"));
  }

  private StoredRun finished(Context ctx) {
    return requireSucceeded(find(ctx));
  }

  private static StoredRun requireSucceeded(StoredRun r) {
    if (r.status() != RunStatus.SUCCEEDED) {
      throw ApiException.conflict("run " + r.id() + " has not succeeded (" + r.status().id() + ")");
    }
    return r;
  }

  private static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored manifest is not JSON", e);
    }
  }
}
