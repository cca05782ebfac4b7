package io.meridian.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The smart order router as configured ({@code meridian.router}): the routed instruments with their
 * legs (single-venue instruments of the same scales), each venue's taker and maker fee in basis points,
 * and the name of the router's own venue, which routed instruments name as their venue.
 *
 * @param venueName the router's venue name (SOR): an instrument with this venue is routed.
 * @param routes    routed instrument symbol to its legs' symbols.
 * @param fees      venue name to its fees; a venue without an entry is taken as free.
 */
public record RouterSettings(String venueName, Map<String, List<String>> routes, Map<String, Fees> fees)
{
    public static final String DEFAULT_VENUE_NAME = "SOR";

    public RouterSettings
    {
        venueName = venueName == null ? DEFAULT_VENUE_NAME : venueName;
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        fees = fees == null ? Map.of() : Map.copyOf(fees);
    }

    public static RouterSettings none()
    {
        return new RouterSettings(DEFAULT_VENUE_NAME, Map.of(), Map.of());
    }

    public boolean enabled()
    {
        return !routes.isEmpty();
    }

    /** A venue's fees, in basis points of the traded notional (negative: a rebate). */
    public record Fees(BigDecimal takerBps, BigDecimal makerBps)
    {
    }
}
