package org.dispersal.store;

import java.time.Instant;

/**
 * A scenario file kept in the store: its YAML text as written, who owns it, and when it changed.
 */
public record StoredScenario(
    long id,
    String name,
    String yaml,
    String owner,
    boolean builtIn,
    Instant created,
    Instant updated) {}
