package org.dispersal.app.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.dispersal.app.BackgroundWork;
import org.dispersal.app.RunResult;
import org.dispersal.store.ReplicationValues;

/**
 * Keeps a run's files in memory: its writers write into a private temporary folder, every regular
 * file they leave there is read, and the folder is deleted. The summary table is rendered once,
 * with the store's rows ({@link SummaryTable#renderOnce}); a forecast's per-replication values are
 * made while the other files are written.
 */
public final class MemorySink implements ArtifactSink<Artifacts> {

  @Override
  public Artifacts keep(RunResult<?> result) throws IOException {
    if (result.summary() != null) {
      // The file and the store's rows in one pass over the summary (SummaryTable.renderOnce).
      result.summary().renderOnce();
    }
    // A forecast's per-replication values come from its own capture, not from the summary: they
    // are made on a thread of their own beside the report, which runs on one core (the rendering
    // above has both; docs/PERFORMANCE.md, "Session 12: the tail").
    FutureTask<ReplicationValues> values = values(result);
    Map<String, byte[]> files = files(result);
    return new Artifacts(
        result.manifestJson(),
        result.summaryRows(),
        files,
        BackgroundWork.result(values, "the replication values were made"));
  }

  /**
   * Starts making a run's per-replication values ({@link RunResult#replicationValues}) on a thread
   * of its own (a daemon: a command that fails meanwhile does not wait for it).
   */
  static FutureTask<ReplicationValues> values(RunResult<?> result) {
    return BackgroundWork.start(
        new FutureTask<>(result::replicationValues), "dispersal-replication-values");
  }

  /**
   * Every file of a run by name, in name order: summary.csv (as kept by {@link
   * SummaryTable#renderOnce} when it was rendered), the kind's files and manifest.json.
   */
  public static Map<String, byte[]> files(RunResult<?> result) throws IOException {
    Path dir = Files.createTempDirectory("dispersal-" + result.kind().id());
    try {
      result.writeTo(dir);
      Map<String, byte[]> files = new LinkedHashMap<>();
      try (Stream<Path> list = Files.list(dir)) {
        for (Path f : list.sorted().toList()) {
          if (Files.isRegularFile(f)) {
            files.put(f.getFileName().toString(), Files.readAllBytes(f));
          }
        }
      }
      return files;
    } finally {
      delete(dir);
    }
  }

  /**
   * Writes files kept in memory into a folder, created if needed: the same bytes as {@link
   * FolderSink} would write, without rendering the run again.
   */
  public static Path writeTo(Artifacts rendered, Path folder) throws IOException {
    return writeTo(rendered.files(), folder);
  }

  /** Writes files by name ({@link #files}) into a folder, created if needed. */
  public static Path writeTo(Map<String, byte[]> files, Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(folder.resolve(f.getKey()), f.getValue());
    }
    return folder;
  }

  /** Deletes a folder and everything in it. */
  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) {
        Files.deleteIfExists(p);
      }
    }
  }
}
