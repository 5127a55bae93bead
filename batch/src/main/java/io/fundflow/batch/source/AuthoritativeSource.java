package io.fundflow.batch.source;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The authoritative day-end tables: the journal and its dimensions as {@link TextTable}s for the
 * job's map side, the advisory tables as Spark datasets for the driver. Every column is a string
 * named as in SPEC §1 (upper case), so money stays exact decimal text and one reader ({@code
 * TextRowReader}) parses both source kinds the same way. Reading a table checks that it exists and
 * is readable.
 */
public interface AuthoritativeSource {

  /** FUND_JOURNAL rows of trading day {@code initDate}. */
  TextTable journal(int initDate);

  /** CUSTOMER rows; at least those of the customers in the day's journal. */
  TextTable customers(int initDate);

  /** CHANNEL rows (a few hundred). */
  TextTable channels();

  /** ADVISORY_CONTRACT rows applied on or before {@code tradeDate}; may hold later ones. */
  Dataset<Row> contracts(int tradeDate);

  /** ADVISORY_ORDER rows traded on or before {@code tradeDate}; may hold later ones. */
  Dataset<Row> orders(int tradeDate);
}
