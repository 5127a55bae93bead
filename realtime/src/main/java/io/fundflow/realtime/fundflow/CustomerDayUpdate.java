package io.fundflow.realtime.fundflow;

import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;

/**
 * The new state of one customer-day summary.
 *
 * @param key the customer-day
 * @param summary the summary now, or null when every entry of the day was retracted
 * @param version the cell version to write it at: the newest source position folded into it
 */
public record CustomerDayUpdate(CustomerDayKey key, CustomerDaySummary summary, long version) {}
