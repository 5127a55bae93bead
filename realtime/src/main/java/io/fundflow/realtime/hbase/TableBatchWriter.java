package io.fundflow.realtime.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Table;

/**
 * A {@link BatchWriter} over {@link Table#batch}, one call per region, the regions' calls in
 * parallel. The client would send a whole batch as one request per region server, which the
 * server applies one region after the other, each waiting for its own write-ahead-log sync; one
 * request per region lets the server's handlers apply them side by side and share the syncs. A row
 * lives in one region, so its mutations keep their order. Each mutation's outcome is reported,
 * which is what lets the sender retry only what failed.
 */
final class TableBatchWriter implements BatchWriter {

  private final Connection connection;
  private final TableName name;
  private final RegionLocator locator;
  private final ExecutorService regionWrites;

  /**
   * @param regionWrites runs the per-region calls; shared by the tables of one sink writer
   */
  TableBatchWriter(Connection connection, TableName name, ExecutorService regionWrites)
      throws IOException {
    this.connection = connection;
    this.name = name;
    this.locator = connection.getRegionLocator(name);
    this.regionWrites = regionWrites;
  }

  @Override
  public List<Failed> write(List<Mutation> batch) throws IOException, InterruptedException {
    List<List<Mutation>> byRegion;
    try {
      byRegion = byRegion(batch);
    } catch (IOException e) {
      // Not located (after the client's own retries): every mutation failed with that cause, so
      // the sender retries, or gives up at once on a missing table, as for a failed write.
      List<Failed> all = new ArrayList<>(batch.size());
      for (Mutation m : batch) {
        all.add(new Failed(m, e));
      }
      return all;
    }
    if (byRegion.size() == 1) {
      return writeRegion(byRegion.get(0));
    }
    List<Future<List<Failed>>> calls = new ArrayList<>(byRegion.size());
    for (List<Mutation> part : byRegion) {
      calls.add(regionWrites.submit(() -> writeRegion(part)));
    }
    List<Failed> failed = new ArrayList<>();
    try {
      for (Future<List<Failed>> call : calls) {
        failed.addAll(call.get());
      }
    } catch (ExecutionException e) {
      calls.forEach(c -> c.cancel(true));
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("batch write to " + name + " failed", e.getCause());
    } catch (InterruptedException e) {
      calls.forEach(c -> c.cancel(true));
      throw e;
    }
    return failed;
  }

  /** The batch cut by region, each part in the batch's order; locations come from the cache. */
  private List<List<Mutation>> byRegion(List<Mutation> batch) throws IOException {
    Map<String, List<Mutation>> parts = new LinkedHashMap<>();
    for (Mutation m : batch) {
      String region = locator.getRegionLocation(m.getRow()).getRegion().getEncodedName();
      parts.computeIfAbsent(region, r -> new ArrayList<>()).add(m);
    }
    return new ArrayList<>(parts.values());
  }

  private List<Failed> writeRegion(List<Mutation> part) throws IOException, InterruptedException {
    Object[] results = new Object[part.size()];
    IOException error = null;
    try (Table table = connection.getTable(name)) {
      table.batch(part, results);
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
        failed.add(new Failed(part.get(i), error));
      } else if (results[i] instanceof Throwable t) {
        failed.add(new Failed(part.get(i), t));
      }
    }
    if (failed.isEmpty()) {
      throw error;
    }
    return failed;
  }

  @Override
  public void close() throws IOException {
    locator.close();
  }
}
