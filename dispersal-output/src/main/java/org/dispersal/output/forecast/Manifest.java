package org.dispersal.output.forecast;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.dispersal.model.Parameter;
import org.dispersal.output.text.Json;

/**
 * Writes {@code manifest.json}: everything needed to reproduce a forecast (scenario name and
 * content hash, data version, parameters with their priors and sources, seed, runs, engine, code
 * version, start and end time).
 */
public final class Manifest {

  private Manifest() {}

  /** Builds the manifest as a JSON tree. */
  public static ObjectNode build(ForecastRun run) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode scenario = root.putObject("scenario");
    scenario.put("name", run.scenario().name());
    scenario.put("sha256", sha256(run.scenarioText()));
    scenario.put("start", run.scenario().start().toString());
    scenario.put("months", run.scenario().months());
    scenario.put("origins", run.scenario().origins().size());
    root.put("data_version", run.dataVersion());
    root.put("seed", run.seed());
    root.put("runs", run.runs());
    root.put("threads", run.threads());
    root.put("engine", run.engine());
    root.put("code_version", run.codeVersion());
    root.put("started", run.started().toString());
    root.put("finished", run.finished().toString());
    ArrayNode overrides = root.putArray("overrides");
    run.overrides().forEach(overrides::add);
    ObjectNode params = root.putObject("parameters");
    for (Parameter p : run.scenario().parameters().values()) {
      ObjectNode n = params.putObject(p.name());
      n.put("prior", p.prior().describe());
      n.put("unit", p.unit());
      ArrayNode src = n.putArray("sources");
      p.sources().forEach(src::add);
      if (p.assumption() != null) {
        n.put("assumption", p.assumption());
      }
    }
    return root;
  }

  /** Writes the manifest file. */
  public static void write(ForecastRun run, Path file) throws IOException {
    Json.write(build(run), file);
  }

  /** The SHA-256 of a text, in lower-case hex. */
  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
