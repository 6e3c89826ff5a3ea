/**
 * The output toolkit for pages: one shell and style sheet for every HTML page the product writes,
 * one escaper, one SVG writer and one routine for axis ticks, and the hashes of a page's inline
 * code for the Content-Security-Policy.
 *
 * <ul>
 *   <li>{@link org.dispersal.output.page.Page}: the page shell; writes {@code X.html} and its
 *       sidecar {@code X.html.csp}.
 *   <li>{@link org.dispersal.output.page.StyleSheet}: the style sheet, inline in every page.
 *   <li>{@link org.dispersal.output.page.Html}: escapes {@code & < > " '}.
 *   <li>{@link org.dispersal.output.page.Svg}: inline SVG charts; {@link
 *       org.dispersal.output.page.Ticks}: round axis ticks.
 *   <li>{@link org.dispersal.output.page.InlineHashes}: the hashes and the sidecar format.
 * </ul>
 */
package org.dispersal.output.page;
