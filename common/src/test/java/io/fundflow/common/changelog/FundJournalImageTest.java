package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FundJournalImage} finds a column by its name's bytes exactly as by its String name. */
class FundJournalImageTest {

  private static final List<String> COLUMNS =
      List.of(
          "INIT_DATE",
          "SERIAL_NO",
          "OCCUR_TIME",
          "CLIENT_ID",
          "FUND_ACCOUNT",
          "BRANCH_NO",
          "MONEY_TYPE",
          "BUSINESS_FLAG",
          "OCCUR_BALANCE",
          "POST_BALANCE",
          "CHANNEL",
          "REMARK");

  @Test
  void everyColumnIsFoundByItsBytes() {
    for (int i = 0; i < COLUMNS.size(); i++) {
      String name = COLUMNS.get(i);
      assertEquals(i, FundJournalImage.columnOf(name), name);
      assertEquals(i, byBytes(name), name);
    }
  }

  @Test
  void nearMissesAreNoColumn() {
    for (String name :
        List.of(
            "init_date",
            "INIT_DATEX",
            "INIT_DAT",
            "BRANCH_N0",
            "OCCUR_BALANCF",
            "REMARKS",
            "CHANNEl",
            "SERIAL-NO",
            "",
            "X",
            "MONEY_TYPE ",
            "BUSINESS_FLAH",
            "POST_BALANCE_")) {
      assertEquals(-1, FundJournalImage.columnOf(name), name);
      assertEquals(-1, byBytes(name), name);
    }
  }

  private static int byBytes(String name) {
    byte[] b = ("{\"" + name + "\":1}").getBytes(StandardCharsets.US_ASCII);
    return FundJournalImage.columnOf(b, 2, name.length());
  }
}
