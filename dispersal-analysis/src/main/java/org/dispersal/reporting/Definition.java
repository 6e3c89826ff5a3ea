package org.dispersal.reporting;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.dispersal.calibration.ObservedMeasure;

/**
 * What a published figure counts in terms of the model's states: the value of the optional {@code
 * definition} column of an observation file (docs/REPORTING.md, "Definitional mappings").
 */
public enum Definition {
  /** The model's count of the measure's states (what every figure meant before issue #13). */
  COUNT("count"),
  /**
   * For {@code in_theatre}: travelled − confirmed dead − known returned, i.e. everyone not home and
   * not killed (in theatre, detained, in camps, relocated, operatives abroad) plus the dead whose
   * death is not confirmed.
   */
  RESIDUAL("residual"),
  /** For {@code killed}: the deaths the source has confirmed, the model's killed thinned. */
  CONFIRMED("confirmed"),
  /**
   * For a world, region or list total: the sum over the countries of the scope that had published a
   * figure of the same measure by the forecast date, not over all countries.
   */
  REPORTING_COUNTRIES("reporting_countries");

  private final String id;

  Definition(String id) {
    this.id = id;
  }

  /** The value written in the {@code definition} column. */
  public String id() {
    return id;
  }

  /** The definition with a given value, or null. */
  public static Definition byId(String id) {
    for (Definition d : values()) {
      if (d.id.equals(id)) {
        return d;
      }
    }
    return null;
  }

  /** The values, for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(Definition::id).collect(Collectors.joining(", "));
  }

  /**
   * Whether a figure of this measure and scope can have this definition: {@code residual} only for
   * {@code in_theatre}, {@code confirmed} only for {@code killed}, {@code reporting_countries} only
   * for a scope other than one country.
   *
   * @param measure what the figure counts
   * @param scope world, region, country or countries
   * @return true if the mapping applies
   */
  public boolean allows(ObservedMeasure measure, String scope) {
    return switch (this) {
      case COUNT -> true;
      case RESIDUAL -> measure == ObservedMeasure.IN_THEATRE;
      case CONFIRMED -> measure == ObservedMeasure.KILLED;
      case REPORTING_COUNTRIES -> !"country".equals(scope);
    };
  }
}
