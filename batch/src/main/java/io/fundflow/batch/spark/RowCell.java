package io.fundflow.batch.spark;

/**
 * One row of a table as the correction compares it: its rowkey and the value of its one cell.
 *
 * @param key the rowkey
 * @param value the cell's bytes (JSON)
 */
record RowCell(byte[] key, byte[] value) {}
