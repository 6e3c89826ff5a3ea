package org.dispersal.output.report;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.model.State;

/**
 * The report's names, order and colours of the states, so that every table and chart shows a state
 * the same way. Each of the five pathways has one hue (the Okabe-Ito palette, readable with
 * colour-blindness); the operative outcomes share the hue of pathway 5 in darker and lighter
 * shades, and the states outside the pathways are neutral greys and browns.
 */
final class Palette {

  /** The order in which states appear in tables, fan charts and the flow diagram. */
  static final List<State> ORDER =
      pathwaysThen(
          State.ARRESTED,
          State.ATTACK,
          State.KILLED,
          State.DETAINED,
          State.IN_THEATRE,
          State.TRANSIT,
          State.RETURNED,
          State.PROSECUTED);

  /** Colour of the origin regions in the flow diagram. */
  static final String REGION = "#4a5a6a";

  private Palette() {}

  /**
   * The states of the five pathways in report order (operatives at large for pathway 5), then
   * {@code more}: how every table and chart of the report begins its columns.
   */
  static List<State> pathwaysThen(State... more) {
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

  /** The state's colour. */
  static String colour(State s) {
    return switch (s) {
      case DISENGAGED -> "#009e73";
      case INSURGENT -> "#d55e00";
      case OTHER_GROUP -> "#b8578f";
      case RELOCATED -> "#e69f00";
      case DISPATCHED -> "#0072b2";
      case ARRESTED -> "#5b9fd0";
      case ATTACK -> "#003e66";
      case KILLED -> "#3b3b3b";
      case DETAINED -> "#8c8c8c";
      case IN_THEATRE -> "#7a6a58";
      case TRANSIT -> "#b3a58f";
      case RETURNED -> "#9aa9b8";
      case PROSECUTED -> "#5f6f80";
    };
  }

  /** A short label for tables and charts. */
  static String label(State s) {
    return switch (s) {
      case DISENGAGED -> "Disengaged returnees";
      case INSURGENT -> "Remaining insurgents";
      case OTHER_GROUP -> "Joined another group";
      case RELOCATED -> "Relocated to a third theatre";
      case DISPATCHED -> "Dispatched operatives at large";
      case ARRESTED -> "Operatives arrested";
      case ATTACK -> "Plots ended in an attack";
      case KILLED -> "Killed";
      case DETAINED -> "Detained in the region";
      case IN_THEATRE -> "In theatre";
      case TRANSIT -> "In transit";
      case RETURNED -> "Returned, not yet assessed";
      case PROSECUTED -> "Prosecuted at home";
    };
  }

  /** A one- or two-word label for narrow table columns. */
  static String shortLabel(State s) {
    return switch (s) {
      case DISENGAGED -> "Disengaged";
      case INSURGENT -> "Insurgents";
      case OTHER_GROUP -> "Other group";
      case RELOCATED -> "Relocated";
      case DISPATCHED -> "Dispatched";
      case ARRESTED -> "Arrested";
      case ATTACK -> "Attacks";
      case KILLED -> "Killed";
      case DETAINED -> "Detained";
      case IN_THEATRE -> "In theatre";
      case TRANSIT -> "In transit";
      case RETURNED -> "Returned";
      case PROSECUTED -> "Prosecuted";
    };
  }

  /** The colour of a state's pathway: that of its main state, so operatives' outcomes share it. */
  static String pathwayColour(State s) {
    for (State main : ORDER) {
      if (main.pathway() == s.pathway()) {
        return colour(main);
      }
    }
    return colour(s);
  }
}
