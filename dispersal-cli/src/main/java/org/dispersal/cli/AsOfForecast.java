package org.dispersal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dispersal.app.forecast.AsOfForecastRequest;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.text.Json;

/**
 * The CLI side of {@code dispersal forecast --as-of}: reads the scenario as of the date (initial
 * stocks from the shared data known then, as {@code hindcast --as-of} does) and the observation
 * files, and prints what the run was conditioned on from its manifest.
 */
final class AsOfForecast {

  private AsOfForecast() {}

  /**
   * What the request needs.
   *
   * @param scenario the scenario read as of the date, with {@code --months} applied
   * @param text the scenario's text, for the manifest's hash
   * @param asOf the date
   * @param observations every file's figures, in order
   */
  record Prepared(
      Scenario scenario, String text, LocalDate asOf, List<ObservationRecord> observations) {}

  /**
   * Checks the date first (one line naming the possible dates), then reads everything, the initial
   * stocks built by the given rule.
   */
  static Prepared prepare(
      String nameOrPath,
      List<String> sets,
      StockChoice stocks,
      Integer months,
      LocalDate asOf,
      List<Path> files) {
    AsOfForecastRequest.checkAsOf(asOf);
    List<ObservationRecord> rows = new ArrayList<>();
    for (Path p : files) {
      rows.addAll(ObservationsReader.read(p));
    }
    Scenario s = ScenarioSource.reader(sets, stocks).withAsOf(asOf).read(nameOrPath);
    if (months != null) {
      s = s.withMonths(months);
    }
    return new Prepared(s, ScenarioSource.text(nameOrPath), asOf, rows);
  }

  /** Prints the figures used, those set aside by reason, the effective sample size, any warning. */
  static void print(PrintWriter out, String manifestJson) {
    JsonNode a;
    try {
      a = Json.MAPPER.readTree(manifestJson).path("assimilation");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest is always JSON", e);
    }
    Map<String, Integer> reasons = new LinkedHashMap<>();
    for (JsonNode s : a.path("set_aside")) {
      String r = s.path("reason").asText();
      String kind =
          r.contains("after the as-of date")
              ? "published later"
              : r.startsWith("not a model target")
                  ? "not a model target"
                  : "dated before the start";
      reasons.merge(kind, 1, Integer::sum);
    }
    StringBuilder aside = new StringBuilder();
    reasons.forEach(
        (k, n) -> aside.append(aside.length() == 0 ? "" : ", ").append(n).append(' ').append(k));
    out.printf(
        Locale.ROOT,
        "Conditioned on %d figures published by %s; %d set aside (%s)%n",
        a.path("used").size(),
        a.path("as_of").asText(),
        a.path("set_aside").size(),
        aside.length() == 0 ? "none" : aside);
    int n = a.path("particles").asInt();
    double ess = a.path("effective_sample_size").asDouble();
    out.printf(
        Locale.ROOT,
        "Effective sample size %.1f of %d (%.1f%%), %d distinct replications kept; %s%n",
        ess,
        n,
        100 * ess / n,
        a.path("distinct").asInt(),
        a.path("note").asText());
    if ("monthly".equals(a.path("filter").asText()) && a.path("steps").size() > 0) {
      StringBuilder steps = new StringBuilder();
      for (JsonNode st : a.path("steps")) {
        steps
            .append(steps.length() == 0 ? "" : "; ")
            .append(
                String.format(
                    Locale.ROOT,
                    "%s: %d figures, ESS %.1f, %d distinct",
                    st.path("month").asText(),
                    st.path("figures").asInt(),
                    st.path("ess").asDouble(),
                    st.path("distinct").asInt()));
      }
      out.println("Monthly filter with rejuvenation (smallest step ESS above): " + steps);
      JsonNode move = a.path("parameter_move");
      if (move.path("method").asText().equals("liu-west")) {
        JsonNode all = a.path("steps");
        out.println(
            String.format(
                Locale.ROOT,
                "Parameters moved at each step (Liu-West, discount %s): %d distinct parameter"
                    + " vectors after the last step",
                move.path("discount").asText(),
                all.get(all.size() - 1).path("parameter_vectors").asInt()));
      } else if (move.path("method").asText().equals("off")) {
        out.println("Parameters not moved (--filter-discount off): each particle keeps its own");
      }
    }
    if (a.has("warning")) {
      out.println("Warning: " + a.path("warning").asText());
    }
    out.println("Figures used and set aside: assimilation.csv");
  }
}
