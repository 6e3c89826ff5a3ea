/**
 * The HTML report of a forecast: one self-contained, offline, printable file for analysts.
 *
 * <ul>
 *   <li>{@link org.dispersal.output.report.HtmlReport}: the entry point, which writes {@code
 *       report.html} from a {@link org.dispersal.output.forecast.ForecastRun}.
 *   <li>Sections: the overview and headline table, fan charts over time, the flow diagram, the
 *       origins table, the destinations, and the assumptions with their sources.
 *   <li>Drawing: fan charts, and a Sankey layout with one scale per column, label room for small
 *       nodes and least-squares placement of later columns, drawn with the toolkit's SVG writer and
 *       ticks.
 * </ul>
 *
 * <p>The page shell, style sheet, escaper, SVG writer and ticks are the output toolkit's ({@link
 * org.dispersal.output.page}); style attributes go through {@link
 * org.dispersal.output.page.Page#style}, so the report's sidecar lists their hashes.
 *
 * <p>Every text that comes from a scenario is escaped, and numbers are formatted independently of
 * the machine's locale.
 */
package org.dispersal.output.report;
