package io.fundflow.common.model;

/** Kind of an advisory order: first investment, additional investment, or redemption. */
public enum OrderType {
  PURCHASE,
  ADD,
  REDEEM
}
