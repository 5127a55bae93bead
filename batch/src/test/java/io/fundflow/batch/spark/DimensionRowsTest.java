package io.fundflow.batch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.changelog.TextRowReader;
import io.fundflow.common.model.Channel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DimensionRowsTest {

  private static final StructType CHANNEL =
      new StructType()
          .add("CHANNEL_CODE", DataTypes.StringType, true)
          .add("CHANNEL_NAME", DataTypes.StringType, true)
          .add("CHANNEL_TYPE", DataTypes.StringType, true);

  @Test
  void aRowIsReadOnceAndGivesWhatTheReaderGives() {
    DimensionRows rows = new DimensionRows(SourceTable.CHANNEL);
    TextRowReader.Result first = rows.read(channel("7", "手机银行", "MOBILE"));
    // another object with the same content: the join makes a new row for every entry
    TextRowReader.Result again = rows.read(channel("7", "手机银行", "MOBILE"));
    assertSame(first, again);
    assertEquals(1, rows.size());
    assertEquals(
        TextRowReader.read(SourceTable.CHANNEL, SourceRows.columns(channel("7", "手机银行", "MOBILE"))),
        first);
    assertEquals("手机银行", ((Channel) first.row()).channelName());
  }

  @Test
  void rowsDifferingInAnyColumnAreReadEachForItself() {
    DimensionRows rows = new DimensionRows(SourceTable.CHANNEL);
    TextRowReader.Result mobile = rows.read(channel("7", "手机银行", "MOBILE"));
    TextRowReader.Result renamed = rows.read(channel("7", "网上银行", "MOBILE"));
    TextRowReader.Result bad = rows.read(channel("7", "手机银行", "NO_SUCH_TYPE"));
    assertEquals(3, rows.size());
    assertEquals("网上银行", ((Channel) renamed.row()).channelName());
    assertTrue(mobile.ok());
    assertFalse(bad.ok(), "a rejected row is remembered as rejected");
    assertFalse(rows.read(channel("7", "手机银行", "NO_SUCH_TYPE")).ok());
  }

  @Test
  void pastItsLimitItForgetsAndStillReadsRight() {
    DimensionRows rows = new DimensionRows(SourceTable.CHANNEL);
    for (int i = 0; i < DimensionRows.MAX_ROWS; i++) {
      rows.read(channel("C" + i, "n" + i, "MOBILE"));
    }
    assertEquals(DimensionRows.MAX_ROWS, rows.size());
    TextRowReader.Result next = rows.read(channel("X", "x", "COUNTER"));
    assertEquals(1, rows.size());
    assertEquals("X", ((Channel) next.row()).channelCode());
    assertEquals("C5", ((Channel) rows.read(channel("C5", "n5", "MOBILE")).row()).channelCode());
  }

  private static Row channel(String code, String name, String type) {
    return new GenericRowWithSchema(new Object[] {code, name, type}, CHANNEL);
  }
}
