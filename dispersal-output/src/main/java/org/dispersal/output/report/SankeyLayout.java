package org.dispersal.output.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The geometry of a flow (Sankey) diagram with nodes in columns and links between consecutive
 * columns.
 *
 * <p>One vertical scale (pixels per person) holds for every column, so a band keeps its width from
 * end to end, except in a column marked {@linkplain #magnify magnified}: there the scale is the
 * base scale times a round factor (1, 2 or 5 times a power of ten) chosen to fill the height, and
 * bands widen on their way into it. A node is as tall as the larger of its inflow and outflow, but
 * reserves at least {@link #LABEL_SLOT} pixels so that small nodes keep readable labels; the base
 * scale is the largest for which every other column, with these reservations and the gaps, fits the
 * height. Nodes of one column may belong to named groups, which are set apart by a wider gap. The
 * first column is stacked from the top in the given order; each node of a later column is placed as
 * near as possible to the weighted centre of its sources, keeping order and gaps, so that bands run
 * as flat as the layout allows. Within a node, links are ordered by the position of the node at
 * their other end, which avoids crossings at the node.
 */
final class SankeyLayout {

  /** Vertical room reserved for a node's label. */
  static final double LABEL_SLOT = 15;

  /** Vertical gap between the slots of two nodes of one group. */
  static final double GAP = 5;

  /** Vertical gap between two groups of a column, room for the group's heading. */
  static final double GROUP_GAP = 26;

  /** A node; {@code y} and {@code height} are set by the layout. */
  static final class Node {
    final int column;
    final String group;
    final String label;
    final String colour;
    double value;
    double slotTop;
    double slot;
    double y;
    double height;

    Node(int column, String group, String label, String colour) {
      this.column = column;
      this.group = group;
      this.label = label;
      this.colour = colour;
    }

    /** The vertical centre of the node. */
    double centre() {
      return y + height / 2;
    }
  }

  /** A link between nodes of consecutive columns; the tops and widths of its ends are set later. */
  static final class Link {
    final Node source;
    final Node target;
    final double value;
    final String colour;
    final String tooltip;
    double sourceY;
    double sourceWidth;
    double targetY;
    double targetWidth;

    Link(Node source, Node target, double value, String colour, String tooltip) {
      this.source = source;
      this.target = target;
      this.value = value;
      this.colour = colour;
      this.tooltip = tooltip;
    }
  }

  private final List<Node> nodes = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();
  private final Set<Integer> magnified = new HashSet<>();
  private final Map<Integer, Double> scales = new HashMap<>();
  private double base;

  /** Adds a node; nodes of a column are stacked in the order they were added. */
  Node node(int column, String group, String label, String colour) {
    Node n = new Node(column, group, label, colour);
    nodes.add(n);
    return n;
  }

  /** Adds a link with a positive value; other values are ignored. */
  void link(Node source, Node target, double value, String colour, String tooltip) {
    if (value > 0) {
      links.add(new Link(source, target, value, colour, tooltip));
    }
  }

  /** Draws a column at its own, larger scale (for a column that holds a small part of the flow). */
  void magnify(int column) {
    magnified.add(column);
  }

  List<Node> nodes() {
    return nodes;
  }

  List<Link> links() {
    return links;
  }

  /** Pixels per person in a column. */
  double scale(int column) {
    return scales.getOrDefault(column, base);
  }

  /** How many times larger than the base scale a column is drawn. */
  double magnification(int column) {
    return scale(column) / base;
  }

  /** Places the nodes and links in a band of the given height; nodes without flow are dropped. */
  void layout(double height) {
    for (Node n : nodes) {
      double in = 0;
      double out = 0;
      for (Link l : links) {
        in += l.target == n ? l.value : 0;
        out += l.source == n ? l.value : 0;
      }
      n.value = Math.max(in, out);
    }
    nodes.removeIf(n -> n.value <= 0);
    int columns = nodes.stream().mapToInt(n -> n.column).max().orElse(-1) + 1;
    base = Double.POSITIVE_INFINITY;
    for (int c = 0; c < columns; c++) {
      if (!magnified.contains(c) && !column(c).isEmpty()) {
        base = Math.min(base, fitScale(column(c), height));
      }
    }
    base = Double.isFinite(base) && base > 0 ? base : 1;
    for (int c : magnified) {
      if (!column(c).isEmpty()) {
        scales.put(c, base * roundDown(fitScale(column(c), height) / base));
      }
    }
    for (Node n : nodes) {
      n.height = Math.max(1, n.value * scale(n.column));
      n.slot = Math.max(n.height, LABEL_SLOT);
    }
    for (int c = 0; c < columns; c++) {
      List<Node> column = column(c);
      if (c == 0) {
        stack(column);
      } else {
        relax(column, height);
      }
      for (Node n : column) {
        n.y = n.slotTop + (n.slot - n.height) / 2;
      }
    }
    for (Link l : links) {
      l.sourceWidth = l.value * scale(l.source.column);
      l.targetWidth = l.value * scale(l.target.column);
    }
    for (Node n : nodes) {
      double y = n.y;
      List<Link> out = new ArrayList<>(links.stream().filter(l -> l.source == n).toList());
      out.sort(Comparator.comparingDouble(l -> l.target.y));
      for (Link l : out) {
        l.sourceY = y;
        y += l.sourceWidth;
      }
      y = n.y;
      List<Link> in = new ArrayList<>(links.stream().filter(l -> l.target == n).toList());
      in.sort(Comparator.comparingDouble(l -> l.source.y));
      for (Link l : in) {
        l.targetY = y;
        y += l.targetWidth;
      }
    }
  }

  /** The largest of 1, 2 or 5 times a power of ten not above {@code ratio}, and at least 1. */
  static double roundDown(double ratio) {
    if (!(ratio > 1)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(ratio)));
    double residual = ratio / magnitude;
    return magnitude * (residual >= 5 ? 5 : residual >= 2 ? 2 : 1);
  }

  private List<Node> column(int c) {
    return nodes.stream().filter(n -> n.column == c).toList();
  }

  private static double gapBefore(List<Node> column, int i) {
    return i == 0 ? 0 : column.get(i - 1).group.equals(column.get(i).group) ? GAP : GROUP_GAP;
  }

  /**
   * The largest scale at which a column fits: nodes below the label slot take the slot, the others
   * their value times the scale; a few rounds of fixed-point iteration settle which are which.
   */
  private static double fitScale(List<Node> column, double height) {
    double room = height;
    double total = 0;
    for (int i = 0; i < column.size(); i++) {
      room -= gapBefore(column, i);
      total += column.get(i).value;
    }
    double k = room / total;
    for (int round = 0; round < 20; round++) {
      double fixed = 0;
      double scalable = 0;
      for (Node n : column) {
        if (n.value * k < LABEL_SLOT) {
          fixed += LABEL_SLOT;
        } else {
          scalable += n.value;
        }
      }
      k = scalable > 0 ? Math.max(0, room - fixed) / scalable : k;
    }
    return k;
  }

  private static void stack(List<Node> column) {
    double y = 0;
    for (int i = 0; i < column.size(); i++) {
      y += gapBefore(column, i);
      column.get(i).slotTop = y;
      y += column.get(i).slot;
    }
  }

  /**
   * Places each node of a column as near as it can to the weighted centre of its sources, keeping
   * the order and the gaps, within the band: the least-squares solution, found by pool adjacent
   * violators on the positions less the room taken by the nodes above.
   */
  private void relax(List<Node> column, double height) {
    int n = column.size();
    double[] z = new double[n];
    double[] offset = new double[n];
    double above = 0;
    for (int i = 0; i < n; i++) {
      Node node = column.get(i);
      above += gapBefore(column, i);
      offset[i] = above;
      above += node.slot;
      double weight = 0;
      double sum = 0;
      for (Link l : links) {
        if (l.target == node) {
          weight += l.value;
          sum += l.value * l.source.centre();
        }
      }
      double wanted = weight > 0 ? sum / weight - node.slot / 2 : offset[i];
      z[i] = wanted - offset[i];
    }
    double[] fitted = poolAdjacentViolators(z);
    double room = Math.max(0, height - above);
    for (int i = 0; i < n; i++) {
      column.get(i).slotTop = offset[i] + Math.max(0, Math.min(room, fitted[i]));
    }
  }

  /** The non-decreasing sequence closest to {@code values} in least squares. */
  static double[] poolAdjacentViolators(double[] values) {
    int n = values.length;
    double[] mean = new double[n];
    int[] size = new int[n];
    int blocks = 0;
    for (double v : values) {
      mean[blocks] = v;
      size[blocks] = 1;
      blocks++;
      while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
        int merged = size[blocks - 2] + size[blocks - 1];
        mean[blocks - 2] =
            (mean[blocks - 2] * size[blocks - 2] + mean[blocks - 1] * size[blocks - 1]) / merged;
        size[blocks - 2] = merged;
        blocks--;
      }
    }
    double[] out = new double[n];
    int i = 0;
    for (int b = 0; b < blocks; b++) {
      for (int j = 0; j < size[b]; j++) {
        out[i++] = mean[b];
      }
    }
    return out;
  }
}
