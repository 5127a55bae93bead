package io.fundflow.serving.store;

import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.KeyRange;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The key ranges one page scans: the planned per-day ranges of {@link FundFlowRowKey#scanRanges},
 * cut to start just after the previous page's last rowkey. The ranges are in ascending key order,
 * which is newest first, so "after the cursor" is simply "greater than its key".
 */
final class ScanPlan {

  private ScanPlan() {}

  static List<KeyRange> ranges(
      String clientId, LocalDateTime from, LocalDateTime to, Optional<byte[]> afterRowKey) {
    List<KeyRange> planned = FundFlowRowKey.scanRanges(clientId, from, to);
    if (afterRowKey.isEmpty()) {
      return planned;
    }
    // The smallest key greater than the cursor's: the key with a 0x00 appended.
    byte[] resume = Arrays.copyOf(afterRowKey.get(), afterRowKey.get().length + 1);
    List<KeyRange> rest = new ArrayList<>();
    for (KeyRange r : planned) {
      byte[] stop = r.stopExclusive();
      if (Arrays.compareUnsigned(stop, resume) <= 0) {
        continue; // wholly before the cursor: already served
      }
      byte[] start = r.startInclusive();
      rest.add(Arrays.compareUnsigned(start, resume) >= 0 ? r : new KeyRange(resume, stop));
    }
    return List.copyOf(rest);
  }
}
