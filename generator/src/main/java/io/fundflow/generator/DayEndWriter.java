package io.fundflow.generator;

import java.io.IOException;
import java.util.Map;

/** Puts the authoritative day-end data where the nightly correction reads it in production. */
public interface DayEndWriter {

  /**
   * Writes the day's rows; the day's journal replaces whatever that day held, the other tables are
   * upserted by key.
   *
   * @return rows written per table name, in SPEC order
   */
  Map<String, Integer> write(DayEndData dayEnd) throws IOException;
}
