package io.fundflow.common.model;

/** A channel of the counter system (SPEC §1 CHANNEL), key CHANNEL_CODE. */
public record Channel(String channelCode, String channelName, ChannelType channelType)
    implements SourceRow {

  @Override
  public String primaryKey() {
    return channelCode;
  }
}
