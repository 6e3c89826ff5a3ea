package org.dispersal.store;

import java.util.List;
import java.util.Optional;

/**
 * The scenario library: scenario files that analysts edit and run, looked up by id or name. Each is
 * shared with every user or private to one team ({@link Visibility}); who may see what is the web
 * service's business, the store only keeps the visibility and the team.
 */
public interface ScenarioStore {
  /** Every scenario, by name. */
  List<StoredScenario> list();

  Optional<StoredScenario> find(long id);

  Optional<StoredScenario> findByName(String name);

  /**
   * Adds a scenario every user may see; throws {@link StoreException} when the name is taken or
   * empty.
   *
   * @param owner user name of the owner, or null for none
   */
  default StoredScenario create(String name, String yaml, String owner) {
    return create(name, yaml, owner, Visibility.SHARED, null);
  }

  /**
   * Adds a scenario; throws {@link StoreException} when the name is taken or empty, when a team
   * scenario has no team or a shared one has a team.
   *
   * @param owner user name of the owner, or null for none
   * @param visibility shared or team
   * @param team the team of a team scenario; null for a shared one
   */
  StoredScenario create(String name, String yaml, String owner, Visibility visibility, String team);

  /**
   * Adds a read-only shared scenario shipped with the program (or replaces its text if it exists).
   */
  StoredScenario createBuiltIn(String name, String yaml);

  /**
   * The id of the user who owns the scenario (since migration V7): the account of the owner's name
   * when the scenario was created. Empty for a built-in scenario, an unknown one, or one whose
   * owner's account no longer existed at V7. Ownership goes by this id, never by the name, so an
   * account created later under a deleted user's name owns nothing of theirs.
   */
  java.util.Optional<Long> ownerId(long id);

  /**
   * Changes name and text and keeps the visibility and team; throws {@link StoreException} for an
   * unknown id or a taken name.
   */
  StoredScenario update(long id, String name, String yaml);

  /**
   * Changes name, text, visibility and team; throws {@link StoreException} for an unknown id, a
   * taken name, or a team that does not fit the visibility (as {@link #create(String, String,
   * String, Visibility, String)}).
   */
  StoredScenario update(long id, String name, String yaml, Visibility visibility, String team);

  /** Removes a scenario; false when there was none. Runs keep their own copy of the text. */
  boolean delete(long id);
}
