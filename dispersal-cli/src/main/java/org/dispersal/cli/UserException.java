package org.dispersal.cli;

/** An error caused by what the user asked for, shown as one line without a stack trace. */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message);
  }
}
