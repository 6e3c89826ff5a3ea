package org.dispersal.model;

/**
 * A place where fighters can be that is not an origin: a core theatre, a third theatre or a transit
 * place.
 *
 * @param id a short identifier (ISO alpha-3 for a country, otherwise a lower-case name such as
 *     {@code sahel})
 * @param name a display name
 * @param kind what role the place plays
 * @param countries the ISO codes the place covers (for example the Sahel covers MLI, NER, BFA)
 */
public record Place(String id, String name, Kind kind, java.util.List<String> countries) {

  /** The role of a place in the model. */
  public enum Kind {
    /** Where the group held territory (Iraq and Syria for the Islamic State). */
    CORE_THEATRE,
    /** A theatre outside the core theatre where an offshoot can be built. */
    THIRD_THEATRE,
    /** A country or route crossed on the way out. */
    TRANSIT
  }

  /** Validates the place. */
  public Place {
    if (id == null || id.isBlank() || kind == null) {
      throw new IllegalArgumentException("place needs an id and a kind");
    }
    countries = countries == null ? java.util.List.of() : java.util.List.copyOf(countries);
  }
}
