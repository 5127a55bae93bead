package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextRowReaderTest {

  private static Map<String, String> journal() {
    Map<String, String> m = new HashMap<>();
    m.put("INIT_DATE", "20261119");
    m.put("SERIAL_NO", "42");
    m.put("OCCUR_TIME", "2026-11-19 09:30:00.005");
    m.put("CLIENT_ID", "C00000001");
    m.put("FUND_ACCOUNT", "F00000001");
    m.put("BRANCH_NO", "1001");
    m.put("MONEY_TYPE", "CNY");
    m.put("BUSINESS_FLAG", "10001");
    m.put("OCCUR_BALANCE", "1234567890123.45");
    m.put("POST_BALANCE", "-0.10");
    m.put("CHANNEL", "");
    m.put("REMARK", null);
    return m;
  }

  @Test
  void readsAJournalRowFromText() {
    TextRowReader.Result r = TextRowReader.read(SourceTable.FUND_JOURNAL, journal());
    assertTrue(r.ok());
    FundJournalEntry e = (FundJournalEntry) r.row();
    assertEquals(20261119, e.initDate());
    assertEquals(42, e.serialNo());
    assertEquals(LocalDateTime.of(2026, 11, 19, 9, 30, 0, 5_000_000), e.occurTime());
    assertEquals(MoneyType.CNY, e.moneyType());
    assertEquals(new BigDecimal("1234567890123.45"), e.occurBalance());
    assertEquals(new BigDecimal("-0.10"), e.postBalance());
    assertEquals(null, e.channel());
    assertEquals(null, e.remark());
  }

  @Test
  void columnsFilledOneByOneReadAsTheMapDoes() {
    TextRowReader.Columns c = new TextRowReader.Columns();
    journal().forEach(c::put);
    assertEquals(
        TextRowReader.read(SourceTable.FUND_JOURNAL, journal()).row(),
        TextRowReader.read(SourceTable.FUND_JOURNAL, c).row());

    TextRowReader.Columns bad = new TextRowReader.Columns();
    journal().forEach(bad::put);
    bad.put("OCCUR_BALANCE", "1.005");
    assertEquals(RejectReason.BAD_DECIMAL, TextRowReader.read(SourceTable.FUND_JOURNAL, bad).rejection().reason());
  }

  @Test
  void rejectsABadValueNamingTheColumn() {
    Map<String, String> m = journal();
    m.put("OCCUR_BALANCE", "1.005");
    TextRowReader.Result r = TextRowReader.read(SourceTable.FUND_JOURNAL, m);
    assertFalse(r.ok());
    assertEquals(RejectReason.BAD_DECIMAL, r.rejection().reason());
    assertTrue(r.rejection().message().contains("OCCUR_BALANCE"), r.rejection().message());
  }

  @Test
  void rejectsAMissingRequiredColumn() {
    Map<String, String> m = journal();
    m.remove("CLIENT_ID");
    TextRowReader.Result r = TextRowReader.read(SourceTable.FUND_JOURNAL, m);
    assertFalse(r.ok());
    assertEquals(RejectReason.MISSING_COLUMN, r.rejection().reason());
  }

  @Test
  void readsACustomerWithPaddedCharColumns() {
    Map<String, String> m = new HashMap<>();
    m.put("CLIENT_ID", "C00000001");
    m.put("CLIENT_NAME", "Zhang San");
    m.put("BRANCH_NO", "1001");
    m.put("OPEN_DATE", "20200101");
    m.put("CLIENT_STATUS", "0");
    m.put("RISK_LEVEL", "3");
    m.put("KEY_CLIENT", "Y");
    TextRowReader.Result r = TextRowReader.read(SourceTable.CUSTOMER, m);
    assertTrue(r.ok(), () -> String.valueOf(r.rejection()));
    Customer c = (Customer) r.row();
    assertEquals(3, c.riskLevel());
    assertTrue(c.keyClient());
  }
}
