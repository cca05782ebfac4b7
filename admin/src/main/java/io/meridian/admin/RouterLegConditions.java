package io.meridian.admin;

import io.meridian.oms.api.InstrumentRules;
import io.meridian.oms.api.TradingRules;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.Instrument;
import io.meridian.risk.TradingHalts;
import io.meridian.router.LegConditions;
import io.meridian.router.RouterConfig;
import io.meridian.venues.crypto.CryptoVenueBridge;
import io.meridian.router.VenueDepth;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Each leg's trading rules (the venue's, else configured), fees (configured per venue), rate-limit headroom
 * (a crypto venue's weight window, none while it told us to back off), and its venue's health as the server knows it: the session or
 * bridge connected, no operator, drift or reconciliation halt of the venue or the instrument.
 */
final class RouterLegConditions implements LegConditions
{
    private final VenueOrders venues;
    private final TradingHalts halts;
    private final TradingRules rules;
    private final InstrumentRules legRules = new InstrumentRules();
    private final CryptoVenueBridge[] crypto;
    private final long[] takerFee;
    private final long[] makerFee;

    RouterLegConditions(
        final VenueOrders venues, final TradingHalts halts, final TradingRules rules, final Map<String, Integer> venueIds,
        final Map<String, RouterSettings.Fees> fees, final List<CryptoVenueBridge> cryptoBridges)
    {
        this.venues = venues;
        this.halts = halts;
        this.rules = rules;
        final int count = venueIds.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        crypto = new CryptoVenueBridge[count];
        cryptoBridges.forEach(bridge -> crypto[bridge.venueId()] = bridge);
        takerFee = new long[count];
        makerFee = new long[count];
        fees.forEach((venue, fee) ->
        {
            final Integer id = venueIds.get(venue);
            if (id == null)
            {
                throw new IllegalArgumentException("meridian.router.fees: unknown venue " + venue);
            }
            takerFee[id] = perBillion(fee.takerBps());
            makerFee[id] = perBillion(fee.makerBps());
        });
    }

    private static long perBillion(final BigDecimal bps)
    {
        return bps.multiply(BigDecimal.valueOf(VenueDepth.FEE_PER_BP)).longValueExact();
    }

    public void apply(final Instrument leg, final VenueDepth depth, final long nowNanos)
    {
        final int venueId = leg.venueId();
        if (rules.read(leg.id(), legRules))
        {
            depth.rules(legRules.tickSize(), legRules.lotSize(), legRules.minQty(), legRules.minNotional(),
                leg.qtyScale());
        }
        else
        {
            depth.rules(0, 0, 0, 0, leg.qtyScale());
        }
        if (venueId < takerFee.length)
        {
            depth.fees(takerFee[venueId], makerFee[venueId]);
        }
        depth.health()
            .rateLimitHeadroomPpm(venueId < crypto.length && crypto[venueId] != null ?
                crypto[venueId].rateLimitHeadroomPpm(nowNanos / 1_000_000L) : RouterConfig.PPM_ONE)
            .connected(venues.isConnected(venueId))
            .halted(halts.venueHalted(venueId) || halts.driftHalted(venueId) || halts.notReconciled(venueId) ||
                halts.overdueHalted(venueId) || halts.halted(TradingHalts.Level.INSTRUMENT, leg.id()));
    }
}
