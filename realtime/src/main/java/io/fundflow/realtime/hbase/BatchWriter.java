package io.fundflow.realtime.hbase;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hbase.client.Mutation;

/**
 * Writes one batch of one table's mutations and waits for the outcome of each. The sender only
 * sees this interface, so its retry and ordering rules are tested without a server; {@link
 * TableBatchWriter} is the HBase one.
 */
interface BatchWriter extends AutoCloseable {

  /**
   * Writes {@code batch}; returns the mutations that failed, each with its cause (empty when every
   * one succeeded).
   *
   * @throws InterruptedException when the sender is being stopped
   */
  List<Failed> write(List<Mutation> batch) throws IOException, InterruptedException;

  /** A mutation the server did not apply, and why. */
  record Failed(Mutation mutation, Throwable cause) {}

  @Override
  void close() throws IOException;
}
