package io.fundflow.realtime.fundflow;

import io.fundflow.common.model.Channel;
import io.fundflow.realtime.decode.RowChange;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Attaches the CHANNEL dimension to journal changes. Channels are few, so the table is broadcast to
 * every subtask; a channel change applies to the journal changes processed after it.
 */
public final class ChannelJoinFunction
    extends BroadcastProcessFunction<JournalChange, RowChange<Channel>, JournalChange> {

  private static final long serialVersionUID = 1L;

  /** The broadcast CHANNEL table, by CHANNEL_CODE. */
  public static final MapStateDescriptor<String, DimensionVersion<Channel>> CHANNELS =
      new MapStateDescriptor<>(
          "channels", Types.STRING, TypeInformation.of(new TypeHint<DimensionVersion<Channel>>() {}));

  @Override
  public void processElement(JournalChange change, ReadOnlyContext ctx, Collector<JournalChange> out)
      throws Exception {
    Channel channel = null;
    if (change.current() != null && change.current().channel() != null) {
      DimensionVersion<Channel> v = ctx.getBroadcastState(CHANNELS).get(change.current().channel());
      channel = v == null ? null : v.row();
    }
    out.collect(change.withChannel(channel));
  }

  @Override
  public void processBroadcastElement(RowChange<Channel> change, Context ctx, Collector<JournalChange> out)
      throws Exception {
    String code = change.row().channelCode();
    ctx.getBroadcastState(CHANNELS).put(code, DimensionVersion.apply(ctx.getBroadcastState(CHANNELS).get(code), change));
  }
}
