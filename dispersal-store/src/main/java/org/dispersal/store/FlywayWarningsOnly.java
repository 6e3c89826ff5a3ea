package org.dispersal.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.LoggerFactory;

/**
 * Flyway's logging for the store: warnings and errors go to SLF4J, the routine progress lines
 * ("Schema is up to date") that Flyway writes at INFO on every start are dropped, so {@code
 * dispersal runs} prints only its table. Public with a no-argument constructor because Flyway
 * instantiates it by name.
 */
public final class FlywayWarningsOnly implements LogCreator {

  @Override
  public Log createLogger(Class<?> source) {
    org.slf4j.Logger log = LoggerFactory.getLogger(source);
    return new Log() {
      @Override
      public void debug(String message) {}

      @Override
      public void info(String message) {}

      @Override
      public void notice(String message) {}

      @Override
      public void warn(String message) {
        log.warn(message);
      }

      @Override
      public void error(String message) {
        log.error(message);
      }

      @Override
      public void error(String message, Exception e) {
        log.error(message, e);
      }
    };
  }
}
