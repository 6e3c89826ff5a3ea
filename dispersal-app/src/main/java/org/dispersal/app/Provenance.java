package org.dispersal.app;

import org.dispersal.input.data.SharedData;

/**
 * What produced a run besides its request, recorded in every manifest: the program's version and
 * the version of the shipped data.
 *
 * @param codeVersion the build version and, when known, the git commit
 * @param dataVersion a hash over the shipped data files
 */
public record Provenance(String codeVersion, String dataVersion) {

  /** The provenance of this program with the given code version and the shipped data. */
  public static Provenance of(String codeVersion) {
    return new Provenance(codeVersion, SharedData.shippedVersion());
  }
}
