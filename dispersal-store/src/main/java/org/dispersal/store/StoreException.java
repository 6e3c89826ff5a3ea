package org.dispersal.store;

/**
 * A problem the user can fix, with a one-line message: an unknown run, an unknown export format, a
 * taken name, a database that cannot be opened, a file that cannot be written.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
