package io.fundflow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fundflow.generator.GeneratedDay;
import java.nio.file.Path;
import java.util.List;

/**
 * How the simulated day ended.
 *
 * @param day what was generated, faults included
 * @param report the correction's reconciliation report (the batch's JSON)
 * @param faultChecks each planted fault as the traders' API serves it after the correction
 * @param servingUrl the traders' API and page
 * @param reportFile where the report is
 */
public record DemoOutcome(
    GeneratedDay day, JsonNode report, List<FaultCheck> faultChecks, String servingUrl, Path reportFile) {

  /** True when every planted fault is served corrected. */
  public boolean allCorrected() {
    return faultChecks.stream().allMatch(FaultCheck::corrected);
  }
}
