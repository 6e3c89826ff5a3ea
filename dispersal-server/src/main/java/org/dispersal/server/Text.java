package org.dispersal.server;

/**
 * Rules for names that users type and others read (scenario names): no control characters, no
 * bidirectional formatting characters (which can make {@code evil\u202Elmth.exe} read as {@code
 * evilexe.html}), no line or paragraph separators.
 */
final class Text {

  private Text() {}

  /** True for a character a name must not hold. */
  static boolean forbiddenInName(int cp) {
    return Character.isISOControl(cp)
        || cp == 0x061C // Arabic letter mark
        || cp == 0x200E // left-to-right mark
        || cp == 0x200F // right-to-left mark
        || (cp >= 0x202A && cp <= 0x202E) // embeddings and overrides
        || (cp >= 0x2066 && cp <= 0x2069) // isolates
        || cp == 0x2028 // line separator
        || cp == 0x2029 // paragraph separator
        || Character.getType(cp) == Character.UNASSIGNED
        || Character.getType(cp) == Character.SURROGATE;
  }

  /**
   * The name, or a 422 on the field when it holds a control, bidirectional formatting or separator
   * character.
   */
  static String checkName(String field, String name) {
    int bad = name.codePoints().filter(Text::forbiddenInName).findFirst().orElse(-1);
    if (bad >= 0) {
      throw ApiException.invalidField(
          field,
          String.format(
              "must not hold control, bidirectional formatting or separator characters (U+%04X)",
              bad));
    }
    return name;
  }
}
