package io.fundflow.realtime.advisory;

import static io.fundflow.realtime.advisory.Advisory.DAY1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.OrderType;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The advisory state and stream types serialize with Flink's own serializers all the way down: a
 * Kryo field anywhere would make savepoints fragile across code changes.
 */
class AdvisoryStateTypesTest {

  @Test
  void stateAndStreamTypesAreKryoFreePojos() {
    for (TypeInformation<?> info :
        List.of(AdvisoryTypes.CHANGE, AdvisoryTypes.ROUTED, AdvisoryTypes.ROW_VERSION)) {
      assertInstanceOf(PojoTypeInfo.class, info, info.toString());
      List<String> generic = new ArrayList<>();
      collectGeneric(info, info.getTypeClass().getSimpleName(), generic);
      assertTrue(generic.isEmpty(), "Kryo-serialized fields: " + generic);
    }
  }

  @Test
  void changesRoundTripWithNullFields() throws Exception {
    var contract = Advisory.applied("C1", "K1", "P1", DAY1); // null sign and terminate times
    var order = Advisory.order("O1", Advisory.signed(contract, DAY1), OrderType.ADD, "12.34", DAY1);
    for (AdvisoryChange c :
        List.of(Advisory.upsert(contract, 7, DAY1), Advisory.delete(order, 8, DAY1))) {
      assertEquals(c, roundTrip(AdvisoryTypes.CHANGE, c));
    }
    RowVersion deleted = new RowVersion(null, new SourcePosition(9, 10));
    assertEquals(deleted, roundTrip(AdvisoryTypes.ROW_VERSION, deleted));
  }

  private static <T> T roundTrip(TypeInformation<T> info, T value) throws Exception {
    TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  private static void collectGeneric(TypeInformation<?> info, String path, List<String> out) {
    if (info instanceof GenericTypeInfo) {
      out.add(path);
    } else if (info instanceof CompositeType<?> composite) {
      String[] names = composite.getFieldNames();
      for (int i = 0; i < composite.getArity(); i++) {
        collectGeneric(composite.getTypeAt(i), path + "." + names[i], out);
      }
    }
  }
}
