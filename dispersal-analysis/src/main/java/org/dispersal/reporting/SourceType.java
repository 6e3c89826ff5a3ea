package org.dispersal.reporting;

import java.util.Locale;

/**
 * The kind of body that published a figure, for the reporting model's bias by source type.
 *
 * <p>Classified from the publishing organisation as the shared data's {@code sources.csv} names it
 * (the part before " via ", which names the outlet that carried it): {@link #classify}.
 */
public enum SourceType {
  /** A government, ministry, police, intelligence or security service, court or parliament. */
  GOVERNMENT,
  /** A research centre, think tank, journal or monitoring group. */
  RESEARCH,
  /** A newspaper, news agency or any other outlet. */
  PRESS;

  private static final String[] GOVERNMENT_WORDS = {
    "government",
    "ministry",
    "minister",
    "ministère",
    "police",
    "intelligence",
    "security service",
    "security and intelligence",
    "interior",
    "president",
    "presidency",
    "parliament",
    "prosecutor",
    "federal",
    "state department",
    "dod",
    "department of",
    "national security",
    "defence",
    "defense",
    "office",
    "nis",
    "fsb",
    "bcij",
    "pst",
    "pet (",
    "sapo",
    "nctv",
    "bfv",
    "aivd",
    "cted",
    "united nations",
    "europol",
    "eu counter",
    "counter-terrorism coordinator",
    "counter terrorism policing",
    "military",
    "army",
    "commission",
    "authorities",
    "embassy",
    "ambassador",
    "public safety",
    "home affairs",
    "homeland",
    "house of commons",
    "senate",
    "congress",
    "governor",
    "mayor",
    "council"
  };

  private static final String[] RESEARCH_WORDS = {
    "soufan", "icsr", "icct", "institute", "centre", "center", "foundation", "university",
        "journal",
    "sentinel", "forum", "csis", "jamestown", "heritage", "observatory", "group", "rand",
        "brookings",
    "studies", "research", "analysis", "monitor", "project", "strategic", "long war"
  };

  /** The lower-case name used in files and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type of a source from its organisation: government words first (a ministry quoted by a
   * think tank is still the ministry's figure), then research words, else press. Null or blank is
   * press.
   *
   * @param organisation the organisation column of sources.csv
   * @return the type
   */
  public static SourceType classify(String organisation) {
    if (organisation == null || organisation.isBlank()) {
      return PRESS;
    }
    String o = organisation.toLowerCase(Locale.ROOT);
    int via = o.indexOf(" via ");
    String who = via > 0 ? o.substring(0, via) : o;
    if (containsAny(who, GOVERNMENT_WORDS)) {
      return GOVERNMENT;
    }
    if (containsAny(who, RESEARCH_WORDS)) {
      return RESEARCH;
    }
    return PRESS;
  }

  private static boolean containsAny(String text, String[] words) {
    for (String w : words) {
      if (w.length() <= 4 ? containsWord(text, w) : text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Short words (acronyms) must stand as words: "pst" is not in "upstream". */
  private static boolean containsWord(String text, String w) {
    int i = text.indexOf(w);
    while (i >= 0) {
      boolean before = i == 0 || !Character.isLetter(text.charAt(i - 1));
      int end = i + w.length();
      boolean after = end >= text.length() || !Character.isLetter(text.charAt(end));
      if (before && after) {
        return true;
      }
      i = text.indexOf(w, i + 1);
    }
    return false;
  }
}
