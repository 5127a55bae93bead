package io.fundflow.batch.spark;

import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import java.io.Serializable;

/**
 * One journal row (its values in the journal's column order) with its customer and channel as the
 * join found them, each null when the dimension has no row for it.
 */
public record JoinedEntry(String[] journal, Dimension<Customer> customer, Dimension<Channel> channel)
    implements Serializable {}
