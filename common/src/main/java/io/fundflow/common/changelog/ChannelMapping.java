package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.ColumnPresence.KEY;
import static io.fundflow.common.changelog.ColumnPresence.REQUIRED;

import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.SourceRow;

/** CHANNEL columns to {@link Channel}; key CHANNEL_CODE. */
final class ChannelMapping implements RowMapping {

  static final ChannelMapping INSTANCE = new ChannelMapping();

  private static final EnumCodes<ChannelType> CHANNEL_TYPES = EnumCodes.of(ChannelType.class);

  private ChannelMapping() {}

  @Override
  public SourceRow read(RowReader row) {
    String channelCode = row.code("CHANNEL_CODE", KEY);
    String channelName = row.text("CHANNEL_NAME", REQUIRED);
    ChannelType channelType = row.enumValue("CHANNEL_TYPE", REQUIRED, CHANNEL_TYPES);
    if (row.failed()) {
      return null;
    }
    return new Channel(channelCode, channelName, channelType);
  }
}
