package org.dispersal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

/**
 * How long a stored run's results take to appear: loads the results page of a finished 36-month
 * forecast again and again in headless Chromium and prints two times from the start of the page
 * load (navigation start), as min, median, p90 and max: the <b>first chart</b>, when the fan charts
 * of the world (the first chart of the page) have been drawn and painted, and <b>all drawn</b>,
 * when the page marks its fan charts, flow diagram and map drawn ({@code dispersal:results-drawn}).
 *
 * <p>The first chart is observed from outside the page, so that the same bench times a dashboard
 * that does not mark it (an older build's, for {@code scripts/perf-table.sh}): a script added to
 * every new document through the DevTools protocol watches for the fan charts' canvas, which the
 * dashboard inserts and draws in one task, and takes the time in the animation frame after it, as
 * the page's own {@code dispersal:first-chart} mark does (printed too when the page makes it).
 *
 * <p>One more load, not counted, runs under the DevTools CPU profiler: the bench prints its
 * requests and long animation frames and the functions with the most self time.
 *
 * <p>A benchmark, not a test: it asserts nothing about time and runs only when asked, for example
 * {@code ./mvnw -o -pl dispersal-e2e -am verify -Dtest=ResultsPageBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddispersal.bench.loads=20}.
 */
@EnabledIfSystemProperty(named = "dispersal.bench.loads", matches = "\\d+")
@Tag("browser")
class ResultsPageBench {

  /** The mark the observer below makes: the frame after the fan charts' canvas was drawn. */
  static final String OBSERVED_FIRST_CHART = "bench:first-chart";

  /**
   * Runs at the start of every document: when a canvas appears under {@code #fans} (ECharts inserts
   * it and draws the chart in the same task), marks the next animation frame.
   */
  static final String FIRST_CHART_OBSERVER =
      "(() => {"
          + " const seen = new MutationObserver(() => {"
          + "  if (!document.querySelector('#fans canvas')) return;"
          + "  seen.disconnect();"
          + "  requestAnimationFrame(() => performance.mark('"
          + OBSERVED_FIRST_CHART
          + "'));"
          + " });"
          + " seen.observe(document, { childList: true, subtree: true });"
          + "})();";

