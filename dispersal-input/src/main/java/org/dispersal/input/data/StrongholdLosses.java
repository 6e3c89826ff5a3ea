package org.dispersal.input.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dispersal.assimilation.AsOfStart;

/**
 * The dated loss of each stronghold of the built-in scenarios that the scenarios give a fall-month
 * parameter (those still held at their start), from the shared data's dated city losses ({@code
 * territory_events.csv}). The shipped table {@code stronghold_losses.csv} (beside this class)
 * names, for each stronghold id, the row of {@code territory_events.csv} (place and date) that
 * marks its loss; the source is that row's. A forecast as of a date uses the losses dated on or
 * before it ({@link AsOfStart}): the event date, not the source's, says when the loss was known.
 */
public final class StrongholdLosses {

  /** The table's resource name, beside this class. */
  public static final String TABLE = "stronghold_losses.csv";

  private StrongholdLosses() {}

  /**
   * Every stronghold's dated loss, by stronghold id, in the table's order.
   *
   * @param data the shared data whose territory events the table points to
   * @return the losses
   * @throws IllegalStateException if a row names no event of the shared data
   */
  public static Map<String, AsOfStart.KnownLoss> of(SharedData data) {
    Map<String, AsOfStart.KnownLoss> out = new LinkedHashMap<>();
    try (InputStream in = StrongholdLosses.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("the shipped table " + TABLE + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = r.readLine();
      if (!"stronghold,place,date".equals(header)) {
        throw new IllegalStateException(TABLE + " has an unexpected header: " + header);
      }
      int line = 1;
      for (String row = r.readLine(); row != null; row = r.readLine()) {
        line++;
        if (row.isBlank()) {
          continue;
        }
        String[] f = row.split(",", -1);
        if (f.length != 3) {
          throw new IllegalStateException(TABLE + " line " + line + ": expected 3 fields");
        }
        LocalDate date = LocalDate.parse(f[2]);
        int at = line;
        TerritoryEvent event =
            data.territoryEvents().stream()
                .filter(e -> e.place().equals(f[1]) && date.equals(e.date().first()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            TABLE
                                + " line "
                                + at
                                + ": no territory event at "
                                + f[1]
                                + " on "
                                + f[2]));
        out.put(f[0], new AsOfStart.KnownLoss(date, String.join(";", event.sourceIds())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
