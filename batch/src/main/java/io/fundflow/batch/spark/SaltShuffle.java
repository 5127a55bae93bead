package io.fundflow.batch.spark;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.rdd.ShuffledRDD;
import scala.math.Ordering;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The correction's one shuffle: rows by rowkey salt ({@link SaltPartitioner}), each partition
 * sorted as HBase sorts, the bytes carried by {@link BytePairSerializer}. What {@code
 * repartitionAndSortWithinPartitions} does, with a serializer of its own.
 */
public final class SaltShuffle {

  private static final ClassTag<byte[]> BYTES = ClassTag$.MODULE$.apply(byte[].class);

  private SaltShuffle() {}

  /** The rows (rowkey → value) shuffled by salt and sorted by rowkey within each salt. */
  public static JavaPairRDD<byte[], byte[]> bySalt(JavaPairRDD<byte[], byte[]> rows) {
    ShuffledRDD<byte[], byte[], byte[]> shuffled =
        new ShuffledRDD<byte[], byte[], byte[]>(rows.rdd(), new SaltPartitioner(), BYTES, BYTES, BYTES)
            .setKeyOrdering(Ordering.comparatorToOrdering(SaltPartitioner.ROW_KEY_ORDER))
            .setSerializer(new BytePairSerializer());
    return JavaPairRDD.fromRDD(shuffled, BYTES, BYTES);
  }
}
