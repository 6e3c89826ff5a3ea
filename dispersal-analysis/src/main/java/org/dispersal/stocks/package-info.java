/**
 * The initial-stock rule: dated figures of how many people travelled from each country, region and
 * the world ({@link org.dispersal.stocks.StockFigures}) in, one {@link org.dispersal.model.Origin}
 * per country with a figure plus explicit regional and world remainders out ({@link
 * org.dispersal.stocks.StockRule}, {@link org.dispersal.stocks.Allocation}); or, as an option, each
 * range a pooled estimate of every source's latest figure ({@link
 * org.dispersal.stocks.PooledStocks}, {@link org.dispersal.stocks.Revisions}).
 *
 * <p>Pure: which figures an analyst could have used at a date, and reading them from the shipped
 * files, is {@code org.dispersal.input.data.OriginBuilder}.
 */
package org.dispersal.stocks;
