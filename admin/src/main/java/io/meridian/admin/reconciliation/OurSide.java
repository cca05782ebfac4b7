package io.meridian.admin.reconciliation;

import io.meridian.positions.store.StoreViews.FillView;
import io.meridian.venues.view.VenueView;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What Meridian recorded for one venue, read after the venue answered (so anything the venue shows
 * had its chance to reach us).
 *
 * @param orders         every order routed to the venue (open and done) the store holds.
 * @param tradeRecorded  whether the fill ledger holds this venue trade.
 * @param unknownFills   ledger fills from the venue for orders Meridian does not know.
 * @param holdings       balances per asset implied by our fills (crypto), or net positions per symbol
 *                       (FIX), as {@link DriftDetector#holdingKind} says.
 */
public record OurSide(
    List<OurOrder> orders, Predicate<VenueView.Trade> tradeRecorded, List<FillView> unknownFills,
    Map<String, BigDecimal> holdings)
{
}
