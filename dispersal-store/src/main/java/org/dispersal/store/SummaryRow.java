package org.dispersal.store;

/**
 * One row of a run's {@code summary.csv}: the ensemble statistics of one state (and destination) in
 * one month, for one scope and demographic group. Fields are the file's columns in order.
 *
 * @param month months since the scenario's start (0 = start)
 * @param date the month as {@code YYYY-MM}
 * @param scope world, region, origin or unallocated
 * @param scopeId the region name or origin ISO code ("" at world scope)
 * @param destination third theatre, country, group or cooperation partner ("" for state totals)
 * @param mean ensemble mean
 */
public record SummaryRow(
    int month,
    String date,
    String scope,
    String scopeId,
    String demographic,
    String state,
    String destination,
    double mean,
    long p05,
    long p25,
    long p50,
    long p75,
    long p95) {}
