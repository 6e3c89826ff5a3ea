/**
 * Forecasts conditioned on what was published by a date: the reporting model's likelihood of a
 * published figure ({@link org.dispersal.assimilation.Likelihood}) and importance resampling of an
 * ensemble's replications on it ({@link org.dispersal.assimilation.Assimilation}), used by {@code
 * dispersal forecast --as-of}. No files, no clocks; the worker threads are {@link
 * org.dispersal.ensemble.Workers}'.
 */
package org.dispersal.assimilation;
