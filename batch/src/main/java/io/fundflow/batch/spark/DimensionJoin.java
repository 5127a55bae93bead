package io.fundflow.batch.spark;

import io.fundflow.batch.source.SourceUnavailableException;
import io.fundflow.batch.source.TextTable;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.SourceRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Joins each journal row with its customer (CLIENT_ID) and channel (CHANNEL), keys trimmed, each
 * dimension row read once. The channels, a few hundred, always go to every task. The customers go
 * too when there are at most {@code broadcastMaxCustomers} of them, so the journal is not
 * shuffled; a larger customer table is joined by a shuffle of both sides on the client id. Either
 * way an entry whose key has no dimension row gets null; of duplicate keys one row wins.
 */
public final class DimensionJoin {

  private final JavaSparkContext spark;
  private final long broadcastMaxCustomers;

  public DimensionJoin(JavaSparkContext spark, long broadcastMaxCustomers) {
    this.spark = spark;
    this.broadcastMaxCustomers = broadcastMaxCustomers;
  }

  /** The journal's rows, joined; the journal keeps its partitions unless the customers are shuffled. */
  public JavaRDD<JoinedEntry> join(TextTable journal, TextTable customers, TextTable channels) {
    int clientId = column(journal, "CLIENT_ID", "FUND_JOURNAL");
    int channel = column(journal, "CHANNEL", "FUND_JOURNAL");
    JavaPairRDD<String, Dimension<Customer>> customerRows =
        DimensionJoin.<Customer>keyed(
            customers, column(customers, "CLIENT_ID", "CUSTOMER"), SourceTable.CUSTOMER);
    Broadcast<Map<String, Dimension<Channel>>> channelsByCode =
        spark.broadcast(
            firstByKey(
                DimensionJoin.<Channel>keyed(
                        channels, column(channels, "CHANNEL_CODE", "CHANNEL"), SourceTable.CHANNEL)
                    .collect()));

    List<Tuple2<String, Dimension<Customer>>> few =
        customerRows.take((int) Math.min(Integer.MAX_VALUE - 1, broadcastMaxCustomers) + 1);
    if (few.size() <= broadcastMaxCustomers) {
      Broadcast<Map<String, Dimension<Customer>>> byClient = spark.broadcast(firstByKey(few));
      return journal.rows()
          .map(row -> new JoinedEntry(
              row, byClient.value().get(key(row, clientId)), channelsByCode.value().get(key(row, channel))));
    }
    return journal.rows()
        .mapToPair(row -> new Tuple2<>(key(row, clientId), row))
        .leftOuterJoin(customerRows.reduceByKey((a, b) -> a))
        .values()
        .map(p -> new JoinedEntry(
            p._1(), p._2().orElse(null), channelsByCode.value().get(key(p._1(), channel))));
  }

  /** Each row of a dimension read once, under its trimmed key; rows without a key cannot join. */
  private static <T extends SourceRow> JavaPairRDD<String, Dimension<T>> keyed(
      TextTable table, int keyColumn, SourceTable kind) {
    TextTable.Columns columns = table.columns();
    return table.rows()
        .filter(row -> key(row, keyColumn) != null)
        .mapToPair(row -> new Tuple2<>(key(row, keyColumn), Dimension.<T>read(kind, columns, row)));
  }

  private static <T> Map<String, T> firstByKey(List<Tuple2<String, T>> rows) {
    Map<String, T> map = new HashMap<>();
    rows.forEach(r -> map.putIfAbsent(r._1(), r._2()));
    return map;
  }

  private static String key(String[] row, int column) {
    return row[column] == null ? null : row[column].trim();
  }

  private static int column(TextTable table, String name, String tableName) {
    int i = table.columns().indexOf(name);
    if (i < 0) {
      throw new SourceUnavailableException(tableName + " has no column " + name);
    }
    return i;
  }
}
