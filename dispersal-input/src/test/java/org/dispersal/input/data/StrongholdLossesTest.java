package org.dispersal.input.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dispersal.assimilation.AsOfStart;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Scenario;
import org.dispersal.model.Stronghold;
import org.junit.jupiter.api.Test;

/**
 * Every stronghold isis-2017 gives a fall-month parameter has a dated loss in the shared data's
 * territory events, with the event's source, and the losses fall in the order the events did.
 */
class StrongholdLossesTest {

  @Test
  void everyStrongholdStillHeldAtTheStartHasItsDatedLoss() {
    SharedData data = SharedData.shipped();
    Map<String, AsOfStart.KnownLoss> losses = StrongholdLosses.of(data);
    Scenario s =
        ScenarioReader.withDefaults()
            .withSharedOrigins(d -> OriginBuilder.withDefaults().build(data, d))
            .readBuiltIn("isis-2017");
    Set<String> held =
        s.drivers().strongholds().stream()
            .filter(h -> h.fallParameter() != null)
            .map(Stronghold::id)
            .collect(Collectors.toSet());
    assertThat(losses.keySet()).containsExactlyInAnyOrderElementsOf(held);
    assertThat(losses.get("west_mosul"))
        .isEqualTo(new AsOfStart.KnownLoss(LocalDate.of(2017, 7, 10), "WIKI_MOSUL2016"));
    assertThat(losses.get("raqqa").date()).isEqualTo(LocalDate.of(2017, 10, 17));
    for (AsOfStart.KnownLoss l : losses.values()) {
      assertThat(data.source(l.source())).as(l.toString()).isPresent();
      assertThat(l.date()).isAfter(LocalDate.of(2017, 2, 1));
    }
  }
}
