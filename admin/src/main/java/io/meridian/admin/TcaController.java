package io.meridian.admin;

import io.meridian.admin.problem.Problem;
import io.meridian.positions.store.StoreViews.FillView;
import io.meridian.router.ParentOrderRouter;
import io.meridian.router.ParentTca;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Transaction cost analysis of the smart order router's parent orders: per order (arrival price, executed
 * average, slippage, fees from the fill ledger, each venue's share, each child's latencies) and per day.
 * The router's records are read on the core thread; fees come from the shared store.
 */
@Controller("/tca")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", description = "not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "the role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "tca", description = "Transaction cost analysis of routed (parent) orders")
public class TcaController
{
    private static final long QUERY_TIMEOUT_MS = 5_000;

    private final MeridianServer server;

    public TcaController(final MeridianServer server)
    {
        this.server = server;
    }

    @Get("/{orderId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cost analysis of one parent order",
        description = "Arrival price (the consolidated best bid and ask over the legs when the order arrived), " +
            "executed average, slippage against the arrival mid in basis points (positive: a cost), fees per " +
            "asset from the fill ledger, each venue's share of the filled quantity, and each child order with its " +
            "venue acknowledgement and first-fill latency. Open orders and the last 10,000 ended ones since the " +
            "start are known.")
    @ApiResponse(responseCode = "200", description = "the analysis", content = @Content(schema = @Schema(implementation = OrderTca.class)))
    @ApiResponse(responseCode = "404", description = "not a parent order the router knows (or no router configured)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<?> order(@PathVariable final String orderId) throws Exception
    {
        final ParentOrderRouter router = server.parentRouter();
        if (router == null)
        {
            return HttpResponse.notFound(Map.of("error", "no routed instruments configured", "orderId", orderId));
        }
        final ParentTca tca = server.oms().onSequencer(() -> router.tca(orderId))
            .get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (tca == null)
        {
            return HttpResponse.notFound(Map.of("error", "unknown parent order", "orderId", orderId));
        }
        return HttpResponse.ok(view(tca, feesByOrder(List.of(tca))));
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Daily cost summary of the parent orders that ended on a UTC day",
        description = "Count, filled notional, notional-weighted slippage against the arrival mid in basis points, " +
            "fees per asset and each venue's share of the filled notional. date=YYYY-MM-DD, default today (UTC).")
    @ApiResponse(responseCode = "200", description = "the summary", content = @Content(schema = @Schema(implementation = DailyTca.class)))
    @ApiResponse(responseCode = "400", description = "date is not YYYY-MM-DD",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<?> daily(@QueryValue(defaultValue = "") final String date) throws Exception
    {
        final LocalDate day;
        try
        {
            day = date.isEmpty() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date);
        }
        catch (final DateTimeParseException ex)
        {
            return HttpResponse.badRequest(Map.of("error", "date must be YYYY-MM-DD", "date", date));
        }
        final long from = TimeUnit.SECONDS.toNanos(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        final long to = TimeUnit.SECONDS.toNanos(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        final ParentOrderRouter router = server.parentRouter();
        final List<ParentTca> ended = router == null ? List.of() :
            server.oms().onSequencer(() -> router.completedSince(from)).get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        final Map<String, Map<String, BigDecimal>> feesByOrder = feesByOrder(ended);
        int orders = 0;
        BigDecimal notional = BigDecimal.ZERO;
        double slippageWeighted = 0;
        BigDecimal slippageNotional = BigDecimal.ZERO;
        final Map<String, BigDecimal> fees = new TreeMap<>();
        final Map<String, BigDecimal> venueNotional = new TreeMap<>();
        for (final ParentTca tca : ended)
        {
            if (tca.doneNanos() >= to)
            {
                continue;
            }
            orders++;
            final OrderTca view = view(tca, feesByOrder);
            notional = notional.add(view.filledNotional());
            if (view.slippageBps() != null)
            {
                slippageWeighted += view.slippageBps() * view.filledNotional().doubleValue();
                slippageNotional = slippageNotional.add(view.filledNotional());
            }
            view.fees().forEach((asset, fee) -> fees.merge(asset, fee, BigDecimal::add));
            for (final VenueShare share : view.venues())
            {
                venueNotional.merge(share.venue(), share.notional(), BigDecimal::add);
            }
        }
        final List<VenueShare> shares = new ArrayList<>();
        for (final Map.Entry<String, BigDecimal> e : venueNotional.entrySet())
        {
            shares.add(new VenueShare(e.getKey(), null, e.getValue(), share(e.getValue(), notional)));
        }
        return HttpResponse.ok(new DailyTca(day.toString(), orders, notional,
            slippageNotional.signum() == 0 ? null : slippageWeighted / slippageNotional.doubleValue(), fees, shares));
    }

    /** The fees of the parents' children by child OrderID and asset: one pass over the ledger. */
    private Map<String, Map<String, BigDecimal>> feesByOrder(final List<ParentTca> parents)
    {
        final java.util.Set<String> children = new java.util.HashSet<>();
        for (final ParentTca tca : parents)
        {
            for (final ParentTca.ChildTca c : tca.children())
            {
                if (c.orderId() != null)
                {
                    children.add(c.orderId());
                }
            }
        }
        final Map<String, Map<String, BigDecimal>> fees = new java.util.HashMap<>();
        if (children.isEmpty())
        {
            return fees;
        }
        for (final FillView fill : server.store().fills(null, null, 0, false))
        {
            if (fill.fee().signum() != 0 && children.contains(fill.orderId()))
            {
                fees.computeIfAbsent(fill.orderId(), o -> new TreeMap<>()).merge(fill.feeAsset(), fill.fee(), BigDecimal::add);
            }
        }
        return fees;
    }

    private OrderTca view(final ParentTca tca, final Map<String, Map<String, BigDecimal>> feesByOrder)
    {
        final int ps = tca.priceScale();
        final int qs = tca.qtyScale();
        final Map<String, BigDecimal> fees = new TreeMap<>();
        final Map<String, BigDecimal[]> byVenue = new TreeMap<>();
        final List<ChildView> children = new ArrayList<>();
        for (final ParentTca.ChildTca c : tca.children())
        {
            final String venue = venueName(c.venueId());
            if (c.orderId() != null)
            {
                feesByOrder.getOrDefault(c.orderId(), Map.of()).forEach((asset, fee) -> fees.merge(asset, fee, BigDecimal::add));
            }
            final BigDecimal qty = BigDecimal.valueOf(c.cumQty(), qs);
            final BigDecimal childNotional = qty.multiply(BigDecimal.valueOf(c.avgPx(), ps));
            final BigDecimal[] sums = byVenue.computeIfAbsent(venue, v -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(qty);
            sums[1] = sums[1].add(childNotional);
            children.add(new ChildView(c.clOrdId(), c.orderId(), venue, BigDecimal.valueOf(c.qty(), qs),
                BigDecimal.valueOf(c.price(), ps), c.passive(), qty, BigDecimal.valueOf(c.avgPx(), ps), c.done(),
                micros(c.ackLatencyNanos()), micros(c.firstFillLatencyNanos())));
        }
        final BigDecimal cum = BigDecimal.valueOf(tca.cumQty(), qs);
        final BigDecimal filledNotional = cum.multiply(BigDecimal.valueOf(tca.avgPx(), ps));
        final List<VenueShare> venues = new ArrayList<>();
        byVenue.forEach((venue, sums) -> venues.add(new VenueShare(venue, sums[0], sums[1], share(sums[0], cum))));
        final double slippage = tca.slippageBps();
        final double mid = tca.arrivalMid();
        return new OrderTca(tca.orderId(), tca.symbol(), tca.side().name(), BigDecimal.valueOf(tca.orderQty(), qs),
            tca.limitPrice() == 0 ? null : BigDecimal.valueOf(tca.limitPrice(), ps),
            tca.arrivalBid() == 0 ? null : BigDecimal.valueOf(tca.arrivalBid(), ps),
            tca.arrivalAsk() == 0 ? null : BigDecimal.valueOf(tca.arrivalAsk(), ps),
            mid == 0 ? null : BigDecimal.valueOf(mid).movePointLeft(ps).setScale(ps + 1, RoundingMode.HALF_EVEN),
            cum, BigDecimal.valueOf(tca.avgPx(), ps), filledNotional, Double.isNaN(slippage) ? null : slippage, fees,
            venues, children, tca.arrivalNanos(), tca.doneNanos() == 0 ? null : tca.doneNanos());
    }

    private static BigDecimal share(final BigDecimal part, final BigDecimal whole)
    {
        return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, 6, RoundingMode.HALF_EVEN);
    }

    private static Long micros(final long nanos)
    {
        return nanos < 0 ? null : TimeUnit.NANOSECONDS.toMicros(nanos);
    }

    private String venueName(final int venueId)
    {
        final String name = AdminController.OrderView.configuredVenue(server, venueId);
        return name != null ? name : Integer.toString(venueId);
    }

    /**
     * One parent order's costs. Prices in the instrument's units; {@code slippageBps} null without a fill or an
     * arrival mid; {@code fees} per asset, from the ledger; times epoch nanos.
     */
    @Serdeable
    public record OrderTca(
        String orderId, String symbol, String side, BigDecimal orderQty, BigDecimal limitPrice, BigDecimal arrivalBid,
        BigDecimal arrivalAsk, BigDecimal arrivalMid, BigDecimal cumQty, BigDecimal avgPx, BigDecimal filledNotional,
        Double slippageBps, Map<String, BigDecimal> fees, List<VenueShare> venues, List<ChildView> children,
        long arrivalNanos, Long doneNanos)
    {
    }

    /** A venue's part: filled quantity (null in the daily summary), notional and share (0..1). */
    @Serdeable
    public record VenueShare(String venue, BigDecimal qty, BigDecimal notional, BigDecimal share)
    {
    }

    /** A child order: latencies in microseconds from its placement, null when not (yet) reached. */
    @Serdeable
    public record ChildView(
        String clOrdId, String orderId, String venue, BigDecimal qty, BigDecimal price, boolean passive,
        BigDecimal cumQty, BigDecimal avgPx, boolean done, Long ackLatencyMicros, Long firstFillLatencyMicros)
    {
    }

    /** The ended parent orders of one UTC day. */
    @Serdeable
    public record DailyTca(
        String date, int orders, BigDecimal filledNotional, Double slippageBps, Map<String, BigDecimal> fees,
        List<VenueShare> venues)
    {
    }
}
