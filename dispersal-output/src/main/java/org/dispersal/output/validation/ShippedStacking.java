package org.dispersal.output.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dispersal.hindcast.HypothesisHindcast;
import org.dispersal.output.text.Json;

/**
 * The stacking weights a scenario's default forecast mixes its hypotheses by, as shipped: fitted by
 * {@code dispersal hindcast --origins ... --hypotheses --stacking-as-of START} on the figures
 * published before the scenario's start ({@link HypothesisHindcast#weightsAsOf}), read from the
 * resource {@code org/dispersal/output/stacking/<scenario>.json}. {@code
 * scripts/stacking-weights.sh} regenerates the file; the command that made it is inside.
 *
 * @param scenario the scenario
 * @param asOf the date the weights are as of (no figure published later informed them)
 * @param command the command that fitted them
 * @param basis {@code stacked}, or {@code prior} when no figure was available by the date
 * @param figures figure scorings the weights were fitted on
 * @param ids the hypothesis ids, in the scenario's order
 * @param weights one per hypothesis, summing to 1
 * @param prior the scenario's prior weights when the weights were fitted
 */
public record ShippedStacking(
    String scenario,
    LocalDate asOf,
    String command,
    String basis,
    int figures,
    List<String> ids,
    List<Double> weights,
    List<Double> prior) {

  /** The folder of the shipped weights among the resources. */
  public static final String FOLDER = "org/dispersal/output/stacking/";

  /** Copies the lists and checks they match. */
  public ShippedStacking {
    ids = List.copyOf(ids);
    weights = List.copyOf(weights);
    prior = List.copyOf(prior);
    if (ids.size() != weights.size() || ids.size() != prior.size() || ids.size() < 2) {
      throw new IllegalArgumentException(
          "stacking weights of " + scenario + " need one weight and prior per hypothesis");
    }
  }

  /** The weights as an array, in hypothesis order. */
  public double[] weightArray() {
    return weights.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** One line for manifests and reports. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(ids.get(i)).append(Numbers.fmt(" %.3f", weights.get(i)));
    }
    return b
        + (basis.equals("stacked")
            ? Numbers.fmt(
                " (stacking weights as of %s, fitted on %d figure scorings published by then)",
                asOf, figures)
            : " (the prior weights: no figure published by " + asOf + " could weigh them)");
  }

  /** The shipped weights of a scenario, if any. */
  public static Optional<ShippedStacking> shipped(String scenario) {
    if (!scenario.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      return Optional.empty();
    }
    try (InputStream in =
        ShippedStacking.class.getClassLoader().getResourceAsStream(FOLDER + scenario + ".json")) {
      return in == null ? Optional.empty() : Optional.of(read(Json.MAPPER.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stacking weights of " + scenario, e);
    }
  }

  /** Reads the document {@link #write} writes. */
  public static ShippedStacking read(JsonNode root) {
    List<String> ids = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    List<Double> prior = new ArrayList<>();
    for (JsonNode h : root.path("hypotheses")) {
      ids.add(h.path("id").asText());
      weights.add(h.path("weight").asDouble());
      prior.add(h.path("prior").asDouble());
    }
    return new ShippedStacking(
        root.path("scenario").asText(),
        LocalDate.parse(root.path("as_of").asText()),
        root.path("command").asText(),
        root.path("basis").asText(),
        root.path("figures").asInt(),
        ids,
        weights,
        prior);
  }

  /**
   * Writes the weights as of one date in the shipped form.
   *
   * @param scenario the scenario's name
   * @param result the hypotheses' hindcast (for the ids and prior weights)
   * @param w the weights as of the date
   * @param command the command that made them
   * @param file where
   */
  public static void write(
      String scenario,
      HypothesisHindcast.Result result,
      HypothesisHindcast.Weights w,
      String command,
      Path file)
      throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("scenario", scenario);
    root.put("as_of", w.asOf().toString());
    root.put("command", command);
    root.put("basis", w.basis().id());
    root.put("figures", w.figures());
    root.put(
        "method",
        "stacking of predictive distributions (Yao, Vehtari, Simpson and Gelman 2018) on the log"
            + " predictive probabilities of the figures that rolling origins before the date"
            + " scored and that were published by it");
    ArrayNode hs = root.putArray("hypotheses");
    double[] weights = w.weights();
    for (int i = 0; i < result.ids().size(); i++) {
      ObjectNode h = hs.addObject();
      h.put("id", result.ids().get(i));
      h.put("weight", Math.round(weights[i] * 1e6) / 1e6);
      h.put("prior", Math.round(result.prior()[i] * 1e6) / 1e6);
    }
    Json.write(root, file);
  }
}
