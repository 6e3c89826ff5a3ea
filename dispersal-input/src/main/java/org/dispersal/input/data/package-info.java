/**
 * The curated public data the product ships, and the selection of its figures for the initial
 * stocks (the rule itself is {@code org.dispersal.stocks}).
 *
 * <ul>
 *   <li>{@link org.dispersal.input.data.CsvReader}: a strict RFC 4180 reader whose errors ({@link
 *       org.dispersal.input.data.DataException}) name the file, line and column.
 *   <li>{@link org.dispersal.input.data.SharedData}: the shipped CSV files (or a user's directory)
 *       as typed rows, with every cross-reference checked.
 *   <li>{@link org.dispersal.input.data.InformationSet}: the sources an analyst could have used on
 *       a start date.
 *   <li>{@link org.dispersal.input.data.OriginBuilder}: the figures in the information set, dated,
 *       handed to {@link org.dispersal.stocks.StockRule} for one {@link org.dispersal.model.Origin}
 *       per country with a figure, plus explicit regional and world remainders.
 * </ul>
 *
 * <p>{@code docs/DATA.md} documents the files, the country-region mapping and the method, with the
 * origins it gives on 13 February 2017.
 */
package org.dispersal.input.data;
