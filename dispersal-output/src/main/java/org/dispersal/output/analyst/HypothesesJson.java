package org.dispersal.output.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.dispersal.hypotheses.Diagnosticity;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.Icd203;
import org.dispersal.hypotheses.Indicator;
import org.dispersal.hypotheses.Updater;
import org.dispersal.hypotheses.WatchList;
import org.dispersal.output.text.Json;

/**
 * The JSON form of a scenario's competing hypotheses and indicators, shared by {@code update.json}
 * ({@link UpdateOutputs#json}) and the service's view of a scenario's hypotheses at the prior
 * weights ({@link #atPrior}): the same element shapes in both, every weight array in the order of
 * the hypotheses, NaN written as null.
 */
public final class HypothesesJson {

  /**
   * Reliability of reports that state none, and of a future sighting in the watch list. Assumption:
   * GTD and ACLED code events from press reports with their own checks, attribution to a group
   * being the weak point; 0.8 treats one report in five as possibly wrong. Try 0.6 to 1.0.
   */
  public static final double DEFAULT_RELIABILITY = 0.8;

  /**
   * Largest gap in days between two reports of one incident. Assumption: reports often carry the
   * date of publication, a day after the incident.
   */
  public static final int DEFAULT_DUPLICATE_DAYS = 1;

  private HypothesesJson() {}

  /**
   * The hypotheses and indicators before any evidence: the document of {@code update.json} with no
   * as-of date, the posterior equal to the prior, no trail, events, sources or notes, each
   * indicator's status and count null, its diagnosticity at the prior weights, and every indicator
   * ranked for watching at the prior weights with a sighting reported at {@link
   * #DEFAULT_RELIABILITY}.
   *
   * @param scenario the scenario's name
   * @param set the scenario's hypotheses and indicators
   */
  public static ObjectNode atPrior(String scenario, HypothesisSet set) {
    double[] prior = set.priorWeights();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("scenario", scenario);
    root.putNull("asOf");
    root.put("reliability", DEFAULT_RELIABILITY);
    root.set("hypotheses", hypotheses(set.hypotheses(), prior, prior));
    root.put("leader", set.hypotheses().get(argmax(prior)).id());
    root.putArray("trail");
    ArrayNode indicators = root.putArray("indicators");
    for (Indicator ind : set.indicators()) {
      indicators.add(
          indicator(
              ind,
              null,
              Diagnosticity.of(ind, prior, Diagnosticity.FLAT_FACTOR),
              set.hypotheses()));
    }
    root.set("watch", watch(WatchList.rank(set.indicators(), prior, DEFAULT_RELIABILITY)));
    root.putArray("events");
    root.putArray("sources");
    root.putArray("notes");
    return root;
  }

  /** The hypotheses with their prior and current weights and the ICD 203 words of the latter. */
  static ArrayNode hypotheses(List<Hypothesis> hs, double[] prior, double[] posterior) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (int i = 0; i < hs.size(); i++) {
      Hypothesis h = hs.get(i);
      ObjectNode n = out.addObject();
      n.put("id", h.id());
      n.put("name", h.name());
      n.put("runs", h.describeRun());
      n.put("basis", h.basis());
      ArrayNode sources = n.putArray("sources");
      h.sources().forEach(sources::add);
      number(n, "prior", prior[i]);
      number(n, "posterior", posterior[i]);
      n.put("words", Icd203.of(posterior[i]).words());
    }
    return out;
  }

  /**
   * One indicator: its definition, its state at the as-of date (null fields before any evidence)
   * and its diagnosticity.
   *
   * @param status the indicator's state, or null when no events were read
   */
  static ObjectNode indicator(
      Indicator ind, Updater.Status status, Diagnosticity d, List<Hypothesis> hs) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", ind.id());
    n.put("name", ind.name());
    n.put("kind", ind.watchesFigures() ? "figure" : "events");
    ObjectNode window = n.putObject("window");
    window.put("from", ind.from().toString());
    window.put("to", ind.to().toString());
    n.put("atLeast", ind.atLeast());
    ArrayNode likelihoods = n.putArray("likelihoods");
    ind.likelihoods().forEach(p -> likelihoods.add(finite(p)));
    if (ind.coverage() == null) {
      n.putNull("coverage");
    } else {
      number(n, "coverage", ind.coverage());
    }
    if (status == null) {
      n.putNull("status");
      n.putNull("found");
    } else {
      n.put("status", statusId(status.outcome()));
      n.put("found", status.found());
    }
    number(n, "ratioIfObserved", d.ratioIfObserved());
    number(n, "ratioIfNotObserved", d.ratioIfNotObserved());
    number(n, "expectedBits", d.expectedBits());
    n.put("favours", hs.get(d.favoured()).id());
    n.put("flat", d.flat());
    n.put("basis", ind.basis());
    return n;
  }

  /** The indicators to watch, most informative first. */
  static ArrayNode watch(List<WatchList.Watch> watch) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (WatchList.Watch w : watch) {
      ObjectNode n = out.addObject();
      n.put("indicator", w.indicator().id());
      n.put("name", w.indicator().name());
      number(n, "probabilitySeen", w.probabilitySeen());
      n.set("ifSeen", array(w.ifSeen()));
      n.set("ifNotSeen", array(w.ifNotSeen()));
      number(n, "expectedShift", w.expectedShift());
      number(n, "expectedBits", w.expectedBits());
    }
    return out;
  }

  /** The id of an indicator's state in JSON: observed, not_observed, ..., no_figures. */
  static String statusId(Updater.Outcome o) {
    return o.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Numbers as a JSON array, NaN and infinities as null. */
  static ArrayNode array(double[] values) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (double v : values) {
      out.add(finite(v));
    }
    return out;
  }

  /** Puts a number, or null when it is NaN or infinite. */
  static void number(ObjectNode n, String name, double v) {
    n.set(name, finite(v));
  }

  private static JsonNode finite(double v) {
    return Double.isFinite(v) ? Json.MAPPER.getNodeFactory().numberNode(v) : Json.MAPPER.nullNode();
  }

  /** The index of the largest weight, the first on a tie. */
  static int argmax(double[] w) {
    int best = 0;
    for (int i = 1; i < w.length; i++) {
      if (w[i] > w[best]) {
        best = i;
      }
    }
    return best;
  }

  /** A list of texts as a JSON array. */
  static ArrayNode texts(List<String> values) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    values.forEach(out::add);
    return out;
  }
}
