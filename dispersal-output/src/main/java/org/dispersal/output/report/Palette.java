package org.dispersal.output.report;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.model.State;

/**
 * The report's names, order and colours of the states, so that every table and chart shows a state
 * the same way. Each of the five pathways has one hue (the Okabe-Ito palette, readable with
 * colour-blindness); the operative outcomes share the hue of pathway 5 in darker and lighter
 * shades, and the states outside the pathways are neutral greys and browns.
 *
 * <p>This is the one source of the states' colours and labels: the report uses it directly and the
 * server serves it to the dashboard ({@code GET /api/states}), so both show a state the same way. A
 * new state needs one line in the switch of {@code look} (the compiler asks for it).
 */
public final class Palette {

  /** The order in which states appear in tables, fan charts and the flow diagram. */
  public static final List<State> ORDER =
      pathwaysThen(
          State.ARRESTED,
          State.ATTACK,
          State.KILLED,
          State.DETAINED,
          State.IN_CAMP,
          State.IN_THEATRE,
          State.TRANSIT,
          State.RETURNED,
          State.PROSECUTED);

  /** Colour of the origin regions in the flow diagram. */
  public static final String REGION = "#4a5a6a";

  private Palette() {}

  /**
   * The states of the five pathways in report order (operatives at large for pathway 5), then
   * {@code more}: how every table and chart of the report begins its columns.
   */
  public static List<State> pathwaysThen(State... more) {
    List<State> states =
        new ArrayList<>(
            List.of(
                State.DISENGAGED,
                State.INSURGENT,
                State.OTHER_GROUP,
                State.RELOCATED,
                State.DISPATCHED));
    states.addAll(List.of(more));
    return List.copyOf(states);
  }

  /**
   * How the report shows a state.
   *
   * @param colour its colour
   * @param label a short label for tables and charts
   * @param shortLabel a one- or two-word label for narrow table columns
   */
  private record Look(String colour, String label, String shortLabel) {}

  private static Look look(State s) {
    return switch (s) {
      case DISENGAGED -> new Look("#009e73", "Disengaged returnees", "Disengaged");
      case INSURGENT -> new Look("#d55e00", "Remaining insurgents", "Insurgents");
      case OTHER_GROUP -> new Look("#b8578f", "Joined another group", "Other group");
      case RELOCATED -> new Look("#e69f00", "Relocated to a third theatre", "Relocated");
      case DISPATCHED -> new Look("#0072b2", "Dispatched operatives at large", "Dispatched");
      case ARRESTED -> new Look("#5b9fd0", "Operatives arrested", "Arrested");
      case ATTACK -> new Look("#003e66", "Plots ended in an attack", "Attacks");
      case KILLED -> new Look("#3b3b3b", "Killed", "Killed");
      case DETAINED -> new Look("#8c8c8c", "Detained in the region", "Detained");
      // Issue #15: a brown apart from the greys of custody by a state (the palette moves to one
      // source in another change; the lead reconciles this colour there).
      case IN_CAMP -> new Look("#a6761d", "Held in camps (non-state custodian)", "In camps");
      case IN_THEATRE -> new Look("#7a6a58", "In theatre", "In theatre");
      case TRANSIT -> new Look("#b3a58f", "In transit", "In transit");
      case RETURNED -> new Look("#9aa9b8", "Returned, not yet assessed", "Returned");
      case PROSECUTED -> new Look("#5f6f80", "Prosecuted at home", "Prosecuted");
    };
  }

  /** The state's colour. */
  public static String colour(State s) {
    return look(s).colour();
  }

  /** A short label for tables and charts. */
  public static String label(State s) {
    return look(s).label();
  }

  /** A one- or two-word label for narrow table columns. */
  public static String shortLabel(State s) {
    return look(s).shortLabel();
  }

  /** The colour of a state's pathway: that of its main state, so operatives' outcomes share it. */
  public static String pathwayColour(State s) {
    for (State main : ORDER) {
      if (main.pathway() == s.pathway()) {
        return colour(main);
      }
    }
    return colour(s);
  }
}
