/**
 * The policymaker's brief: a PDF of two to four pages with the key judgements in the words of ICD
 * 203 and the numbers behind them, the headline table, one fan chart, the top drivers, the
 * indicators to watch, the forecast's track record and the sources. The page is XHTML rendered by
 * OpenHTMLtoPDF on PDFBox, with the chart as inline SVG drawn by Batik; no browser is involved.
 */
package org.dispersal.output.brief;
