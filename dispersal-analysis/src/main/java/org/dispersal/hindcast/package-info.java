/**
 * The hindcast ({@link org.dispersal.hindcast.Hindcast}): freeze the information set at an as-of
 * date, calibrate on the figures published by then, forecast, and score every later figure with
 * {@code org.dispersal.scoring} against the model's sample and two baselines.
 *
 * <p>No files: the caller reads the scenario and the observations and writes the rows out.
 */
package org.dispersal.hindcast;
