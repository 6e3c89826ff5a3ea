/**
 * Observed figures: a published count with what it counts, where, when and when it became public
 * ({@link org.dispersal.observation.ObservationRecord}), the rule for when figures became public
 * ({@link org.dispersal.observation.Publication}) and their layout on a model as calibration or
 * scoring targets ({@link org.dispersal.observation.ObservationTargets}).
 *
 * <p>Plain data and pure functions: reading observation files is {@code
 * org.dispersal.input.observations}.
 */
package org.dispersal.observation;
