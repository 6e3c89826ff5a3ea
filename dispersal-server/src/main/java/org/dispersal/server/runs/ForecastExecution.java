package org.dispersal.server.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Scenario;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.forecast.Manifest;
import org.dispersal.output.forecast.SummaryCsv;
import org.dispersal.output.report.HtmlReport;
import org.dispersal.server.Json;
import org.dispersal.store.SummaryRow;

/**
 * Runs one forecast exactly as {@code dispersal forecast} does (engine chosen by {@code auto}, the
 * same ensemble runner, the same summary, manifest and report writers) and returns the outputs for
 * the store instead of writing them to a folder.
 */
public final class ForecastExecution {

  private ForecastExecution() {}

  /**
   * What a finished run leaves: the manifest, the summary rows and the files.
   *
   * @param manifestJson manifest.json
   * @param rows the rows of summary.csv (none for a threat outlook or an update)
   * @param artifacts the files by name: for a forecast summary.csv, manifest.json and report.html
   */
  public record Outputs(
      String manifestJson, List<SummaryRow> rows, Map<String, byte[]> artifacts) {}

  /**
   * Stops the ensemble: thrown from the progress callback, so every worker stops after its current
   * replication.
   */
  public static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the signal. */
    public Cancelled() {
      super("cancelled");
    }
  }

  /**
   * Runs the ensemble.
   *
   * @param scenario the valid scenario, with its horizon set
   * @param scenarioText the text it was read from (its hash goes in the manifest)
   * @param replications the number of replications
   * @param seed the master seed
   * @param threads worker threads
   * @param codeVersion the program version for the manifest
   * @param dataVersion the shipped data version for the manifest
   * @param progress told the number of finished replications; may throw {@link Cancelled}
   * @return the outputs
   */
  public static Outputs run(
      Scenario scenario,
      String scenarioText,
      int replications,
      long seed,
      int threads,
      String codeVersion,
      String dataVersion,
      IntConsumer progress) {
    Instant started = Instant.now();
    CompiledModel model = new CompiledModel(scenario);
    EngineKind kind = EngineKind.AUTO.resolve(AgentFeatures.of(scenario));
    EnsembleSummary summary =
        EnsembleRunner.run(
            model,
            replications,
            seed,
            threads,
            progress,
            () -> kind.create(model, AgentFeatures.of(model.scenario())));
    ForecastRun run =
        new ForecastRun(
            scenario,
            scenarioText,
            summary,
            seed,
            replications,
            threads,
            kind.id(),
            List.of(),
            codeVersion,
            dataVersion,
            started,
            Instant.now());
    try {
      StringWriter csv = new StringWriter(1 << 16);
      SummaryCsv.write(summary, scenario.start(), csv);
      String manifest =
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Manifest.build(run));
      Path tmp = Files.createTempFile("dispersal-report", ".html");
      byte[] report;
      try {
        HtmlReport.write(run, tmp);
        report = Files.readAllBytes(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put("summary.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
      files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
      files.put("report.html", report);
      return new Outputs(manifest, rows(csv.toString()), files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a summary.csv text (header first). */
  static List<SummaryRow> rows(String csv) throws IOException {
    List<SummaryRow> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new StringReader(csv))) {
      String header = r.readLine();
      if (!SummaryCsv.HEADER.equals(header)) {
        throw new IllegalStateException("unexpected summary header " + header);
      }
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        List<String> f = fields(line);
        out.add(
            new SummaryRow(
                Integer.parseInt(f.get(0)),
                f.get(1),
                f.get(2),
                f.get(3),
                f.get(4),
                f.get(5),
                f.get(6),
                Double.parseDouble(f.get(7)),
                Long.parseLong(f.get(8)),
                Long.parseLong(f.get(9)),
                Long.parseLong(f.get(10)),
                Long.parseLong(f.get(11)),
                Long.parseLong(f.get(12))));
      }
    }
    return out;
  }

  /** Splits one CSV line, honouring double quotes. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>(13);
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    if (out.size() != 13) {
      throw new IllegalStateException("summary line has " + out.size() + " fields: " + line);
    }
    return out;
  }
}
