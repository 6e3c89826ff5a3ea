package org.dispersal.output.analyst;

import org.dispersal.output.page.Page;

/** The toolkit's page with the masthead and footer that every analyst page shares. */
final class Pages {

  private Pages() {}

  /** A page with its kicker, title and lede. */
  static Page of(String kicker, String title, String lede) {
    return new Page(title)
        .masthead(kicker, title, lede)
        .footer(
            "Dispersal analyst tools. Aggregate numbers from the ensemble forecast;"
                + " nothing on this page is about an individual.");
  }
}
