package io.fundflow.generator;

import io.fundflow.common.changelog.SourceRowColumns;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.model.SourceRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The day-end data as rows per source table, in SPEC order: what both writers walk through. */
final class DayEndTables {

  private DayEndTables() {}

  static Map<SourceTable, List<? extends SourceRow>> of(DayEndData d) {
    Map<SourceTable, List<? extends SourceRow>> tables = new LinkedHashMap<>();
    tables.put(SourceTable.FUND_JOURNAL, d.journal());
    tables.put(SourceTable.CUSTOMER, d.customers());
    tables.put(SourceTable.CHANNEL, d.channels());
    tables.put(SourceTable.ADVISORY_CONTRACT, d.contracts());
    tables.put(SourceTable.ADVISORY_ORDER, d.orders());
    return tables;
  }

  static Map<String, Object> columns(SourceRow row) {
    return SourceRowColumns.of(row);
  }
}
