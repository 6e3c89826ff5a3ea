package org.dispersal.input.data;

/**
 * A publication that figures are taken from (one row of {@code sources.csv}).
 *
 * @param id the {@code source_id} other files cite
 * @param title the title
 * @param organisation who published it, and through whom it was read
 * @param published the publication date as written, with its parsed span where the text gives one
 * @param location where it was read (URLs, repository paths)
 * @param knownByFeb2017 the curator's judgement that an analyst could have used it on 13 February
 *     2017
 */
public record Source(
    String id,
    String title,
    String organisation,
    PartialDate published,
    String location,
    boolean knownByFeb2017) {

  /** Validates the source. */
  public Source {
    if (id == null || id.isBlank() || published == null) {
      throw new IllegalArgumentException("a source needs an id and a publication date text");
    }
  }
}