  @Test
  void loadStoredResultsRepeatedly() throws Exception {
    Browser.assumeAvailable();
    int loads = Integer.parseInt(System.getProperty("dispersal.bench.loads"));
    try (TestServer server = TestServer.start();
        Browser b = Browser.start()) {
      TestServer.Client admin = server.signIn("admin", TestServer.ADMIN_PASSWORD);
      long run = admin.runAndWait(admin.scenarioId("isis-2017"), 100, 36);
      b.driver()
          .executeCdpCommand(
              "Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_CHART_OBSERVER));
      b.open(server.url());
      b.await(presenceOfElementLocated(By.name("username"))).sendKeys("admin");
      b.css("input[name=password]").sendKeys(TestServer.ADMIN_PASSWORD);
      b.css("#sign-in").click();
      b.await(presenceOfElementLocated(By.id("sign-out")));
      List<Long> first = new ArrayList<>();
      List<Long> all = new ArrayList<>();
      List<Long> marked = new ArrayList<>();
      // One load more than asked for, under the DevTools CPU profiler (sampling every 1 ms, which
      // slows it a little): not counted in the times, it says where the main thread's time went.
      for (int i = 0; i <= loads; i++) {
        b.open("about:blank");
        boolean profiled = i == loads;
        if (profiled) {
          b.driver().executeCdpCommand("Profiler.enable", Map.of());
          b.driver().executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 1000));
          b.driver().executeCdpCommand("Profiler.start", Map.of());
        }
        b.open(server.url() + "#/runs/" + run);
        // A fresh server's first answers can take seconds on a busy machine: wait up to a minute.
        Long drawn = b.markMillis("dispersal:results-drawn", Duration.ofSeconds(60));
        assertThat(drawn).as("results drawn on load " + i).isNotNull();
        Long firstChart = b.markMillis(OBSERVED_FIRST_CHART, Duration.ofSeconds(5));
        assertThat(firstChart).as("first chart drawn on load " + i).isNotNull();
        if (!profiled) {
          all.add(drawn);
          first.add(firstChart);
        }
        Object own =
            b.driver()
                .executeScript(
                    "const m = performance.getEntriesByName('dispersal:first-chart', 'mark');"
                        + "return m.length ? Math.round(m[0].startTime) : null;");
        if (own != null && !profiled) marked.add(((Number) own).longValue());
        if (profiled) {
          Map<String, Object> profile = b.driver().executeCdpCommand("Profiler.stop", Map.of());
          System.out.println(
              "profiled load (first chart "
                  + firstChart
                  + " ms, all drawn "
                  + drawn
                  + " ms), self time by function (script, line): "
                  + selfTimes(profile, 15));
          System.out.println(
              "profiled load, where the three functions with the most self time were called from: "
                  + callers(profile, 3, 4));
        }
      }
      System.out.println(
          "profiled load, start+duration in ms (and decoded size) of each request and long task: "
              + b.driver()
                  .executeScript(
                      "return performance.getEntries()"
                          + ".filter(e => e.entryType === 'resource' || e.entryType === 'long-animation-frame')"
                          + ".map(e => (e.entryType === 'resource' ? new URL(e.name).pathname"
                          + " + new URL(e.name).search : 'script') + ' ' + Math.round(e.startTime)"
                          + " + '+' + Math.round(e.duration)"
                          + " + (e.entryType === 'resource' ? ' ' + Math.round(e.decodedBodySize / 1024) + ' KB' : ''))"
                          + ".join('; ')"));
      // Each load's times in the order they were taken, so that runs can be pooled or compared
      // load by load (the stats below sort the lists).
      System.out.println("first chart of each load, in order (ms): " + first);
      System.out.println("all drawn of each load, in order (ms): " + all);
      String load = Files.readString(Path.of("/proc/loadavg")).trim();
      String what = "results page of a stored run (isis-2017, 100 replications, 36 months), ";
      System.out.printf(
          "%sfirst chart, %d loads: %s; load average %s%n", what, loads, stats(first), load);
      System.out.printf(
          "%sall drawn, %d loads: %s; load average %s%n", what, loads, stats(all), load);
      System.out.println(
          marked.isEmpty()
              ? "the page does not mark its first chart itself (an older dashboard)"
              : "the page's own first-chart mark, " + marked.size() + " loads: " + stats(marked));
    }
  }

  /**
   * The functions with the most self time in a DevTools CPU profile ({@code Profiler.stop}'s
   * answer): each node's sample count times the mean sampling interval, summed by function name,
   * script file and line, largest first.
   */
  @SuppressWarnings("unchecked")
  static String selfTimes(Map<String, Object> answer, int top) {
    Map<String, Object> profile = (Map<String, Object>) answer.get("profile");
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) profile.get("nodes");
    double micros =
        ((Number) profile.get("endTime")).doubleValue()
            - ((Number) profile.get("startTime")).doubleValue();
    long samples = nodes.stream().mapToLong(n -> ((Number) n.get("hitCount")).longValue()).sum();
    double msPerSample = samples == 0 ? 0 : micros / 1000.0 / samples;
    Map<String, Long> hits = new java.util.HashMap<>();
    for (Map<String, Object> node : nodes) {
      Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
      String url = String.valueOf(frame.get("url"));
      String file = url.isEmpty() ? "" : url.substring(url.lastIndexOf('/') + 1);
      String name = String.valueOf(frame.get("functionName"));
      String key =
          (name.isEmpty() ? "(anonymous)" : name)
              + (file.isEmpty() ? "" : " " + file + ":" + frame.get("lineNumber"));
      hits.merge(key, ((Number) node.get("hitCount")).longValue(), Long::sum);
    }
    return String.format("%.0f ms sampled; ", micros / 1000.0)
        + hits.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(top)
            .map(e -> String.format("%s %.0f ms", e.getKey(), e.getValue() * msPerSample))
            .collect(java.util.stream.Collectors.joining("; "));
  }

  /**
   * Where the {@code top} script functions with the most self time in a DevTools CPU profile were
   * called from: for each, its chains of {@code depth} callers (nearest first, "&lt;" between them)
   * with their time, the three largest chains. Names a cost that self time alone leaves anonymous,
   * such as which part of ECharts measures text.
   */
  @SuppressWarnings("unchecked")
  static String callers(Map<String, Object> answer, int top, int depth) {
    Map<String, Object> profile = (Map<String, Object>) answer.get("profile");
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) profile.get("nodes");
    double micros =
        ((Number) profile.get("endTime")).doubleValue()
            - ((Number) profile.get("startTime")).doubleValue();
    long samples = nodes.stream().mapToLong(n -> ((Number) n.get("hitCount")).longValue()).sum();
    double msPerSample = samples == 0 ? 0 : micros / 1000.0 / samples;
    Map<Long, Map<String, Object>> byId = new java.util.HashMap<>();
    Map<Long, Long> parent = new java.util.HashMap<>();
    for (Map<String, Object> node : nodes) {
      long id = ((Number) node.get("id")).longValue();
      byId.put(id, node);
      for (Object child : (List<Object>) node.getOrDefault("children", List.of())) {
        parent.put(((Number) child).longValue(), id);
      }
    }
    java.util.function.Function<Map<String, Object>, String> name =
        node -> {
          Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
          String f = String.valueOf(frame.get("functionName"));
          return (f.isEmpty() ? "(anonymous)" : f) + ":" + frame.get("lineNumber");
        };
    Map<String, Long> self = new java.util.HashMap<>();
    for (Map<String, Object> node : nodes) {
      Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
      if (!String.valueOf(frame.get("url")).isEmpty()) {
        self.merge(name.apply(node), ((Number) node.get("hitCount")).longValue(), Long::sum);
      }
    }
    List<String> out = new ArrayList<>();
    self.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            fn -> {
              Map<String, Long> chains = new java.util.HashMap<>();
              for (Map<String, Object> node : nodes) {
                if (!name.apply(node).equals(fn.getKey())) continue;
                StringBuilder chain = new StringBuilder();
                Long up = parent.get(((Number) node.get("id")).longValue());
                for (int d = 0; d < depth && up != null; d++, up = parent.get(up)) {
                  chain.append(d == 0 ? "" : " < ").append(name.apply(byId.get(up)));
                }
                chains.merge(
                    chain.toString(), ((Number) node.get("hitCount")).longValue(), Long::sum);
              }
              out.add(
                  fn.getKey()
                      + " from "
                      + chains.entrySet().stream()
                          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                          .limit(3)
                          .map(
                              e ->
                                  String.format(
                                      "[%s] %.0f ms", e.getKey(), e.getValue() * msPerSample))
                          .collect(java.util.stream.Collectors.joining(", ")));
            });
    return String.join("; ", out);
  }

  /** "min a ms, median b ms, p90 c ms, max d ms" of the times (sorted in place). */
  static String stats(List<Long> times) {
    Collections.sort(times);
    int n = times.size();
    return String.format(
        "min %d ms, median %d ms, p90 %d ms, max %d ms",
        times.get(0), times.get(n / 2), times.get((int) Math.ceil(n * 0.9) - 1), times.get(n - 1));
  }
}
