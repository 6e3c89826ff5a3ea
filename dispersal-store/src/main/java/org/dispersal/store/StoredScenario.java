package org.dispersal.store;

import java.time.Instant;

/**
 * A scenario file kept in the store: its YAML text as written, who owns it, who may see it, and
 * when it changed.
 *
 * @param visibility shared (every user) or team (the members of {@code team} and admins only)
 * @param team the team of a team scenario; null for a shared one
 */
public record StoredScenario(
    long id,
    String name,
    String yaml,
    String owner,
    boolean builtIn,
    Visibility visibility,
    String team,
    Instant created,
    Instant updated) {}
