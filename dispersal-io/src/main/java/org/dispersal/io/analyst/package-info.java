/**
 * Outputs of the analyst tools: CSV tables and self-contained HTML pages with inline SVG charts for
 * returnee screening, the threat outlook and variant comparison. Every text from a scenario is
 * escaped; the pages load nothing from the network.
 */
package org.dispersal.io.analyst;
