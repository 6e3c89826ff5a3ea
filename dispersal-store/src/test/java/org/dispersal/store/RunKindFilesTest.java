package org.dispersal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The report file each kind of run writes is the one the service serves as its report. */
class RunKindFilesTest {

  @Test
  void everyKindNamesTheReportItsRequestWrites() {
    assertEquals("report.html", RunKind.FORECAST.reportFile());
    assertEquals("compare.html", RunKind.COMPARISON.reportFile());
    assertEquals("hindcast.html", RunKind.HINDCAST.reportFile());
    assertEquals("calibration.html", RunKind.CALIBRATION.reportFile());
    assertEquals("sensitivity.html", RunKind.SENSITIVITY.reportFile());
    assertEquals("screening.html", RunKind.SCREENING.reportFile());
    assertEquals("threat.html", RunKind.THREAT.reportFile());
    assertEquals("update.html", RunKind.UPDATE.reportFile());
  }
}
