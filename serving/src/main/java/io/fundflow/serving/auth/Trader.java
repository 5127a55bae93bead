package io.fundflow.serving.auth;

import java.util.Objects;
import java.util.Set;

/**
 * A signed-in trader: who, and which branches' customers they may see.
 *
 * @param username the trader's login name, as audited
 * @param branches the granted BRANCH_NOs
 * @param allBranches true for a head-office role that sees every branch
 */
public record Trader(String username, Set<Integer> branches, boolean allBranches) {

  public Trader {
    Objects.requireNonNull(username, "username");
    branches = Set.copyOf(branches);
  }

  /** True when the trader may see customers of {@code branchNo}. */
  public boolean maySee(int branchNo) {
    return allBranches || branches.contains(branchNo);
  }
}
