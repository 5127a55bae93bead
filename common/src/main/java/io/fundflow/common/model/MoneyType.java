package io.fundflow.common.model;

/** Currency of a cash account (SPEC §1 MONEY_TYPE). Sums never mix them. */
public enum MoneyType {
  CNY,
  USD,
  HKD
}
