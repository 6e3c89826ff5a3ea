package org.dispersal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

/**
 * How long a stored run's results take to appear: loads the results page of a finished 36-month
 * forecast again and again in headless Chromium and prints the time from the start of the page load
 * to the moment its fan charts, flow diagram and map are drawn. A benchmark, not a test: it asserts
 * nothing about time and runs only when asked, for example {@code ./mvnw -pl dispersal-e2e verify
 * -Dtest=ResultsPageBench -Ddispersal.bench.loads=20}.
 */
@EnabledIfSystemProperty(named = "dispersal.bench.loads", matches = "\\d+")
@Tag("browser")
class ResultsPageBench {

  @Test
  void loadStoredResultsRepeatedly() throws Exception {
    Browser.assumeAvailable();
    int loads = Integer.parseInt(System.getProperty("dispersal.bench.loads"));
    try (TestServer server = TestServer.start();
        Browser b = Browser.start()) {
      TestServer.Client admin = server.signIn("admin", TestServer.ADMIN_PASSWORD);
      long run = admin.runAndWait(admin.scenarioId("isis-2017"), 100, 36);
      b.open(server.url());
      b.await(presenceOfElementLocated(By.name("username"))).sendKeys("admin");
      b.css("input[name=password]").sendKeys(TestServer.ADMIN_PASSWORD);
      b.css("#sign-in").click();
      b.await(presenceOfElementLocated(By.id("sign-out")));
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < loads; i++) {
        b.open("about:blank");
        b.open(server.url() + "#/runs/" + run);
        Long drawn = b.resultsDrawnMillis();
        assertThat(drawn).as("results drawn on load " + i).isNotNull();
        times.add(drawn);
      }
      System.out.println(
          "last load, start and duration in ms of each request and long task: "
              + b.driver()
                  .executeScript(
                      "return performance.getEntries()"
                          + ".filter(e => e.entryType === 'resource' || e.entryType === 'long-animation-frame')"
                          + ".map(e => (e.entryType === 'resource' ? new URL(e.name).pathname"
                          + " + new URL(e.name).search : 'script') + ' ' + Math.round(e.startTime)"
                          + " + '+' + Math.round(e.duration)).join('; ')"));
      Collections.sort(times);
      System.out.printf(
          "results page of a stored run (isis-2017, 100 replications, 36 months), %d loads:"
              + " min %d ms, median %d ms, p90 %d ms, max %d ms; load average %s%n",
          loads,
          times.get(0),
          times.get(loads / 2),
          times.get((int) Math.ceil(loads * 0.9) - 1),
          times.get(loads - 1),
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    }
  }
}
