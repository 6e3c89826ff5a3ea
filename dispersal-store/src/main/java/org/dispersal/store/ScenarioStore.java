package org.dispersal.store;

import java.util.List;
import java.util.Optional;

/** The scenario library: scenario files that analysts edit and run, looked up by id or name. */
public interface ScenarioStore {
  /** Every scenario, by name. */
  List<StoredScenario> list();

  Optional<StoredScenario> find(long id);

  Optional<StoredScenario> findByName(String name);

  /**
   * Adds a scenario; throws {@link StoreException} when the name is taken or empty.
   *
   * @param owner user name of the owner, or null for none
   */
  StoredScenario create(String name, String yaml, String owner);

  /** Adds a read-only scenario shipped with the program (or replaces its text if it exists). */
  StoredScenario createBuiltIn(String name, String yaml);

  /** Changes name and text; throws {@link StoreException} for an unknown id or a taken name. */
  StoredScenario update(long id, String name, String yaml);

  /** Removes a scenario; false when there was none. Runs keep their own copy of the text. */
  boolean delete(long id);
}
