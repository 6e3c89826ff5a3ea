package org.dispersal.engine;

import java.util.List;

/** The reference benchmark model of docs/PERFORMANCE.md, built in code for tests. */
public final class ReferenceModels {

  private ReferenceModels() {}

  /** The 7-state reference matrix with 40,000 people in Syria/Iraq and 120 months. */
  public static MarkovModel reference() {
    double[][] p = {
      {0.95, 0.03, 0.02, 0, 0, 0, 0},
      {0, 0.70, 0, 0.15, 0.07, 0, 0.08},
      {0, 0.02, 0.98, 0, 0, 0, 0},
      {0, 0, 0, 1, 0, 0, 0},
      {0, 0, 0, 0, 0.99, 0.01, 0},
      {0, 0, 0, 0, 0, 1, 0},
      {0, 0, 0, 0, 0, 0, 1}
    };
    return new MarkovModel(
        "reference-7node",
        "reference benchmark",
        List.of("syria_iraq", "turkey", "idlib", "home", "libya", "sahel", "cells"),
        new int[] {40_000, 0, 0, 0, 0, 0, 0},
        p,
        120);
  }
}
