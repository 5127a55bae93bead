package io.fundflow.generator;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.model.SourceRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Collects the day's {@link RowVersion}s in the order they are planned, numbering them, and draws
 * each row's envelope once from the configured GoldenGate share.
 */
final class RowVersions {

  private final List<RowVersion> versions = new ArrayList<>();
  private final double goldenGateShare;
  private final Random random;

  RowVersions(double goldenGateShare, Random random) {
    this.goldenGateShare = goldenGateShare;
    this.random = random;
  }

  /** Draws an envelope (and wrapper) for a new row: all its versions use it. */
  Style style() {
    boolean gg = random.nextDouble() < goldenGateShare;
    return new Style(gg ? Envelope.GOLDENGATE : Envelope.DEBEZIUM, !gg && random.nextInt(3) == 0);
  }

  /** How one row's changes are carried. */
  record Style(Envelope envelope, boolean wrapped) {}

  void add(LocalDateTime commit, ChangeOp op, SourceRow before, SourceRow after, Style style) {
    versions.add(
        new RowVersion(
            commit, versions.size(), op, before, after, style.envelope(), style.wrapped()));
  }

  List<RowVersion> all() {
    return versions;
  }
}
