package io.fundflow.common.ads;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.ContractStatus;
import java.time.LocalDateTime;

/**
 * The trading dates (yyyymmdd, from Asia/Shanghai local times) on which a contract was applied,
 * signed and terminated, as its current version tells; 0 for "never".
 *
 * <p>A contract counts as signed only with status SIGNED or TERMINATED and a SIGN_TIME: an APPLIED
 * or REJECTED contract is not signed whatever its times say. It counts as terminated only with
 * status TERMINATED; one without a TERMINATE_TIME is taken as terminated when it was signed, so it
 * is never active at a day end (we cannot tell since when it stopped, and counting its assets
 * would overstate AUM).
 */
record ContractDates(int applied, int signed, int terminated) {

  static final int NEVER = 0;

  static ContractDates of(AdvisoryContract c) {
    int applied = yyyymmdd(c.applyTime());
    boolean hasSigned =
        c.signTime() != null
            && (c.status() == ContractStatus.SIGNED || c.status() == ContractStatus.TERMINATED);
    int signed = hasSigned ? yyyymmdd(c.signTime()) : NEVER;
    int terminated = NEVER;
    if (c.status() == ContractStatus.TERMINATED) {
      terminated = c.terminateTime() != null ? yyyymmdd(c.terminateTime()) : signed;
    }
    return new ContractDates(applied, signed, terminated);
  }

  /** Signed on or before {@code day} and not terminated on or before it: SIGNED at that day end. */
  boolean activeAtEndOf(int day) {
    return signed != NEVER
        && signed <= day
        && (terminated == NEVER || terminated > day);
  }

  static int yyyymmdd(LocalDateTime t) {
    return t == null ? NEVER : t.getYear() * 10000 + t.getMonthValue() * 100 + t.getDayOfMonth();
  }
}
