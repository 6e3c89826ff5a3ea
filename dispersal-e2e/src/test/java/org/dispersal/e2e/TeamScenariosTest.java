package org.dispersal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Team-private scenarios in the dashboard (issue #6): an analyst keeps a scenario and its run to
 * her team; an analyst of another team finds neither in his lists, and opening their addresses
 * directly shows the "not found" page, never their contents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class TeamScenariosTest {

  private static final String ANA = "ana-alpha";
  private static final String ANA_PASSWORD = "ana-alpha-secret-1";
  private static final String BEN = "ben-beta";
  private static final String BEN_PASSWORD = "ben-beta-secret-1";
  private static final String PRIVATE = "alpha-private";

  private TestServer server;
  private long sharedRun;

  @BeforeAll
  void startService() throws Exception {
    Browser.assumeAvailable();
    server = TestServer.start();
    TestServer.Client admin = server.signIn("admin", TestServer.ADMIN_PASSWORD);
    sharedRun = admin.runAndWait(admin.scenarioId("isis-2017"), 3, 3);
  }

  @AfterAll
  void stopService() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aTeamScenarioAndItsRunStayHiddenFromAnotherTeam() throws Exception {
    try (Browser b = Browser.start()) {
      // The admin puts two analysts in two teams.
      signIn(b, "admin", TestServer.ADMIN_PASSWORD);
      b.css("nav a[href='#/admin']").click();
      addUser(b, ANA, ANA_PASSWORD, "alpha");
      addUser(b, BEN, BEN_PASSWORD, "beta");
      assertThat(rowOf(b, "#user-list", ANA).getText()).contains("alpha");
      assertThat(rowOf(b, "#user-list", BEN).getText()).contains("beta");
      assertThat(b.severeLogEntries()).isEmpty();
      signOut(b);

      // Ana makes a scenario that only her team can see.
      signIn(b, ANA, ANA_PASSWORD);
      assertThat(b.css("#account").getText()).isEqualTo(ANA + " (analyst, team alpha)");
      b.css("nav a[href='#/scenarios']").click();
      b.await(elementToBeClickable(By.id("new-scenario"))).click();
      b.await(visibilityOfElementLocated(By.name("name"))).sendKeys(PRIVATE);
      replaceText(
          b.css("textarea[name=yaml]"),
          "extends: isis-2017\nname: alpha-private\ndescription: Kept to team alpha.\nmonths: 3\n");
      Select visibleTo = new Select(b.css("#visibility"));
      assertThat(visibleTo.getOptions().stream().map(WebElement::getText))
          .containsExactly("Everyone", "My team only (alpha)");
      assertThat(visibleTo.getFirstSelectedOption().getText()).isEqualTo("Everyone");
      visibleTo.selectByValue("team");
      b.screenshotDownTo(out("teams-editor.png"), ".editor .buttons");
      b.css("#save").click();
      b.await(urlMatches("#/scenarios/\\d+"));
      b.await(textToBePresentInElementLocated(By.cssSelector(".editor [role=status]"), "Saved"));
      long scenario = idIn(b.driver().getCurrentUrl(), "scenarios");
      // The saved scenario comes back from the server as a team scenario.
      assertThat(new Select(b.css("#visibility")).getFirstSelectedOption().getDomProperty("value"))
          .isEqualTo("team");

      b.css("nav a[href='#/scenarios']").click();
      b.await(presenceOfElementLocated(By.id("scenario-list")));
      assertThat(
              rowOf(b, "#scenario-list", PRIVATE).findElement(By.cssSelector(".badge")).getText())
          .isEqualTo("Team alpha");
      b.screenshot(out("teams-library.png"));
      assertThat(
              rowOf(b, "#scenario-list", "isis-2017-border-sealed")
                  .findElements(By.cssSelector(".badge")))
          .isEmpty();

      // She runs it: a small forecast, which belongs to her team too.
      b.driver().findElement(By.linkText(PRIVATE)).click();
      b.await(elementToBeClickable(By.id("run-this"))).click();
      WebElement choice = b.await(visibilityOfElementLocated(By.name("scenario")));
      assertThat(new Select(choice).getFirstSelectedOption().getText()).startsWith(PRIVATE);
      replaceText(b.css("input[name=replications]"), "4");
      b.css("input[name=seed]").sendKeys("3");
      b.css("input[name=months]").sendKeys("3");
      b.css("#start-run").click();
      b.await(urlMatches("#/runs/\\d+"));
      long run = idIn(b.driver().getCurrentUrl(), "runs");
      b.await(textToBePresentInElementLocated(By.id("progress-text"), "Finished"));
      b.await(textToBePresentInElementLocated(By.id("run-visible-to"), "Team alpha only"));
      b.css("nav a[href='#/runs']").click();
      b.await(presenceOfElementLocated(By.id("run-list")));
      assertThat(rowOf(b, "#run-list", "#" + run).findElement(By.cssSelector(".badge")).getText())
          .isEqualTo("Team alpha");
      assertThat(rowOf(b, "#run-list", "#" + sharedRun).findElements(By.cssSelector(".badge")))
          .isEmpty();
      b.screenshot(out("teams-runs.png"));
      assertThat(b.severeLogEntries()).isEmpty();
      signOut(b);

      // Ben, of team beta, sees neither in his lists...
      signIn(b, BEN, BEN_PASSWORD);
      assertThat(b.css("#account").getText()).isEqualTo(BEN + " (analyst, team beta)");
      WebElement runs = b.await(presenceOfElementLocated(By.id("run-list")));
      assertThat(runs.getText()).doesNotContain(PRIVATE);
      assertThat(
              runs.findElements(By.cssSelector("a")).stream().map(a -> a.getDomAttribute("href")))
          .contains("#/runs/" + sharedRun)
          .doesNotContain("#/runs/" + run);
      assertThat(
              new Select(b.css("#launcher select[name=scenario]"))
                  .getOptions().stream().map(WebElement::getText))
          .isNotEmpty()
          .noneMatch(text -> text.contains(PRIVATE));
      b.css("nav a[href='#/scenarios']").click();
      WebElement scenarios = b.await(presenceOfElementLocated(By.id("scenario-list")));
      assertThat(scenarios.getText()).contains("isis-2017").doesNotContain(PRIVATE);

      // ... and their addresses show the "not found" page, the same as for an id that never was.
      b.open(server.url() + "#/scenarios/" + scenario);
      assertNotFound(b, "Scenario not found", "There is no scenario " + scenario + " ");
      assertThat(b.all("textarea[name=yaml]")).isEmpty();
      b.screenshot(out("teams-not-found.png"));
      b.open(server.url() + "#/runs/" + run);
      assertNotFound(b, "Run not found", "There is no run " + run + " ");
      assertThat(b.all("#run-body")).isEmpty();
      b.open(server.url() + "#/runs/" + (run + 1000));
      assertNotFound(b, "Run not found", "There is no run " + (run + 1000) + " ");
      b.css("#not-found-back").click();
      b.await(presenceOfElementLocated(By.id("run-list")));
      // Comparing with the hidden run is refused in the same words as a missing run.
      b.open(server.url() + "#/compare?a=" + sharedRun + "&b=" + run + "&month=3");
      assertThat(b.await(visibilityOfElementLocated(By.id("compare-not-found"))).getText())
          .startsWith("Not compared: no run " + run + ".");
      assertThat(b.all("#comparison-table")).isEmpty();

      // The only failed requests are those 404 answers.
      List<String> failed = b.severeLogEntries();
      assertThat(failed).isNotEmpty();
      assertThat(failed)
          .allSatisfy(
              line ->
                  assertThat(line)
                      .contains("status of 404")
                      .containsAnyOf(
                          "/api/scenarios/" + scenario + " ",
                          "/api/runs/" + run + " ",
                          "/api/runs/" + run + "/summary",
                          "/api/runs/" + (run + 1000),
                          "/api/compare?"));
    }
  }

  private void assertNotFound(Browser b, String title, String message) {
    b.await(textToBePresentInElementLocated(By.id("not-found"), message));
    assertThat(b.css("h1").getText()).isEqualTo(title);
    assertThat(b.css("#not-found").getText())
        .startsWith(message)
        .contains("visible only to a team you are not in");
    assertThat(b.css("main").getText()).doesNotContain(PRIVATE).doesNotContain("alpha");
  }

  private static void addUser(Browser b, String name, String password, String team) {
    WebElement form = b.await(visibilityOfElementLocated(By.id("new-user")));
    form.findElement(By.name("username")).sendKeys(name);
    form.findElement(By.name("password")).sendKeys(password);
    new Select(b.css("#new-user-role")).selectByValue("analyst");
    form.findElement(By.name("team")).sendKeys(team);
    form.findElement(By.cssSelector("button[type=submit]")).click();
    b.await(textToBePresentInElementLocated(By.id("user-list"), name));
  }

  /** The row of a table whose first cell's link (or the cell itself, without one) reads text. */
  private static WebElement rowOf(Browser b, String table, String text) {
    return b.all(table + " tbody tr").stream()
        .filter(row -> firstCellName(row).equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row starting with " + text + " in " + table));
  }

  private static String firstCellName(WebElement row) {
    WebElement cell = row.findElement(By.cssSelector("td"));
    List<WebElement> links = cell.findElements(By.cssSelector("a"));
    return (links.isEmpty() ? cell : links.get(0)).getText();
  }

  private static long idIn(String url, String kind) {
    Matcher m = Pattern.compile("#/" + kind + "/(\\d+)").matcher(url);
    if (!m.find()) {
      throw new AssertionError("no " + kind + " id in " + url);
    }
    return Long.parseLong(m.group(1));
  }

  private void signIn(Browser b, String user, String password) {
    b.open(server.url());
    b.await(visibilityOfElementLocated(By.name("username"))).sendKeys(user);
    b.css("input[name=password]").sendKeys(password);
    b.css("#sign-in").click();
    b.await(visibilityOfElementLocated(By.id("sign-out")));
  }

  private static void signOut(Browser b) {
    b.css("#sign-out").click();
    b.await(visibilityOfElementLocated(By.id("sign-in")));
  }

  private static void replaceText(WebElement input, String text) {
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  private static Path out(String name) {
    return Path.of(System.getProperty("dispersal.e2e.out", "target/e2e"), name);
  }
}
