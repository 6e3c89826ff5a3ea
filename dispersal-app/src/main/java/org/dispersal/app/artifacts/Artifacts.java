package org.dispersal.app.artifacts;

import java.util.List;
import java.util.Map;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.SummaryRow;

/**
 * A run's outputs in memory: the manifest, the summary rows, every file by name and a forecast's
 * per-replication values.
 *
 * @param manifestJson manifest.json
 * @param rows the summary rows (none for a kind without a summary table)
 * @param files every file the run wrote, summary.csv and manifest.json included, by name in name
 *     order
 * @param values the per-replication values for the store, or null when the run kept none
 */
public record Artifacts(
    String manifestJson,
    List<SummaryRow> rows,
    Map<String, byte[]> files,
    ReplicationValues values) {}
