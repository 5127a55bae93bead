package io.fundflow.realtime.advisory;

/**
 * A change routed to the portfolio whose book it updates.
 *
 * @param portfolioCode the portfolio (the key of the book operator)
 * @param change the change to apply to that portfolio's book
 * @param retraction true when this only removes the row from a portfolio it has left (its
 *     PORTFOLIO_CODE changed); false for the change itself, which is also the DWD event
 */
public record PortfolioChange(String portfolioCode, AdvisoryChange change, boolean retraction) {}
