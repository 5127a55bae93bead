package io.fundflow.generator;

import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.ChangeLogDecoder;
import io.fundflow.common.changelog.DecodeResult;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.model.SourceRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a correct stream holds after a change log: per row the version with the highest source
 * position wins, a delete included (SPEC §1), whatever the arrival order. Also counts what the
 * decoder made of each message.
 */
final class StreamReplay {

  final List<ChangeEvent> decoded = new ArrayList<>();
  final List<DecodeResult.Rejected> rejected = new ArrayList<>();
  final List<DecodeResult.Skipped> skipped = new ArrayList<>();
  private final Map<String, ChangeEvent> latest = new HashMap<>();

  static StreamReplay of(List<TimedChange> changeLog) {
    StreamReplay replay = new StreamReplay();
    ChangeLogDecoder decoder = new ChangeLogDecoder();
    for (TimedChange c : changeLog) {
      DecodeResult r = decoder.decode(c.topic(), c.value());
      if (r instanceof DecodeResult.Decoded d) {
        replay.apply(d.event());
      } else if (r instanceof DecodeResult.Rejected j) {
        replay.rejected.add(j);
      } else {
        replay.skipped.add((DecodeResult.Skipped) r);
      }
    }
    return replay;
  }

  private void apply(ChangeEvent e) {
    decoded.add(e);
    String key = e.table() + ":" + e.primaryKey();
    ChangeEvent current = latest.get(key);
    if (current == null || e.position().isAfter(current.position())) {
      latest.put(key, e);
    }
  }

  /** The rows of {@code table} the stream holds at the end, by primary key. */
  Map<String, SourceRow> rows(SourceTable table) {
    Map<String, SourceRow> rows = new TreeMap<>();
    latest.forEach(
        (k, e) -> {
          if (e.table() == table && e.op().upserts()) {
            rows.put(e.primaryKey(), e.after());
          }
        });
    return rows;
  }

  /** The position the stream's current version of a row has. */
  SourcePosition position(SourceTable table, String primaryKey) {
    ChangeEvent e = latest.get(table + ":" + primaryKey);
    return e == null ? null : e.position();
  }
}
