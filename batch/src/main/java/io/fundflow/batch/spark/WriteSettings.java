package io.fundflow.batch.spark;

import io.fundflow.hbase.HBaseClientSettings;
import java.io.Serializable;

/**
 * How a correction task reaches HBase and writes: shipped with the task, so serializable.
 *
 * @param hbase the HBase client settings
 * @param version the run's cell version ({@code CellVersion.correction}), on every write
 * @param dryRun compare and report only, write nothing
 * @param sampleSize differences kept per table for the report
 * @param writeBufferBytes the {@code BufferedMutator} buffer per table and task
 */
public record WriteSettings(
    HBaseClientSettings hbase, long version, boolean dryRun, int sampleSize, long writeBufferBytes)
    implements Serializable {}
