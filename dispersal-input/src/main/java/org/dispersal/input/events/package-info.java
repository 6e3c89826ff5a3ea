/**
 * Event files for {@code dispersal update}: our own event CSV ({@link
 * org.dispersal.input.events.OwnEventsReader}), the column layout of the Global Terrorism Database
 * export ({@link org.dispersal.input.events.GtdReader}) and of ACLED exports ({@link
 * org.dispersal.input.events.AcledReader}), all read into {@link org.dispersal.hypotheses.Event}s.
 *
 * <p>Every bad row ends in one {@link org.dispersal.input.events.EventFileException} naming the
 * file, the line, the column (its 1-based position and its name) and the value; nothing is dropped
 * silently. The formats and the mapping of each source's types are in docs/ANALYST.md.
 */
package org.dispersal.input.events;
