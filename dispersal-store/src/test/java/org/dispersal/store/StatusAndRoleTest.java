package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Run statuses and roles: their stored names and their order. */
class StatusAndRoleTest {

  @Test
  void statusesAreStoredInLowerCaseAndOnlyTheLastThreeAreFinal() {
    for (RunStatus s : RunStatus.values()) {
      assertThat(RunStatus.of(s.id())).isEqualTo(s);
      assertThat(s.id()).isLowerCase();
    }
    assertThat(RunStatus.QUEUED.finished()).isFalse();
    assertThat(RunStatus.RUNNING.finished()).isFalse();
    assertThat(RunStatus.SUCCEEDED.finished()).isTrue();
    assertThat(RunStatus.FAILED.finished()).isTrue();
    assertThat(RunStatus.CANCELLED.finished()).isTrue();
  }

  @Test
  void eachRoleIncludesTheOnesBelowIt() {
    assertThat(Role.ADMIN.atLeast(Role.ANALYST)).isTrue();
    assertThat(Role.ANALYST.atLeast(Role.ANALYST)).isTrue();
    assertThat(Role.ANALYST.atLeast(Role.VIEWER)).isTrue();
    assertThat(Role.VIEWER.atLeast(Role.ANALYST)).isFalse();
    assertThat(Role.ANALYST.atLeast(Role.ADMIN)).isFalse();
    assertThat(Role.of("Admin")).isEqualTo(Role.ADMIN);
  }
}
