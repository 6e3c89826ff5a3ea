package org.dispersal.input.events;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names as GTD and ACLED write them, to ISO 3166-1 alpha-3 codes. The English names of the
 * JDK's locale data are matched after folding case, accents and punctuation, and a short list of
 * the spellings those sources use where the JDK's differ (and names that changed between JDK
 * versions) is added. Countries that no longer exist (Soviet Union, Yugoslavia) have no code.
 */
final class CountryNames {

  private static final Map<String, String> CODES = build();

  /** Countries the sources name that no longer exist: kept without a code, with a note. */
  static final java.util.List<String> HISTORIC =
      java.util.List.of(
          "Soviet Union",
          "Yugoslavia",
          "Czechoslovakia",
          "East Germany (GDR)",
          "West Germany (FRG)",
          "Serbia-Montenegro",
          "Rhodesia",
          "Zaire",
          "South Vietnam",
          "North Yemen",
          "South Yemen",
          "People's Republic of the Congo",
          "New Hebrides",
          "International");

  private static final java.util.Set<String> HISTORIC_FOLDED =
      HISTORIC.stream().map(CountryNames::fold).collect(java.util.stream.Collectors.toSet());

  private CountryNames() {}

  /** The ISO alpha-3 code of a country name, or null. */
  static String code(String name) {
    return CODES.get(fold(name));
  }

  /** Whether a name is a country that no longer exists (kept without a code). */
  static boolean historic(String name) {
    return HISTORIC_FOLDED.contains(fold(name));
  }

  /**
   * The code of the country in a column, null for a historic country (added to {@code unmapped}),
   * or an error naming the line and column for a name that is no country at all.
   */
  static String code(EventRow r, String column, EventFile.Unmapped unmapped) {
    String name = r.required(column);
    String code = code(name);
    if (code != null) {
      return code;
    }
    if (historic(name)) {
      unmapped.add(name);
      return null;
    }
    throw r.error(
        column,
        name,
        "is not a country name (allowed: the English short names of ISO 3166-1, the sources'"
            + " spellings such as Bosnia-Herzegovina or West Bank and Gaza Strip, and the former "
            + String.join(", ", HISTORIC)
            + "; see docs/ANALYST.md, \"Event files\")");
  }

  private static Map<String, String> build() {
    Map<String, String> out = new HashMap<>();
    for (String a2 : Locale.getISOCountries()) {
      Locale l = new Locale.Builder().setRegion(a2).build();
      try {
        out.put(fold(l.getDisplayCountry(Locale.ENGLISH)), l.getISO3Country());
      } catch (java.util.MissingResourceException e) {
        // a region without an alpha-3 code: not a country the sources use
      }
    }
    String[][] aliases = {
      {"Bosnia-Herzegovina", "BIH"},
      {"Bosnia and Herzegovina", "BIH"},
      {"Democratic Republic of the Congo", "COD"},
      {"Democratic Republic of Congo", "COD"},
      {"Republic of the Congo", "COG"},
      {"Republic of Congo", "COG"},
      {"Ivory Coast", "CIV"},
      {"Cote d'Ivoire", "CIV"},
      {"Macedonia", "MKD"},
      {"North Macedonia", "MKD"},
      {"Czech Republic", "CZE"},
      {"Czechia", "CZE"},
      {"Slovak Republic", "SVK"},
      {"West Bank and Gaza Strip", "PSE"},
      {"Palestine", "PSE"},
      {"Russia", "RUS"},
      {"Syria", "SYR"},
      {"Iran", "IRN"},
      {"South Korea", "KOR"},
      {"North Korea", "PRK"},
      {"Laos", "LAO"},
      {"Vietnam", "VNM"},
      {"Myanmar", "MMR"},
      {"Turkey", "TUR"},
      {"Turkiye", "TUR"},
      {"Kosovo", "XKX"},
      {"United States", "USA"},
      {"United States of America", "USA"},
      {"United Kingdom", "GBR"},
      {"Swaziland", "SWZ"},
      {"eSwatini", "SWZ"},
      {"East Timor", "TLS"},
      {"Timor-Leste", "TLS"},
      {"Cape Verde", "CPV"},
      {"Brunei", "BRN"},
      {"Moldova", "MDA"},
      {"Tanzania", "TZA"},
      {"Venezuela", "VEN"},
      {"Bolivia", "BOL"},
      {"Taiwan", "TWN"},
      {"Gambia", "GMB"},
      {"Bahamas", "BHS"},
      {"Micronesia", "FSM"},
      {"Vatican City", "VAT"},
      {"Hong Kong", "HKG"},
      {"Macau", "MAC"},
      {"South Sudan", "SSD"},
      {"Sudan", "SDN"},
      {"Libya", "LBY"},
      {"Yemen", "YEM"},
      {"Egypt", "EGY"},
      {"Iraq", "IRQ"}
    };
    for (String[] a : aliases) {
      out.put(fold(a[0]), a[1]);
    }
    return Map.copyOf(out);
  }

  /** Lower case without accents, punctuation or a leading "the", spaces collapsed. */
  static String fold(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
    return s.startsWith("the ") ? s.substring(4) : s;
  }
}
