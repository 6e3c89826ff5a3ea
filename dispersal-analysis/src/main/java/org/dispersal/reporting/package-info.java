/**
 * The reporting model: what a source publishes, given the model's latent counts.
 *
 * <p>A forecast of a figure that a source will publish is the forecast of the latent count passed
 * through the error of that kind of source: a bias by source type and a heavy-tailed error on the
 * log scale, both estimated from how the figures published before the forecast date disagree
 * ({@link org.dispersal.reporting.ReportingModel#estimate}). docs/VALIDATION.md states the method.
 */
package org.dispersal.reporting;
