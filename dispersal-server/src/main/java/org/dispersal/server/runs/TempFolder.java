package org.dispersal.server.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dispersal.model.Scenario;
import org.dispersal.output.forecast.Manifest;
import org.dispersal.server.Json;

/**
 * A folder that lives for one call: the command line's writers write their files into it, and the
 * service keeps the bytes for the store. The folder and everything in it are deleted afterwards.
 * Also the manifest and outputs of the runs that keep files but no summary rows (threat outlooks,
 * hypothesis updates).
 */
final class TempFolder {

  /** Writes files into a folder and names them, in the order they are to be kept. */
  @FunctionalInterface
  interface Writer {
    List<String> write(Path folder) throws IOException;
  }

  private TempFolder() {}

  /**
   * A run's manifest, begun with its kind and scenario (name, SHA-256 of its text, start month);
   * the caller adds the rest and then {@link #outputs} adds the versions and times.
   */
  static ObjectNode manifest(String kind, Scenario scenario, String scenarioText) {
    ObjectNode manifest = Json.MAPPER.createObjectNode();
    manifest.put("kind", kind);
    ObjectNode s = manifest.putObject("scenario");
    s.put("name", scenario.name());
    s.put("sha256", Manifest.sha256(scenarioText));
    s.put("start", scenario.start().toString());
    return manifest;
  }

  /**
   * The outputs of a run without summary rows: the files the writer names, then manifest.json with
   * the code and data versions and the start and end times added.
   */
  static ForecastExecution.Outputs outputs(
      String prefix,
      ObjectNode manifest,
      String codeVersion,
      String dataVersion,
      Instant started,
      Instant finished,
      Writer writer) {
    manifest.put("data_version", dataVersion);
    manifest.put("code_version", codeVersion);
    manifest.put("started", started.toString());
    manifest.put("finished", finished.toString());
    try {
      String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
      Map<String, byte[]> files = write(prefix, writer);
      files.put("manifest.json", json.getBytes(StandardCharsets.UTF_8));
      return new ForecastExecution.Outputs(json, List.of(), files);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the writer in a new temporary folder and returns the bytes of the files it names, in the
   * order named.
   */
  static Map<String, byte[]> write(String prefix, Writer writer) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    try {
      List<String> names = writer.write(dir);
      Map<String, byte[]> out = new LinkedHashMap<>();
      for (String name : names) {
        out.put(name, Files.readAllBytes(dir.resolve(name)));
      }
      return out;
    } finally {
      delete(dir);
    }
  }

  /** Deletes a folder with the files in it. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
