package io.fundflow.realtime.types;

import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializerSnapshot;

/**
 * Snapshot of a hand-written state serializer that replaced Flink's reflective one (Kryo or POJO)
 * for the same state: on restore of a savepoint written with the reflective serializer it asks
 * Flink to migrate, that is read the old state with the old serializer and write it anew with
 * this one. Savepoints taken before the hand-written serializers therefore still restore.
 */
public abstract class MigratingSnapshot<T> extends SimpleTypeSerializerSnapshot<T> {

  protected MigratingSnapshot(Supplier<? extends TypeSerializer<T>> serializer) {
    super(serializer);
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSerializerSnapshot) {
    // The state's name binds its type (Flink refuses a state re-registered with another type
    // class), so a Kryo or POJO snapshot here is one of the same class, written before this
    // serializer existed. Neither exposes its class publicly, hence no further check.
    if (oldSerializerSnapshot instanceof KryoSerializerSnapshot<T>
        || oldSerializerSnapshot instanceof PojoSerializerSnapshot<T>) {
      return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
    }
    return super.resolveSchemaCompatibility(oldSerializerSnapshot);
  }
}
