/**
 * Outputs of the analyst tools: CSV tables, JSON documents (threat.json, update.json and a
 * scenario's hypotheses at the prior, read by the service's dashboard) and self-contained HTML
 * pages with inline SVG charts for returnee screening, the threat outlook, variant comparison and
 * hypothesis updates. Every text from a scenario is escaped; the pages load nothing from the
 * network. Pages, charts and CSV go through the output toolkit ({@link org.dispersal.output.page},
 * {@link org.dispersal.output.text}); each page has its {@code .html.csp} sidecar.
 */
package org.dispersal.output.analyst;
