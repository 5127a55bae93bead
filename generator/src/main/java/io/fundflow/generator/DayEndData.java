package io.fundflow.generator;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import java.util.List;

/**
 * The authoritative rows at the end of the trading day, as the nightly correction reads them
 * ({@code docs/batch.md} "Sources"): the day's journal, and the final customers, channels, advisory
 * contracts (applied up to the day) and orders (traded up to the day).
 */
public record DayEndData(
    int initDate,
    List<FundJournalEntry> journal,
    List<Customer> customers,
    List<Channel> channels,
    List<AdvisoryContract> contracts,
    List<AdvisoryOrder> orders) {

  public DayEndData {
    journal = List.copyOf(journal);
    customers = List.copyOf(customers);
    channels = List.copyOf(channels);
    contracts = List.copyOf(contracts);
    orders = List.copyOf(orders);
  }

  /** The day's journal rows of one customer, in serial order. */
  public List<FundJournalEntry> journalOf(String clientId) {
    return journal.stream().filter(e -> e.clientId().equals(clientId)).toList();
  }

  /** Rows in all five tables. */
  public int rowCount() {
    return journal.size() + customers.size() + channels.size() + contracts.size() + orders.size();
  }
}
