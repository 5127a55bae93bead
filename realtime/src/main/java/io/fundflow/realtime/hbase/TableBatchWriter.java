package io.fundflow.realtime.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Table;

/**
 * A {@link BatchWriter} over {@link Table#batch}: the client groups the batch by region server and
 * sends the groups in parallel, retrying each action per {@code hbase.client.retries.number}, and
 * reports the outcome per mutation — which is what lets the sender retry only what failed.
 */
final class TableBatchWriter implements BatchWriter {

  private final Table table;

  TableBatchWriter(Connection connection, TableName name) throws IOException {
    this.table = connection.getTable(name);
  }

  @Override
  public List<Failed> write(List<Mutation> batch) throws IOException, InterruptedException {
    Object[] results = new Object[batch.size()];
    IOException error = null;
    try {
      table.batch(batch, results);
    } catch (IOException e) {
      // Per-action outcomes are in results; the exception only summarizes them, or, when nothing
      // was attempted (results all empty), it is the cause for every action.
      error = e;
    }
    if (error == null) {
      return List.of();
    }
    List<Failed> failed = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        failed.add(new Failed(batch.get(i), error));
      } else if (results[i] instanceof Throwable t) {
        failed.add(new Failed(batch.get(i), t));
      }
    }
    if (failed.isEmpty()) {
      throw error;
    }
    return failed;
  }

  @Override
  public void close() throws IOException {
    table.close();
  }
}
