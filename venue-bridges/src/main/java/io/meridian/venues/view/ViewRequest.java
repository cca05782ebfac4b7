package io.meridian.venues.view;

import java.util.Map;

/**
 * One reconciliation question to a venue.
 *
 * @param sinceTradeIds  per instrument symbol, the last venue trade id already reconciled: the venue
 *                       answers trades after it; a symbol absent asks for the venue's recent trades
 *                       (its default window).
 * @param balances       whether to ask for balances (crypto) or positions (FIX RequestForPositions).
 * @param timeoutMs      the whole answer must arrive within this bound.
 */
public record ViewRequest(Map<String, String> sinceTradeIds, boolean balances, long timeoutMs)
{
    public ViewRequest
    {
        sinceTradeIds = Map.copyOf(sinceTradeIds);
    }
}
