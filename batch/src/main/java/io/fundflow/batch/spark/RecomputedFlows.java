package io.fundflow.batch.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of the recomputed day: one row per journal entry, either its DWD flow (detail rowkey,
 * flow JSON, occur day) or why it was rejected.
 */
public final class RecomputedFlows {

  public static final String ROW_KEY = "ROW_KEY";
  public static final String FLOW = "FLOW";
  public static final String OCCUR_DAY = "OCCUR_DAY";
  public static final String REJECTED = "REJECTED";

  /** The schema; REJECTED is null for a valid entry, every other column null for a rejected one. */
  public static final StructType SCHEMA =
      new StructType()
          .add(ROW_KEY, DataTypes.BinaryType, true)
          .add(FLOW, DataTypes.BinaryType, true)
          .add(OCCUR_DAY, DataTypes.IntegerType, true)
          .add(REJECTED, DataTypes.StringType, true);

  /** Schema of encoded rows keyed by rowkey (expected summaries, served rows). */
  public static StructType keyed(String keyColumn, String valueColumn) {
    return new StructType()
        .add(keyColumn, DataTypes.BinaryType, false)
        .add(valueColumn, DataTypes.BinaryType, true);
  }

  private RecomputedFlows() {}
}
