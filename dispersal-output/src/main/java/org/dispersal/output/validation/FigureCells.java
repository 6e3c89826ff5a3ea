package org.dispersal.output.validation;

import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.page.Html;

/** The first cells of a validation table's row for an observed figure. */
final class FigureCells {

  private FigureCells() {}

  /** Cells for the figure's label, what it observed and its source, each escaped. */
  static String of(ObservationRecord figure) {
    return Html.cells(
        Html.esc(figure.label()), Html.esc(figure.describe()), Html.esc(figure.sourceId()));
  }
}
