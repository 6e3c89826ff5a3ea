package org.dispersal.store;

import java.time.Instant;

/** An account of the web application (no password: the store keeps only its hash, apart). */
public record User(long id, String username, Role role, String team, Instant created) {}
