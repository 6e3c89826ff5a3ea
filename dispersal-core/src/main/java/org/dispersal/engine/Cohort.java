package org.dispersal.engine;

import org.dispersal.model.Demographic;
import org.dispersal.model.Origin;

/**
 * One cohort: the people of one origin and one demographic group, who follow the same monthly
 * probabilities.
 *
 * @param index the cohort's position in the model (its order decides which random numbers it uses)
 * @param origin where the cohort comes from
 * @param demographic men, women or minors
 * @param regionIndex the index of the origin's region in the scenario
 * @param compartments the global index of each of the cohort's local compartments
 */
public record Cohort(
    int index, Origin origin, Demographic demographic, int regionIndex, int[] compartments) {}
