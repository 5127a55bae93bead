package io.fundflow.demo;

import io.fundflow.generator.Fault;
import java.math.BigDecimal;

/**
 * What the traders' API serves, after the correction, for one entry the stream got wrong.
 *
 * @param fault the fault as the generator planted it
 * @param served the amount served now; null when the API lists no such entry
 */
public record FaultCheck(Fault fault, BigDecimal served) {

  /** True when the served entry is what the day-end data says: its amount, or absent. */
  public boolean corrected() {
    BigDecimal expected = fault.expectedAmount();
    return expected == null ? served == null : served != null && expected.compareTo(served) == 0;
  }

  /** One console line. */
  public String describe() {
    return String.format(
        "%-12s client %s serial %d: stream %s, day-end %s, served now %s  %s",
        fault.kind(),
        fault.clientId(),
        fault.serialNo(),
        text(fault.streamedAmount()),
        text(fault.expectedAmount()),
        text(served),
        corrected() ? "corrected" : "NOT CORRECTED");
  }

  private static String text(BigDecimal amount) {
    return amount == null ? "(none)" : amount.toPlainString();
  }
}
