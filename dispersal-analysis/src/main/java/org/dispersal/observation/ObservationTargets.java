package org.dispersal.observation;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.calibration.Target;
import org.dispersal.calibration.TargetResolver;
import org.dispersal.engine.CompiledModel;

/**
 * Observation rows laid out on a model: those that resolve to a {@link Target}, and those that do
 * not with the reason, so that nothing is dropped silently.
 *
 * @param resolved rows with their targets
 * @param unresolved rows with the reason they cannot be used
 */
public record ObservationTargets(List<Resolved> resolved, List<Unresolved> unresolved) {

  /** A row and its target, with any note about its scope. */
  public record Resolved(ObservationRecord record, Target target, String note) {}

  /** A row that cannot be used, and why. */
  public record Unresolved(ObservationRecord record, String reason) {}

  /** Resolves rows against a model. */
  public static ObservationTargets resolve(CompiledModel model, List<ObservationRecord> rows) {
    TargetResolver resolver = new TargetResolver(model);
    List<Resolved> ok = new ArrayList<>();
    List<Unresolved> bad = new ArrayList<>();
    for (ObservationRecord r : rows) {
      try {
        TargetResolver.Resolved t = resolve(resolver, r);
        ok.add(new Resolved(r, t.target(), t.note()));
      } catch (TargetResolver.UnresolvableException e) {
        bad.add(new Unresolved(r, e.getMessage()));
      }
    }
    return new ObservationTargets(List.copyOf(ok), List.copyOf(bad));
  }

  /**
   * One row's target on the resolver's model.
   *
   * @throws TargetResolver.UnresolvableException if the model has no cell the row can describe
   */
  public static TargetResolver.Resolved resolve(TargetResolver resolver, ObservationRecord r)
      throws TargetResolver.UnresolvableException {
    return resolver.resolve(
        r.label(), r.month(), r.scope(), r.scopeId(), r.demographic(), r.measure(), r.range());
  }

  /** The targets, in row order. */
  public List<Target> targets() {
    return resolved.stream().map(Resolved::target).toList();
  }
}
