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
public record RouterSettings(
    String venueName, Map<String, List<String>> routes, Map<String, Fees> fees, Health health)
{
    public static final String DEFAULT_VENUE_NAME = "SOR";

    public RouterSettings
    {
        venueName = venueName == null ? DEFAULT_VENUE_NAME : venueName;
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        fees = fees == null ? Map.of() : Map.copyOf(fees);
        health = health == null ? Health.defaults() : health;
    }

    /** Routes and fees with the default health thresholds. */
    public RouterSettings(final String venueName, final Map<String, List<String>> routes, final Map<String, Fees> fees)
    {
        this(venueName, routes, fees, Health.defaults());
    }

    /** The same routes and fees with other health thresholds. */
    public RouterSettings withHealth(final Health health)
    {
        return new RouterSettings(venueName, routes, fees, health);
    }

    public static RouterSettings none()
    {
        return new RouterSettings(DEFAULT_VENUE_NAME, Map.of(), Map.of());
    }

    public boolean enabled()
    {
        return !routes.isEmpty();
    }

    /**
     * When a venue is left out of routing decisions ({@code meridian.router.health}): its median ack
     * latency (its last 15 acks, once 5 are in) above {@code maxAckLatencyMs}, unless every usable venue is
     * that slow; its recent reject and timeout rate above {@code maxRejectRatePercent}; less of its request
     * rate limit left than {@code minRateLimitHeadroomPercent}.
     */
    public record Health(long maxAckLatencyMs, BigDecimal maxRejectRatePercent, BigDecimal minRateLimitHeadroomPercent)
    {
        public Health
        {
            if (maxAckLatencyMs <= 0 || maxRejectRatePercent.signum() < 0 || minRateLimitHeadroomPercent.signum() < 0 ||
                minRateLimitHeadroomPercent.compareTo(BigDecimal.valueOf(100)) > 0)
            {
                throw new IllegalArgumentException("meridian.router.health: max-ack-latency-ms must be positive, " +
                    "max-reject-rate-percent at least 0, min-rate-limit-headroom-percent from 0 to 100");
            }
        }

        /** 50 ms, 5%, 10%: {@link io.meridian.router.RouterConfig#defaults()}. */
        public static Health defaults()
        {
            final io.meridian.router.RouterConfig defaults = io.meridian.router.RouterConfig.defaults();
            return new Health(defaults.maxAckLatencyP50Nanos() / 1_000_000, percent(defaults.maxRejectRatePpm()),
                percent(defaults.minRateLimitHeadroomPpm()));
        }

        /** The router's thresholds. */
        public io.meridian.router.RouterConfig routerConfig()
        {
            return new io.meridian.router.RouterConfig(io.meridian.router.RouterConfig.defaults().maxVenues(),
                ppm(minRateLimitHeadroomPercent), ppm(maxRejectRatePercent),
                java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(maxAckLatencyMs));
        }

        private static BigDecimal percent(final long ppm)
        {
            return BigDecimal.valueOf(ppm, 4).stripTrailingZeros();
        }

        private static long ppm(final BigDecimal percent)
        {
            return percent.movePointRight(4).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
    }

    /** A venue's fees, in basis points of the traded notional (negative: a rebate). */
    public record Fees(BigDecimal takerBps, BigDecimal makerBps)
    {
    }
}
