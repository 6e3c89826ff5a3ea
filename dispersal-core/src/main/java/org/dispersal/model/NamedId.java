package org.dispersal.model;

import java.util.Locale;

/**
 * An enum whose identifier (in files, CSV columns, parameter names and on the command line) is its
 * constant's name in lower case: {@code IN_THEATRE} is {@code in_theatre}. The rule is written once
 * here instead of spelling every constant a second time.
 */
public interface NamedId {

  /** The constant's name, as {@link Enum#name()} gives it. */
  String name();

  /** The identifier: the constant's name in lower case. */
  default String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Finds the constant of {@code type} with identifier {@code id}, or returns null. */
  static <E extends Enum<E> & NamedId> E byId(Class<E> type, String id) {
    for (E e : type.getEnumConstants()) {
      if (e.id().equals(id)) {
        return e;
      }
    }
    return null;
  }
}
