package org.dispersal.input.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.dispersal.input.data.CsvReader;
import org.dispersal.input.data.CsvRow;

/** The identifiers a scenario may refer to, and the nearest candidates for a misspelt one. */
final class KnownIds {

  /** Kosovo, which ISO 3166-1 does not list but the data use. */
  static final String KOSOVO = "XKX";

  /** The shipped tables whose {@code source_id}s a scenario may cite. */
  static final List<String> SOURCE_TABLES =
      List.of(
          "org/dispersal/data/sources.csv",
          "org/dispersal/priors/literature.csv",
          "org/dispersal/data/history/mali-2013-sources.csv");

  /** Lists at most this long are shown whole; longer ones are cut to the nearest candidates. */
  static final int SHOW_ALL = 12;

  /** How many candidates a cut list shows. */
  static final int NEAREST = 5;

  /** Longest prefix of a wrong value compared with the candidates. */
  private static final int MAX_COMPARED = 64;

  private static final Set<String> COUNTRIES = countries();

  private KnownIds() {}

  /** Whether {@code code} is an ISO 3166-1 alpha-3 code or XKX. */
  static boolean isCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  /** Every country code in alphabetical order. */
  static Set<String> allCountries() {
    return COUNTRIES;
  }

  /** The {@code source_id}s of the shipped sources and literature tables. */
  static Set<String> shippedSources() {
    Set<String> out = new TreeSet<>();
    for (String resource : SOURCE_TABLES) {
      String file = resource.substring(resource.lastIndexOf('/') + 1);
      try (InputStream in = KnownIds.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the shipped table " + resource + " is missing");
        }
        for (CsvRow row :
            CsvReader.read(file, new InputStreamReader(in, StandardCharsets.UTF_8)).rows()) {
          out.add(row.required("source_id"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return out;
  }

  /**
   * What to show as allowed for a wrong {@code value}: every candidate if there are few, otherwise
   * the nearest by edit distance followed by {@code ...}.
   */
  static List<String> nearest(String value, Collection<String> candidates) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(candidates));
    if (all.size() <= SHOW_ALL) {
      return all;
    }
    String lower = value == null ? "" : value.toLowerCase(Locale.ROOT);
    String key = lower.length() > MAX_COMPARED ? lower.substring(0, MAX_COMPARED) : lower;
    all.sort(
        Comparator.comparingInt((String c) -> distance(key, c.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()));
    List<String> out = new ArrayList<>(all.subList(0, NEAREST));
    out.add("...");
    return out;
  }

  /** Levenshtein distance, in two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static Set<String> countries() {
    Set<String> out = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    out.add(KOSOVO);
    return Collections.unmodifiableSet(out);
  }
}
