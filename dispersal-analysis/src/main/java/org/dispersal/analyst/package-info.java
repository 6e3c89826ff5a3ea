/**
 * Analyst tools built on the ensemble: returnee screening arithmetic with the base rate taken from
 * the forecast ({@link org.dispersal.analyst.Screening}), the threat outlook per destination
 * country ({@link org.dispersal.analyst.ThreatOutlook}) and the comparison of variants with common
 * random numbers ({@link org.dispersal.analyst.VariantComparison}).
 *
 * <p>Pure computations: no files, no clocks. Replications run through {@link
 * org.dispersal.analyst.PerReplication}, which keeps one result per replication index so that every
 * number is the same for any number of threads. The formulas are in docs/ANALYST.md.
 */
package org.dispersal.analyst;
