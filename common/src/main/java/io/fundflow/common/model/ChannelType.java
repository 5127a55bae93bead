package io.fundflow.common.model;

/** Kind of a channel through which an entry was made (SPEC §1 CHANNEL.CHANNEL_TYPE). */
public enum ChannelType {
  COUNTER,
  ONLINE,
  MOBILE,
  BANK
}
