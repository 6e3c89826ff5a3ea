package org.dispersal.input.data;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever a user's data folder holds, loading it and building origins from it ends in data or in a
 * {@link DataException} whose message is one line: never in another exception.
 *
 * <p>The harness copies the shipped files to a folder and replaces one of them, chosen by the first
 * byte, with the fuzzer's text. The seeds under {@code DataFuzzTestInputs} run in every build
 * (Jazzer's regression mode); {@code JAZZER_FUZZ=1} fuzzes from them.
 */
class DataFuzzTest {

  private static final List<String> FILES = files();

  private static List<String> files() {
    List<String> all = new ArrayList<>(SharedData.DATA_FILES);
    all.addAll(SharedData.MAPPING_FILES);
    return all;
  }

  @FuzzTest(maxDuration = "5m")
  void readsAnyDataFileIntoDataOrOneLineError(FuzzedDataProvider data) throws IOException {
    String target = FILES.get(data.consumeInt(0, FILES.size() - 1));
    String text = data.consumeRemainingAsString();
    Path dir = Files.createTempDirectory("dispersal-fuzz");
    try {
      for (String name : FILES) {
        Path file = dir.resolve(name);
        if (name.equals(target)) {
          Files.writeString(file, text, StandardCharsets.UTF_8);
        } else {
          try (InputStream in =
              SharedData.class.getResourceAsStream("/org/dispersal/data/" + name)) {
            Files.write(file, in.readAllBytes());
          }
        }
      }
      try {
        SharedData loaded = SharedData.load(dir);
        OriginBuilder.withDefaults().build(loaded, LocalDate.of(2017, 2, 13));
      } catch (DataException e) {
        if (e.getMessage().contains("\n")) {
          throw new AssertionError("error message spans lines: " + e.getMessage(), e);
        }
      } catch (UncheckedIOException e) {
        throw new AssertionError("unexpected I/O failure for valid UTF-8 text", e);
      }
    } finally {
      try (var walk = Files.list(dir)) {
        for (Path p : walk.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
