package org.dispersal.output.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dispersal.output.report.SankeyLayout.Link;
import org.dispersal.output.report.SankeyLayout.Node;
import org.junit.jupiter.api.Test;

class SankeyLayoutTest {

  private static final double HEIGHT = 400;

  private final SankeyLayout layout = new SankeyLayout();
  private final Node a = layout.node(0, "", "a", "#000");
  private final Node b = layout.node(0, "", "b", "#000");
  private final Node x = layout.node(1, "", "x", "#000");
  private final Node y = layout.node(1, "", "y", "#000");
  private final Node z = layout.node(1, "", "z", "#000");
  private final Node far = layout.node(2, "one", "far", "#000");
  private final Node other = layout.node(2, "two", "other", "#000");
  private final Node empty = layout.node(2, "two", "empty", "#000");

  SankeyLayoutTest() {
    layout.link(a, x, 900, "#000", null);
    layout.link(a, y, 30, "#000", null);
    layout.link(b, x, 100, "#000", null);
    layout.link(b, z, 1, "#000", null);
    layout.link(y, far, 20, "#000", null);
    layout.link(y, other, 10, "#000", null);
    layout.link(a, z, 0, "#000", null);
  }

  @Test
  void bandsKeepTheirWidthBetweenColumnsOfTheBaseScale() {
    layout.layout(HEIGHT);
    assertThat(layout.links()).hasSize(6);
    assertThat(layout.nodes()).doesNotContain(empty);
    for (Link l : layout.links()) {
      assertThat(l.sourceWidth).isCloseTo(l.value * layout.scale(l.source.column), within(1e-9));
      assertThat(l.targetWidth).isCloseTo(l.value * layout.scale(l.target.column), within(1e-9));
    }
    assertThat(layout.magnification(1)).isEqualTo(1);
  }

  @Test
  void nodesFitTheHeightInOrderWithGapsAndLabelRoom() {
    layout.layout(HEIGHT);
    for (int c = 0; c < 3; c++) {
      int column = c;
      List<Node> nodes = layout.nodes().stream().filter(n -> n.column == column).toList();
      double previousEnd = Double.NEGATIVE_INFINITY;
      String group = null;
      for (Node n : nodes) {
        double gap = n.group.equals(group) ? SankeyLayout.GAP : SankeyLayout.GROUP_GAP;
        if (group != null) {
          assertThat(n.slotTop).isGreaterThanOrEqualTo(previousEnd + gap - 1e-9);
        }
        assertThat(n.slot).isGreaterThanOrEqualTo(SankeyLayout.LABEL_SLOT);
        assertThat(n.slotTop).isGreaterThanOrEqualTo(-1e-9);
        previousEnd = n.slotTop + n.slot;
        group = n.group;
      }
      assertThat(previousEnd).isLessThanOrEqualTo(HEIGHT + 1e-9);
    }
  }

  @Test
  void aMagnifiedColumnIsDrawnAtARoundMultipleOfTheBaseScale() {
    layout.magnify(2);
    layout.layout(HEIGHT);
    double zoom = layout.magnification(2);
    assertThat(zoom).isGreaterThan(1);
    assertThat(List.of(1.0, 2.0, 5.0)).contains(zoom / Math.pow(10, Math.floor(Math.log10(zoom))));
    Link toFar = layout.links().stream().filter(l -> l.target == far).findFirst().orElseThrow();
    assertThat(toFar.targetWidth).isCloseTo(toFar.sourceWidth * zoom, within(1e-9));
    assertThat(far.height).isCloseTo(20 * layout.scale(2), within(1e-9));
  }

  @Test
  void poolAdjacentViolatorsGivesTheClosestNonDecreasingSequence() {
    assertThat(SankeyLayout.poolAdjacentViolators(new double[] {1, 3, 2, 4}))
        .containsExactly(1, 2.5, 2.5, 4);
    assertThat(SankeyLayout.poolAdjacentViolators(new double[] {5, 4, 3})).containsExactly(4, 4, 4);
    assertThat(SankeyLayout.roundDown(37)).isEqualTo(20);
    assertThat(SankeyLayout.roundDown(0.5)).isEqualTo(1);
  }

  @Test
  void monthStepsGiveAtMostSixIntervals() {
    assertThat(FanChart.monthStep(36)).isEqualTo(6);
    assertThat(FanChart.monthStep(5)).isEqualTo(1);
  }
}
