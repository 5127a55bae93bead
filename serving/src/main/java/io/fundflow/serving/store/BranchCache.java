package io.fundflow.serving.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Optional;

/**
 * Customers' branches (client id → BRANCH_NO) as the authorisation check last resolved them, so
 * that a trader paging through a customer does not cost a database (or HBase) read per request.
 * Bounded by entries, each expiring a fixed time after it was resolved: a customer moved to another
 * branch is refused or allowed by the new branch at the latest after that time. Only resolved
 * branches are kept; "no branch known" is never cached, so a customer's first rows are seen at once.
 * Hits and misses are exported as {@code cache_gets_total{cache="customer-branch"}}.
 */
public final class BranchCache {

  private final Cache<String, Integer> branches;
  private final boolean enabled;

  /**
   * @param maxEntries customers kept at most
   * @param ttl how long a resolved branch is trusted; zero disables the cache
   */
  public BranchCache(int maxEntries, Duration ttl, Ticker ticker, MeterRegistry metrics) {
    this.enabled = !ttl.isZero();
    this.branches =
        Caffeine.newBuilder()
            .maximumSize(enabled ? maxEntries : 0)
            .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
            .ticker(ticker)
            .recordStats()
            .build();
    if (metrics != null) {
      CaffeineCacheMetrics.monitor(metrics, branches, "customer-branch");
    }
  }

  /** The cached branch of {@code clientId}, if resolved within the time to live. */
  public Optional<Integer> get(String clientId) {
    return Optional.ofNullable(branches.getIfPresent(clientId));
  }

  /** Remembers the branch just resolved for {@code clientId}. */
  public void put(String clientId, int branchNo) {
    if (enabled) {
      branches.put(clientId, branchNo);
    }
  }

  /** Forces pending evictions (size and expiry), for tests that check the bound. */
  void cleanUp() {
    branches.cleanUp();
  }

  /** Entries held now (after {@link #cleanUp}, exact). */
  long size() {
    return branches.estimatedSize();
  }
}
