package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.ExitPropensity;
import org.dispersal.model.Scenario;
import org.dispersal.stocks.ExitPropensityEstimator;
import org.junit.jupiter.api.Test;

/** The forecast manifest lists how the exit propensity was set, k, and every origin's m. */
class ExitPropensityManifestTest {

  @Test
  void theDefaultForecastSaysItKeepsOne() throws Exception {
    ScenarioInput input = Scenarios.builtIn("isis-2017", 2);
    RunResult<EnsembleSummary> result =
        ForecastRequest.of(input, 2, 7L, 1)
            .execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    JsonNode node =
        new ObjectMapper().readTree(result.manifestJson()).get("scenario").get("exit_propensity");
    assertThat(node.get("basis").asText()).isEqualTo(ExitPropensity.BASIS_NONE);
  }

  @Test
  void theManifestListsEveryOriginsMultiplier() throws Exception {
    String yaml = "extends: isis-2017\nexit_propensity: estimated\n";
    ScenarioInput input =
        new ScenarioInput(Scenarios.reader().parse(yaml, "estimated.yaml"), yaml).withMonths(2);
    RunResult<EnsembleSummary> result =
        ForecastRequest.of(input, 2, 7L, 1)
            .execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    JsonNode node =
        new ObjectMapper().readTree(result.manifestJson()).get("scenario").get("exit_propensity");
    Scenario s = input.scenario();
    assertThat(node.get("basis").asText()).isEqualTo(ExitPropensity.BASIS_ESTIMATED);
    assertThat(node.get("pseudo_travellers").asDouble())
        .isEqualTo(ExitPropensityEstimator.PSEUDO_TRAVELLERS);
    assertThat(node.get("pooled_share").asDouble()).isEqualTo(s.exitPropensity().pooledShare());
    assertThat(node.get("clip").get(0).asDouble())
        .isEqualTo(ExitPropensityEstimator.MIN_MULTIPLIER);
    assertThat(node.get("clip").get(1).asDouble())
        .isEqualTo(ExitPropensityEstimator.MAX_MULTIPLIER);
    assertThat(node.get("origins").size()).isEqualTo(s.origins().size());
    assertThat(node.get("origins").get("MAR").asDouble()).isEqualTo(s.exitPropensity().of("MAR"));
    assertThat(node.get("origins").get("MAR").asDouble()).isLessThan(1.0);
    assertThat(node.get("origins").get("rest:world").asDouble()).isEqualTo(1.0);
  }
}
