/**
 * Competing hypotheses and indicators: the analyst's side of a forecast (PRIORS 3.2-3.5).
 *
 * <p>A {@link org.dispersal.hypotheses.HypothesisSet} holds named hypotheses (each a set of
 * parameter overrides or a variant scenario, with a prior weight) and indicators (an observable
 * event pattern with a window, a threshold and the probability of seeing it under each hypothesis).
 * {@link org.dispersal.hypotheses.Updater} evaluates the indicators on dated {@link
 * org.dispersal.hypotheses.Event}s, guards against counting one incident twice ({@link
 * org.dispersal.hypotheses.DuplicateGuard}) and updates the weights in odds form with each piece of
 * evidence discounted by the reliability of its source ({@link
 * org.dispersal.hypotheses.OddsUpdate}), keeping an audit trail. {@link
 * org.dispersal.hypotheses.Diagnosticity} says how well an indicator discriminates, {@link
 * org.dispersal.hypotheses.WatchList} which indicators would move the weights most, {@link
 * org.dispersal.hypotheses.Allocation} how many replications each hypothesis gets in a mixture
 * forecast ({@link org.dispersal.hypotheses.MixtureForecast}), and {@link
 * org.dispersal.hypotheses.Icd203} the words of estimative probability.
 *
 * <p>Everything here is plain data and pure functions, except that the mixture forecast runs
 * ensembles on the shared worker threads. The formulas are in docs/ANALYST.md.
 */
package org.dispersal.hypotheses;
