package io.meridian.admin;

import io.meridian.fix.dialect.DialectDictionary;
import io.meridian.gateway.ClientSessionConfig;
import io.meridian.gateway.ClientSessionStatus;
import io.meridian.oms.OrderSnapshot;
import io.meridian.oms.api.ParentOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.Side;
import io.meridian.venues.crypto.CryptoVenueStatus;
import io.meridian.positions.store.StoreViews.BalanceView;
import io.meridian.positions.store.StoreViews.FillView;
import io.meridian.positions.store.StoreViews.PositionDetail;
import io.meridian.positions.store.StoreViews.PositionView;
import io.meridian.positions.store.StoreViews.ReportView;
import io.meridian.venues.fix.VenueStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.meridian.admin.problem.Problem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The admin REST API: health, Prometheus scrape, orders, positions, fills, balances. Order reads go
 * through the OMS's query path (served by the sequencer thread); positions, fills and balances are
 * read from the shared store on the HTTP worker thread, never on the core thread.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", description = "not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "the role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminController
{
    private static final long QUERY_TIMEOUT_MS = 5_000;

    private final MeridianServer server;
    private final PrometheusMeterRegistry registry;

    public AdminController(final MeridianServer server, final PrometheusMeterRegistry registry)
    {
        this.server = server;
        this.registry = registry;
    }

    /**
     * UP (200) when every venue session (FIX and crypto) is connected, DEGRADED (503) otherwise,
     * RECONCILING (503) while a start waits for the venues' first reconciliation, JOURNAL_FAILED (503)
     * once the journal could not be written (new orders rejected, cancels accepted).
     */
    @Get("/health")
    public HttpResponse<Health> health()
    {
        final List<VenueStatus> venues = server.venueBridge().status();
        final List<CryptoVenueStatus> crypto = server.cryptoStatus();
        final boolean venuesUp = venues.stream().allMatch(VenueStatus::connected) &&
            crypto.stream().allMatch(CryptoVenueStatus::connected);
        final boolean journalFailed = server.oms().metrics().isJournalFailed();
        final boolean reconciling = server.phase() == MeridianServer.Phase.RECONCILING;
        final Health health = new Health(
            journalFailed ? "JOURNAL_FAILED" : reconciling ? "RECONCILING" : venuesUp ? "UP" : "DEGRADED",
            server.phase().name(),
            new Acceptor(server.config().fixPort(), server.gatewayMetrics().logonsAccepted()),
            server.clientSessions().status(),
            venues,
            crypto,
            new Sequencer(
                server.oms().metrics().lastSequence(),
                server.oms().metrics().queueDepth(),
                server.oms().metrics().journalRecords(),
                server.recoveredRecords()),
            server.shadowVenues() != null);
        return HttpResponse.status(venuesUp && !journalFailed && !reconciling ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .body(health);
    }

    @Get("/prometheus")
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String prometheus()
    {
        return registry.scrape();
    }

    @Get("/orders/{orderId}")
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "404", description = "unknown order", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<?> order(@PathVariable final String orderId) throws Exception
    {
        final Optional<OrderSnapshot> order = server.oms().queries().order(orderId)
            .get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (order.isPresent())
        {
            return HttpResponse.ok(OrderView.of(order.get(), server));
        }
        // a done order a day roll took out of the sequencer's memory: the store keeps its last state
        return server.store().order(orderId).<HttpResponse<?>>map(r -> HttpResponse.ok(OrderView.archived(r, server)))
            .orElseGet(() -> HttpResponse.notFound(Map.of("error", "unknown order", "orderId", orderId)));
    }

    /**
     * Every ExecutionReport Meridian sent the client for the order, in the order sent, from the shared
     * store (also for an order a day roll archived). An order whose reports are not in the store yet (the
     * store lags the sequencer by a cycle) or no longer fit in it answers what is there.
     */
    @Get("/orders/{orderId}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the order's ExecutionReports, first sent first",
        content = @Content(array = @ArraySchema(schema = @Schema(implementation = OrderReport.class))))
    @ApiResponse(responseCode = "404", description = "unknown order", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<?> orderReports(@PathVariable final String orderId) throws Exception
    {
        final List<ReportView> reports = server.store().reports(orderId);
        if (reports.isEmpty() && server.store().order(orderId).isEmpty() &&
            server.oms().queries().order(orderId).get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty())
        {
            return HttpResponse.notFound(Map.of("error", "unknown order", "orderId", orderId));
        }
        final List<OrderReport> views = new ArrayList<>(reports.size());
        for (final ReportView report : reports)
        {
            views.add(OrderReport.of(report, server));
        }
        return HttpResponse.ok(views);
    }

    /**
     * {@code status=open} (default): live orders; {@code status=all}: every order of the day. Optional exact
     * filters: {@code client} (the client's CompID, ROUTER for the router's child orders), {@code venue} (its
     * configured name) and {@code symbol}.
     */
    @Get("/orders")
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the orders",
        content = @Content(array = @ArraySchema(schema = @Schema(implementation = OrderView.class))))
    @ApiResponse(responseCode = "400", description = "status is neither open nor all", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<?> orders(
        @QueryValue(defaultValue = "open") final String status, @QueryValue(defaultValue = "") final String client,
        @QueryValue(defaultValue = "") final String venue, @QueryValue(defaultValue = "") final String symbol)
        throws Exception
    {
        final List<OrderSnapshot> snapshots;
        if ("open".equalsIgnoreCase(status))
        {
            snapshots = server.oms().queries().openOrders().get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        else if ("all".equalsIgnoreCase(status))
        {
            snapshots = server.oms().queries().orders().get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        else
        {
            return HttpResponse.badRequest(Map.of("error", "status must be 'open' or 'all'", "status", status));
        }
        final List<OrderView> views = new ArrayList<>(snapshots.size());
        for (final OrderSnapshot snapshot : snapshots)
        {
            final OrderView view = OrderView.of(snapshot, server);
            if (matches(client, view.clientCompId()) && matches(venue, view.venue()) && matches(symbol, view.symbol()))
            {
                views.add(view);
            }
        }
        return HttpResponse.ok(views);
    }

    /** An empty filter matches everything; otherwise the value exactly. */
    private static boolean matches(final String filter, final String value)
    {
        return filter.isEmpty() || filter.equals(value);
    }

    /**
     * Every position from the shared store: per (account, instrument) over all venues ({@code venueId}
     * null) and per venue, by average cost with realised P&amp;L. Read on this HTTP worker thread, never
     * on the core thread.
     */
    @Get("/positions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PositionView> positions()
    {
        return server.store().positions();
    }

    /** One account's position in one instrument, its venue parts and the venue fills that built it. */
    @Get("/positions/{account}/{instrument}")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> position(@PathVariable final String account, @PathVariable final String instrument)
    {
        final Optional<PositionDetail> detail = server.store().position(account, instrument);
        return detail.<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> HttpResponse.notFound(
            Map.of("error", "no position", "account", account, "instrument", instrument)));
    }

    /**
     * Ledger fills, in sequence order. {@code orderId}: one order's; {@code venue}: a venue name or id;
     * {@code since}: received at or after, an ISO-8601 instant or epoch nanoseconds; {@code unknown=true}:
     * only fills for orders Meridian does not know.
     */
    @Get("/fills")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> fills(
        @QueryValue(defaultValue = "") final String orderId, @QueryValue(defaultValue = "") final String venue,
        @QueryValue(defaultValue = "") final String since, @QueryValue(defaultValue = "false") final boolean unknown)
    {
        Integer venueId = null;
        if (!venue.isEmpty())
        {
            venueId = venueId(venue);
            if (venueId == null)
            {
                return HttpResponse.badRequest(Map.of("error", "unknown venue", "venue", venue));
            }
        }
        long sinceNanos = 0;
        if (!since.isEmpty())
        {
            try
            {
                sinceNanos = since.chars().allMatch(Character::isDigit) ? Long.parseLong(since) :
                    epochNanos(Instant.parse(since));
            }
            catch (final NumberFormatException | DateTimeParseException | ArithmeticException ex)
            {
                return HttpResponse.badRequest(Map.of(
                    "error", "since must be an ISO-8601 instant or epoch nanoseconds", "since", since));
            }
        }
        final List<FillView> fills = server.store().fills(orderId.isEmpty() ? null : orderId, venueId, sinceNanos, unknown);
        return HttpResponse.ok(fills);
    }

    /**
     * The state hash (OMS and store) at the current sequence number, for crash and replay checks:
     * taken on the core thread between two inputs.
     */
    @Get("/state-hash")
    @Produces(MediaType.APPLICATION_JSON)
    public MeridianServer.StateHash stateHash() throws Exception
    {
        return server.stateHash().get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** Balances per (venue, asset): implied by our fills and, once reconciled, as the venue reported them. */
    @Get("/balances")
    @Produces(MediaType.APPLICATION_JSON)
    public List<BalanceView> balances()
    {
        return server.store().balances();
    }

    private Integer venueId(final String venue)
    {
        for (final VenueStatus status : server.venueBridge().status())
        {
            if (status.name().equalsIgnoreCase(venue) || String.valueOf(status.venueId()).equals(venue))
            {
                return status.venueId();
            }
        }
        return null;
    }

    private static long epochNanos(final Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** Every configured FIX session with the dictionary it validates against. */
    @Get("/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    public Sessions sessions()
    {
        return new Sessions(server.clientSessions().status(), server.venueBridge().status(), server.cryptoStatus());
    }

    /**
     * The dictionary a client session validates against, as QuickFIX XML: the base dictionary of the client's
     * FIX version with its dialect overlay merged in. Brokers hand this to the client for its own engine.
     */
    @Get("/sessions/{compId}/dictionary")
    @Produces(MediaType.APPLICATION_XML)
    @ApiResponse(responseCode = "200", description = "QuickFIX XML dictionary")
    @ApiResponse(responseCode = "404", description = "unknown session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<String> dictionary(@PathVariable final String compId) throws Exception
    {
        for (final ClientSessionConfig client : server.config().clients())
        {
            if (client.clientCompId().equals(compId))
            {
                if (client.dialect() != null)
                {
                    return HttpResponse.ok(client.dialect().toQuickFixXml());
                }
                try (InputStream base = DialectDictionary.open(client.baseDictionaryLocation()))
                {
                    return HttpResponse.ok(new String(base.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return HttpResponse.notFound("unknown session " + compId);
    }

    /** The sessions document. */
    @Serdeable
    public record Sessions(List<ClientSessionStatus> clients, List<VenueStatus> venues, List<CryptoVenueStatus> cryptoVenues)
    {
    }

    /** Health document. */
    @Serdeable
    public record Health(
        String status,
        @io.swagger.v3.oas.annotations.media.Schema(description = "RECONCILING while a start waits for each venue's " +
            "first reconciliation (new orders to it refused), then OPEN")
        String phase, Acceptor fixAcceptor, List<ClientSessionStatus> clients, List<VenueStatus> venues,
        List<CryptoVenueStatus> cryptoVenues, Sequencer sequencer,
        @io.swagger.v3.oas.annotations.media.Schema(description = "shadow mode: nothing is sent to any venue")
        boolean shadow)
    {
    }

    /** The client acceptor. */
    @Serdeable
    public record Acceptor(int port, long logonsAccepted)
    {
    }

    /** Sequencer progress. */
    @Serdeable
    public record Sequencer(long lastSequence, long queueDepthBytes, long journalRecords, int recoveredRecords)
    {
    }

    /**
     * One ExecutionReport sent the client, with decimals rendered exactly: {@code execType} and
     * {@code ordStatus} by name ({@code execTypeCode}, {@code ordStatusCode}: the FIX values), {@code lastQty}
     * and {@code lastPx} only for a fill, {@code lastMkt} the venue of a fill, {@code transactTime} the
     * report's TransactTime (60), {@code sequence} the journal sequence of the input that produced it.
     */
    @Serdeable
    public record OrderReport(
        int index, String execId, String execType, String execTypeCode, String ordStatus, String ordStatusCode,
        String clOrdId, String origClOrdId, String side, BigDecimal orderQty, BigDecimal price, BigDecimal lastQty,
        BigDecimal lastPx, BigDecimal cumQty, BigDecimal leavesQty, BigDecimal avgPx, String lastMkt,
        String rejectReason, String text, String transactTime, long transactTimeNanos, long sequence)
    {
        static OrderReport of(final ReportView r, final MeridianServer server)
        {
            final ExecType execType = r.execType().isEmpty() ? null : ExecType.fromFix(r.execType().charAt(0));
            final OrdStatus ordStatus = r.ordStatus().isEmpty() ? null : OrdStatus.fromFix(r.ordStatus().charAt(0));
            final Side side = r.side().isEmpty() ? null : Side.fromFix(r.side().charAt(0));
            final boolean fill = execType == ExecType.TRADE;
            final String lastMkt = !r.lastMkt().isEmpty() ? r.lastMkt() :
                fill ? OrderView.configuredVenue(server, r.venueId()) : null;
            return new OrderReport(
                r.index(), r.execId(), execType == null ? r.execType() : execType.name(), r.execType(),
                ordStatus == null ? r.ordStatus() : ordStatus.name(), r.ordStatus(), r.clOrdId(), r.origClOrdId(),
                side == null ? null : side.name(), r.orderQty(), r.price(), fill ? r.lastQty() : null,
                fill ? r.lastPx() : null, r.cumQty(), r.leavesQty(), r.avgPx(), lastMkt,
                r.rejectReason().isEmpty() ? null : r.rejectReason(), r.text().isEmpty() ? null : r.text(),
                Instant.ofEpochSecond(0, r.transactTimeNanos()).toString(), r.transactTimeNanos(), r.sequence());
        }
    }

    /** An order as JSON, with decimals rendered exactly. */
    @Serdeable
    public record OrderView(
        String orderId, String clientCompId, String clOrdId, String origClOrdId, String account, String symbol,
        String side, String ordType, String timeInForce, BigDecimal orderQty, BigDecimal price, BigDecimal cumQty,
        BigDecimal leavesQty, BigDecimal avgPx, String ordStatus, boolean open, String venue, String venueOrderId,
        String venueClOrdId, String rejectReason, String text)
    {
        /** The client shown for the smart order router's own child orders. */
        static final String ROUTER = "ROUTER";

        /** The configured name of a venue id (FIX, crypto, or the router's), null when none. */
        static String configuredVenue(final MeridianServer server, final int venueId)
        {
            return server.config().venueIds().entrySet().stream()
                .filter(e -> e.getValue() == venueId).map(Map.Entry::getKey).findFirst().orElse(null);
        }

        static OrderView of(final OrderSnapshot o, final MeridianServer server)
        {
            final List<ClientSessionStatus> clients = server.clientSessions().status();
            final String client = o.clientId() == ParentOrders.ROUTER_CLIENT_ID ? ROUTER :
                o.clientId() >= 0 && o.clientId() < clients.size() ?
                clients.get(o.clientId()).clientCompId() : String.valueOf(o.clientId());
            String venue = configuredVenue(server, o.venueId());
            for (final VenueStatus status : server.venueBridge().status())
            {
                if (status.venueId() == o.venueId())
                {
                    venue = status.name();
                }
            }
            for (final CryptoVenueStatus status : server.cryptoStatus())
            {
                if (status.venueId() == o.venueId())
                {
                    venue = status.name();
                }
            }
            final OrdStatus status = o.ordStatus();
            return new OrderView(
                o.orderId(), client, o.clOrdId(), o.origClOrdId(), o.account(), o.symbol(),
                name(o.side()), name(o.ordType()), name(o.timeInForce()),
                BigDecimal.valueOf(o.orderQty(), o.qtyScale()),
                o.price() == 0 ? null : BigDecimal.valueOf(o.price(), o.priceScale()),
                BigDecimal.valueOf(o.cumQty(), o.qtyScale()),
                BigDecimal.valueOf(o.leavesQty(), o.qtyScale()),
                BigDecimal.valueOf(o.avgPx(), o.priceScale()),
                name(status), status != null && !status.isTerminal(), venue,
                o.venueOrderId(), o.venueClOrdId(), name(o.rejectReason()), o.text());
        }

        /** From the store: a done order archived by a day roll (its venue ClOrdID is the venue's last report's). */
        static OrderView archived(final io.meridian.positions.store.OrderRecord r, final MeridianServer server)
        {
            final List<ClientSessionStatus> clients = server.clientSessions().status();
            final String client = r.clientId == ParentOrders.ROUTER_CLIENT_ID ? ROUTER :
                r.clientId >= 0 && r.clientId < clients.size() ?
                clients.get(r.clientId).clientCompId() : String.valueOf(r.clientId);
            final String venue = configuredVenue(server, r.venueId);
            final OrdStatus status = OrdStatus.fromFix(r.ordStatus);
            final String orderId = r.orderId.toString();
            return new OrderView(
                orderId, client, r.clOrdId.toString(), r.clOrdId.toString(), r.account.toString(), r.symbol.toString(),
                name(io.meridian.oms.model.Side.fromFix(r.side)), name(io.meridian.oms.model.OrdType.fromFix(r.ordType)),
                name(io.meridian.oms.model.TimeInForce.fromFix(r.timeInForce)),
                BigDecimal.valueOf(r.orderQty, r.qtyScale), r.price == 0 ? null : BigDecimal.valueOf(r.price, r.priceScale),
                BigDecimal.valueOf(r.cumQty, r.qtyScale), BigDecimal.valueOf(r.leavesQty, r.qtyScale),
                BigDecimal.valueOf(r.avgPx, r.priceScale), name(status), status != null && !status.isTerminal(), venue,
                r.venueOrderId.toString(),
                server.store().venueOrder(orderId).map(v -> v.venueClOrdId()).orElse(""),
                r.rejectReason.toString(), "");
        }

        private static String name(final Enum<?> value)
        {
            return value == null ? null : value.name();
        }
    }
}
