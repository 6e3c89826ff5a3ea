package org.dispersal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Records a finished run from the files it wrote ({@code summary.csv}, {@code manifest.json},
 * {@code report.html}, ...) as one succeeded run in the store, so a command-line forecast can be
 * kept with one call. The summary becomes rows (exported back byte for byte as summary.csv); the
 * manifest is stored as JSON; every other file in the folder is kept as an artifact.
 */
public final class RunRecorder {

  /** The largest file kept as an artifact. */
  public static final long MAX_ARTIFACT_BYTES = 64L << 20;

  private RunRecorder() {}

  /**
   * Stores the outputs in {@code folder} as a succeeded run and returns it. Everything is read and
   * checked before the run is created, so a bad folder leaves no trace in the store.
   *
   * @param kind forecast, calibration, hindcast, comparison, threat or update
   * @param scenarioYaml the scenario text the run used (may be null when unknown)
   * @param owner user name, or null
   */
  public static StoredRun record(
      Store store, String kind, Path folder, String scenarioYaml, String owner) {
    Path manifestFile = folder.resolve("manifest.json");
    if (!Files.isRegularFile(manifestFile)) {
      throw new StoreException(manifestFile + ": not found; record needs the run's manifest.json");
    }
    String manifest = readText(manifestFile);
    JsonNode m;
    try {
      m = Json.MAPPER.readTree(manifest);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StoreException(manifestFile + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (m == null || !m.isObject()) {
      throw new StoreException(manifestFile + ": must be a JSON object");
    }
    String scenario = m.path("scenario").path("name").asText("");
    if (scenario.isEmpty()) {
      throw new StoreException(manifestFile + ": field scenario.name is missing");
    }
    int replications = m.path("runs").asInt(0);
    long seed = m.path("seed").asLong(0);
    Path summaryFile = folder.resolve("summary.csv");
    List<SummaryRow> rows =
        Files.isRegularFile(summaryFile) ? SummaryCsvReader.read(summaryFile) : List.of();
    Map<String, byte[]> artifacts = artifacts(folder);

    ObjectNode parameters = Json.MAPPER.createObjectNode();
    for (String field : List.of("engine", "threads", "overrides", "data_version")) {
      if (m.has(field)) {
        parameters.set(field, m.get(field));
      }
    }
    parameters.put("recordedFrom", folder.toAbsolutePath().normalize().toString());

    Instant started = instant(m, "started");
    Instant finished = instant(m, "finished");

    JdbcRunStore runs = store.jdbcRuns();
    StoredRun run =
        runs.create(kind, scenario, scenarioYaml, owner, replications, seed, parameters.toString());
    try {
      runs.started(run.id());
      runs.succeeded(run.id(), manifest, rows, artifacts);
    } catch (RuntimeException e) {
      runs.failed(run.id(), "recording failed: " + e.getMessage());
      throw e;
    }
    if (started != null && finished != null && !finished.isBefore(started)) {
      runs.setTimes(run.id(), started, finished);
    }
    return runs.find(run.id()).orElseThrow();
  }

  /** A time field of the manifest, or null when it is missing or not an ISO instant. */
  private static Instant instant(JsonNode manifest, String field) {
    try {
      return manifest.hasNonNull(field)
          ? Instant.parse(manifest.get(field).asText()).truncatedTo(ChronoUnit.MICROS)
          : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, byte[]> artifacts(Path folder) {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!Files.isRegularFile(f) || name.equals("summary.csv") || name.startsWith(".")) {
          continue;
        }
        if (!ExportFormat.isSafeFileName(name)) {
          continue;
        }
        if (Files.size(f) > MAX_ARTIFACT_BYTES) {
          throw new StoreException(
              f
                  + ": larger than "
                  + (MAX_ARTIFACT_BYTES >> 20)
                  + " MB, too big to keep in the store");
        }
        out.put(name, Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the outputs in " + folder + ": " + e.getMessage());
    }
    return out;
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
