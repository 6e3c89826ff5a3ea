/**
 * The output toolkit for data files: {@link org.dispersal.output.text.Csv}, the one CSV writer (RFC
 * 4180), and {@link org.dispersal.output.text.Json}, the one configured JSON mapper of the output
 * module and the service.
 */
package org.dispersal.output.text;
