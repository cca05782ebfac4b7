package io.meridian.venues.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.oms.VenueWriteProbe;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBookTable;
import io.meridian.oms.api.TradingRules;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.venues.view.VenueView;
import io.meridian.venues.view.VenueViewSource;
import io.meridian.venues.view.ViewRequest;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * What every crypto venue bridge shares. The core thread only calls {@link #isConnected()} and
 * {@link #offer}, which copies the child order into an Agrona ring and never blocks; everything else
 * runs on the bridge's own thread ({@link #doWork()}): requests from the ring, WebSocket and REST
 * answers (posted by the JDK's threads to an inbox), timers. Venue events go to the sequencer through
 * {@link VenueEvents}, retried until accepted (a venue event is never dropped).
 * <p>
 * The order rules live here: one acknowledgement per order, fills deduplicated by venue trade id
 * whatever path brought them, a terminal event held back until the fills it counts are in (so the
 * client never sees a fill after Canceled and CumQty never goes backwards), unknown outcomes settled
 * by status queries and never resent, fills for unknown orders logged, counted and kept.
 * <p>
 * The OMS's status queries ({@link VenueRequestRing#STATUS}) are answered as a FIX venue answers an
 * OrderStatusRequest, with an ORDER_STATUS execution, but only once the fills the venue counts have gone
 * through {@link #fill}: the OMS then already holds the venue's CumQty and books nothing from the status.
 * An order an earlier process sent (a restart) is taken over from the query.
 * <p>
 * Reconciliation asks for the venue's own view ({@link #requestView}) from its own thread: the venue is
 * asked over REST off the bridge thread; the answer is mapped to Meridian's names on the bridge thread,
 * where a trade of a known order that the stream never delivered goes through {@link #fill} like any
 * other.
 */
public abstract class CryptoVenueBridge implements Agent, VenueViewSource
{
    protected static final Logger LOG = LoggerFactory.getLogger(CryptoVenueBridge.class);
    private static final int MAX_KEPT_UNKNOWN_FILLS = 10_000;
    private static final long PARKED_CATCH_UP_MS = 1_000;
    private static final long PARKED_GIVE_UP_MS = 15_000;
    private static final long HOUSEKEEPING_INTERVAL_MS = 20;
    /** status queries the OMS asked for, sent per housekeeping pass (after a restart it asks about every open order) */
    private static final int STATUS_QUERIES_PER_PASS = 8;

    protected final CryptoVenueConfig config;
    protected final CryptoVenueMetrics metrics = new CryptoVenueMetrics();
    protected final EpochClock clock;
    protected final EpochNanoClock nanoClock;
    protected final HttpClient http;
    protected final ObjectMapper json = new ObjectMapper();

    private final VenueRequestRing requests = new VenueRequestRing(1 << 20);
    private final ManyToOneConcurrentArrayQueue<Runnable> inbox = new ManyToOneConcurrentArrayQueue<>(1 << 16);
    private final VenueRequestRing.Handler requestHandler = this::onRequest;
    private final VenueExecution execution = new VenueExecution();
    private final VenueCancelReject cancelReject = new VenueCancelReject();
    private final String lastMktField;

    /** every ClOrdID (ours and the venue's) of every leg, to its order */
    protected final Map<String, TrackedOrder> byClOrdId = new HashMap<>();
    protected final Map<String, TrackedOrder> byVenueOrderId = new HashMap<>();
    protected final Map<String, SymbolFilter> filters = new HashMap<>();
    private final Set<String> tradeIds = new HashSet<>();
    private final List<TrackedOrder> open = new ArrayList<>();
    /** orders whose status the OMS asked and has not been answered yet */
    private final List<TrackedOrder> statusOwed = new ArrayList<>();
    private long statusWindowStartMs;
    private int statusQueriesInWindow;
    private final ArrayDeque<String> unknownFills = new ArrayDeque<>();
    /** trade ids of the kept unknown-order fills: apart from {@code tradeIds}, so a take-over still books them */
    private final ArrayDeque<String> unknownTradeIdsInOrder = new ArrayDeque<>();
    private final Set<String> unknownTradeIds = new HashSet<>();

    private VenueEvents events;
    /** internal tick-to-trade up to the new order's request written to the socket (benchmarks); null when off */
    private VenueWriteProbe writeProbe;
    /** the client receive time of the new order being sent, for {@link #sendNewOrderRequest} */
    private long newOrderStamp = VenueWriteProbe.NONE;
    private volatile boolean connected;
    private boolean stateToPublish = true;
    private long nextHousekeepingMs;
    /** no new orders before this time (429 Retry-After, or the budget is spent); read by view requests too */
    protected volatile long blockedUntilMs;
    protected volatile String blockedReason = "";
    protected volatile String orderChannel = "down";
    protected volatile String userStream = "down";
    protected volatile String bookSync = "off";
    private MarketDataFeed marketData;
    private volatile int openCount;
    private volatile int unknownCount;
    private volatile BalanceListener balanceListener;
    /** the venue's symbol -> our instrument symbol */
    private final Map<String, String> instrumentSymbols = new HashMap<>();
    private TradingRules tradingRules;
    private List<BookInstrument> ruleInstruments = List.of();
    /** per rule instrument: tick, lot, min qty, min notional last published (logged when they change) */
    private long[] publishedRules = new long[0];

    protected CryptoVenueBridge(final CryptoVenueConfig config, final EpochClock clock, final EpochNanoClock nanoClock)
    {
        this.config = config;
        this.clock = clock;
        this.nanoClock = nanoClock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.requestTimeoutMs())).build();
        this.lastMktField = "30=" + config.name() + '\u0001';
        config.symbols().forEach((instrument, venueSymbol) -> instrumentSymbols.putIfAbsent(venueSymbol, instrument));
    }

    // ------------------------------------------------------------------ any thread

    /** Where venue events go (the OMS); set before the bridge runs. */
    public void venueEvents(final VenueEvents events)
    {
        this.events = events;
    }

    /**
     * Records each new order's internal tick-to-trade up to its request bytes written to the order entry
     * socket into {@code probe} (the core thread stamps the orders it hands over). Off by default; call
     * before the bridge runs.
     */
    public void writeProbe(final VenueWriteProbe probe)
    {
        this.writeProbe = probe;
    }

    /**
     * Keeps a local book of each instrument from the venue's public depth stream and publishes its top
     * to {@code tops} and its top levels to {@code depth}, unless the venue's market data is switched off
     * or it has no stream URL. Call before the bridge runs.
     */
    public void marketData(final TopOfBookTable tops, final DepthTable depth, final List<BookInstrument> instruments)
    {
        if (!config.marketData() || config.streamWsUrl() == null || instruments.isEmpty())
        {
            bookSync = "off";
            return;
        }
        marketData = newMarketData(tops, depth, instruments, text -> bookSync = text);
        LOG.info("event=crypto_market_data venue={} instruments={}", config.name(), instruments.size());
    }

    /**
     * Publishes the venue's trading rules of each instrument (tick, lot, minimum quantity and notional,
     * converted to the instrument's scales) to {@code rules} each time the venue's instrument list is
     * loaded, market data or not. Call before the bridge runs.
     */
    public void tradingRules(final TradingRules rules, final List<BookInstrument> instruments)
    {
        this.tradingRules = rules;
        this.ruleInstruments = List.copyOf(instruments);
        this.publishedRules = new long[4 * instruments.size()];
        java.util.Arrays.fill(publishedRules, -1);
    }

    /** How many of the instruments' books are in sync now (any thread). */
    public int booksSynced()
    {
        final String text = bookSync;
        int count = 0;
        for (int at = text.indexOf("=synced"); at >= 0; at = text.indexOf("=synced", at + 1))
        {
            count++;
        }
        return count;
    }

    /** True when this bridge keeps books (market data on and instruments to keep). */
    public boolean hasMarketData()
    {
        return marketData != null;
    }

    public int venueId()
    {
        return config.venueId();
    }

    public String name()
    {
        return config.name();
    }

    public CryptoVenueConfig config()
    {
        return config;
    }

    public CryptoVenueMetrics metrics()
    {
        return metrics;
    }

    /** Core thread: orders can reach the venue (its WebSocket order channel or the REST fallback is up). */
    public boolean isConnected()
    {
        return connected;
    }

    /** Core thread: hands a request to the bridge thread; never blocks, false when the ring is full. */
    public boolean offer(final int kind, final VenueOrder order)
    {
        if (!connected)
        {
            return false;
        }
        if (!requests.offer(kind, order))
        {
            metrics.requestRingFull.incrementAndGet();
            return false;
        }
        return true;
    }

    public CryptoVenueStatus status()
    {
        return new CryptoVenueStatus(config.venueId(), config.name(), config.kind().configName(), config.restUrl(),
            config.orderWsUrl(), connected, orderChannel, userStream, bookSync, config.credentials().maskedApiKey(),
            openCount, unknownCount, metrics.reconnects(), config.simulated());
    }

    /** Fills the venue reported for orders this bridge did not know (newest last), for reconciliation. */
    public List<String> unknownOrderFills()
    {
        final List<String> copy = new ArrayList<>();
        final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        post(() ->
        {
            copy.addAll(unknownFills);
            done.complete(null);
        });
        try
        {
            done.get(2, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (final Exception e)
        {
            return List.of();
        }
        return copy;
    }

    /** Runs {@code task} on the bridge thread; from the JDK's WebSocket and HTTP threads. */
    protected final void post(final Runnable task)
    {
        while (!inbox.offer(task))
        {
            LockSupport.parkNanos(10_000);
        }
    }

    // ------------------------------------------------------------------ reconciliation view (any thread)

    /**
     * What the venue answered, in its own names (venue symbols, the venue's client order ids), before
     * the bridge thread maps it to Meridian's.
     */
    protected record VenueAnswer(
        List<VenueView.OpenOrder> openOrders, List<VenueView.Trade> trades, List<VenueView.Balance> balances,
        boolean balancesAsked)
    {
    }

    public void balanceListener(final BalanceListener listener)
    {
        this.balanceListener = listener;
    }

    /**
     * Asks the venue (REST, signed, in parallel) for its open orders, our trades after the given ids per
     * symbol and, when asked, balances. Any thread but the bridge's. Completes off the bridge thread.
     */
    public CompletableFuture<VenueView> requestView(final ViewRequest request)
    {
        final long askedAtNanos = nanoClock.nanoTime();
        final CompletableFuture<VenueView> result = new CompletableFuture<>();
        final String refused = viewRefused(clock.time());
        if (refused != null)
        {
            result.completeExceptionally(new VenueViewException(config.name() + " view not asked: " + refused));
            return result;
        }
        final Map<String, String> sinceVenueTradeIds = new HashMap<>();
        request.sinceTradeIds().forEach((symbol, tradeId) ->
        {
            final String venueSymbol = config.venueSymbol(symbol);
            if (venueSymbol != null)
            {
                sinceVenueTradeIds.put(venueSymbol, tradeId);
            }
        });
        CompletableFuture.delayedExecutor(request.timeoutMs(), TimeUnit.MILLISECONDS).execute(() ->
            result.completeExceptionally(new TimeoutException(
                config.name() + " view not answered within " + request.timeoutMs() + " ms")));
        final CompletableFuture<VenueAnswer> answer;
        try
        {
            answer = askVenue(request, sinceVenueTradeIds);
        }
        catch (final VenueViewException e)
        {
            result.completeExceptionally(e);
            return result;
        }
        catch (final RuntimeException e)
        {
            result.completeExceptionally(new VenueViewException(config.name() + " view not asked: " + e, e));
            return result;
        }
        answer.whenComplete((venueAnswer, error) ->
        {
            if (error != null)
            {
                final Throwable cause = error instanceof CompletionException && error.getCause() != null ?
                    error.getCause() : error;
                result.completeExceptionally(cause);
                return;
            }
            post(() -> resolveView(venueAnswer, askedAtNanos, request, result));
        });
        return result;
    }

    /** Null when the venue may be asked for a view now, else why not (rate limits). */
    protected String viewRefused(final long nowMs)
    {
        final long blockedUntil = blockedUntilMs;
        if (nowMs < blockedUntil)
        {
            return "rate limited (" + blockedReason + ") for " + (blockedUntil - nowMs) + " ms more";
        }
        return null;
    }

    /**
     * Asks the venue over REST; any thread (signs with its own signer). Completes with the venue's
     * answer in its own names, or exceptionally with a {@link VenueViewException} saying what failed.
     */
    protected abstract CompletableFuture<VenueAnswer> askVenue(ViewRequest request, Map<String, String> sinceVenueTradeIds);

    /** Our ClOrdID for a venue client order id of an order the bridge does not track (restart, another session). */
    protected String meridianClOrdId(final String venueClOrdId)
    {
        return venueClOrdId;
    }

    /** Our instrument symbol for the venue's symbol; the venue's own when no instrument routes to it. */
    protected final String instrumentSymbol(final String venueSymbol)
    {
        return instrumentSymbols.getOrDefault(venueSymbol, venueSymbol);
    }

    /** A balance the venue pushed: to the listener, if any (the bridge thread; the listener must be quick). */
    protected final void balancePushed(final String asset, final BigDecimal free, final BigDecimal locked, final long venueTimeMs)
    {
        final BalanceListener listener = balanceListener;
        if (listener == null)
        {
            return;
        }
        try
        {
            listener.onBalance(config.venueId(), new VenueView.Balance(asset, free, locked, venueTimeMs * 1_000_000L));
        }
        catch (final RuntimeException e)
        {
            LOG.error("event=crypto_balance_listener_failed venue={} error=\"{}\"", config.name(), e.toString(), e);
        }
    }

    /** True when a balance listener is set (parse balance pushes only then). */
    protected final boolean hasBalanceListener()
    {
        return balanceListener != null;
    }

    /** A decimal the venue printed, exact; null when missing, empty or not a number. */
    protected static BigDecimal decimal(final JsonNode text)
    {
        try
        {
            return text.isMissingNode() || text.isNull() || text.asText().isEmpty() ? null : new BigDecimal(text.asText());
        }
        catch (final NumberFormatException e)
        {
            return null;
        }
    }

    /**
     * The average price {@code quote / qty} in the instrument's price scale (rounded half even): a status
     * answer's AvgPx. 0 when nothing executed or a field is not a decimal.
     */
    protected static long averagePrice(final JsonNode quote, final JsonNode qty, final int priceScale)
    {
        final BigDecimal notional = decimal(quote);
        final BigDecimal executed = decimal(qty);
        if (notional == null || executed == null || executed.signum() <= 0)
        {
            return 0;
        }
        return notional.divide(executed, priceScale, java.math.RoundingMode.HALF_EVEN).unscaledValue().longValue();
    }

    /** A price the venue printed in the instrument's price scale (rounded half even); 0 when missing or empty. */
    protected static long priceScaled(final JsonNode price, final int priceScale)
    {
        final BigDecimal value = decimal(price);
        return value == null ? 0 : value.setScale(priceScale, java.math.RoundingMode.HALF_EVEN).unscaledValue().longValue();
    }

    /** The venue's decimal string as it printed it; a missing or malformed one fails the view. */
    protected final BigDecimal exact(final JsonNode node, final String field)
    {
        final BigDecimal value = decimal(node.path(field));
        if (value == null)
        {
            throw new VenueViewException(config.name() + " answer field " + field + " is not a decimal: " + node);
        }
        return value;
    }

    private volatile RecoveredFillListener recoveredFillListener;

    /** Venues number trades per symbol: the bridge publishes {@code venueSymbol:tradeId} (see {@link #fill}). */
    @Override
    public String ledgerTradeId(final VenueView.Trade trade)
    {
        final String venueSymbol = config.venueSymbol(trade.symbol());
        return (venueSymbol == null ? trade.symbol() : venueSymbol) + ':' + trade.venueTradeId();
    }

    @Override
    public void recoveredFillListener(final RecoveredFillListener listener)
    {
        this.recoveredFillListener = listener;
    }

    /** Bridge thread: names the answer as Meridian does and hands trades the stream missed to the fill path. */
    private void resolveView(
        final VenueAnswer answer, final long askedAtNanos, final ViewRequest request, final CompletableFuture<VenueView> result)
    {
        final Map<String, String> clOrdIdByVenueOrderId = new HashMap<>();
        final List<VenueView.OpenOrder> openOrders = new ArrayList<>(answer.openOrders().size());
        for (final VenueView.OpenOrder o : answer.openOrders())
        {
            final TrackedOrder t = tracked(o.venueOrderId(), o.clOrdId());
            final String clOrdId = t != null ? t.clOrdId : o.clOrdId().isEmpty() ? "" : meridianClOrdId(o.clOrdId());
            clOrdIdByVenueOrderId.put(o.venueOrderId(), clOrdId);
            openOrders.add(new VenueView.OpenOrder(clOrdId, o.venueOrderId(), instrumentSymbol(o.symbol()), o.side(),
                o.orderQty(), o.price(), o.cumQty(), o.leavesQty(), o.status()));
        }
        final List<VenueView.Trade> trades = new ArrayList<>(answer.trades().size());
        final List<VenueView.Trade> recoveredTrades = new ArrayList<>();
        for (final VenueView.Trade trade : answer.trades())
        {
            final TrackedOrder t = tracked(trade.venueOrderId(), trade.clOrdId());
            final String clOrdId;
            boolean recovered = false;
            if (t != null && t.venueSymbol.equals(trade.symbol()))
            {
                clOrdId = t.clOrdId;
                recovered = missedFill(t, trade);
            }
            else if (!trade.clOrdId().isEmpty())
            {
                clOrdId = meridianClOrdId(trade.clOrdId());
            }
            else
            {
                clOrdId = clOrdIdByVenueOrderId.getOrDefault(trade.venueOrderId(), "");
            }
            final VenueView.Trade named = new VenueView.Trade(trade.venueTradeId(), clOrdId, trade.venueOrderId(),
                instrumentSymbol(trade.symbol()), trade.side(), trade.qty(), trade.price(), trade.fee(), trade.feeAsset(),
                trade.venueTimeNanos());
            trades.add(named);
            if (recovered)
            {
                recoveredTrades.add(named);
            }
        }
        if (!recoveredTrades.isEmpty())
        {
            metrics.viewRecoveredFills.addAndGet(recoveredTrades.size());
            LOG.warn("event=crypto_view_recovered_fills venue={} fills={}", config.name(), recoveredTrades.size());
            final RecoveredFillListener listener = recoveredFillListener;
            if (listener != null)
            {
                recoveredTrades.forEach(trade -> listener.onRecoveredFill(config.venueId(), trade));
            }
        }
        final List<VenueView.Trade> unnamed = new ArrayList<>();
        for (final VenueView.Trade trade : trades)
        {
            if (trade.clOrdId().isEmpty())
            {
                unnamed.add(trade);
            }
        }
        if (unnamed.isEmpty())
        {
            // dependents of the answer must not run on the bridge thread
            result.completeAsync(() -> new VenueView(config.venueId(), askedAtNanos, nanoClock.nanoTime(), openOrders,
                trades, answer.balances(), List.of(), answer.balancesAsked()));
            return;
        }
        // trades of orders the bridge no longer tracks (a restart) and the venue names only by its order id
        venueClOrdIds(unnamed, request).handle((named, error) ->
        {
            if (error != null)
            {
                LOG.warn("event=crypto_view_unnamed_trades venue={} trades={} error=\"{}\"", config.name(), unnamed.size(),
                    error.toString());
            }
            final Map<String, String> names = error == null ? named : Map.of();
            final List<VenueView.Trade> namedTrades = new ArrayList<>(trades.size());
            for (final VenueView.Trade t : trades)
            {
                final String venueClOrdId = t.clOrdId().isEmpty() ? names.get(t.venueOrderId()) : null;
                namedTrades.add(venueClOrdId == null || venueClOrdId.isEmpty() ? t : new VenueView.Trade(t.venueTradeId(),
                    meridianClOrdId(venueClOrdId), t.venueOrderId(), t.symbol(), t.side(), t.qty(), t.price(), t.fee(),
                    t.feeAsset(), t.venueTimeNanos()));
            }
            return result.complete(new VenueView(config.venueId(), askedAtNanos, nanoClock.nanoTime(), openOrders,
                namedTrades, answer.balances(), List.of(), answer.balancesAsked()));
        });
    }

    /**
     * The venue's client order ids (by venue order id) of the orders of trades the venue named only by
     * its order id and the bridge does not track; any thread. None by default (OKX fills carry clOrdId).
     */
    protected CompletableFuture<Map<String, String>> venueClOrdIds(final List<VenueView.Trade> trades, final ViewRequest request)
    {
        return CompletableFuture.completedFuture(Map.of());
    }

    private TrackedOrder tracked(final String venueOrderId, final String venueClOrdId)
    {
        TrackedOrder t = venueOrderId.isEmpty() ? null : byVenueOrderId.get(venueOrderId);
        if (t == null && !venueClOrdId.isEmpty())
        {
            t = byClOrdId.get(venueClOrdId);
        }
        return t;
    }

    /** A trade of a tracked order the stream never delivered goes through the normal fill path; true if it was missed. */
    private boolean missedFill(final TrackedOrder t, final VenueView.Trade trade)
    {
        if (tradeIds.contains(t.venueSymbol + ':' + trade.venueTradeId()))
        {
            return false;
        }
        final long qty = Decimals.parse(trade.qty().toPlainString(), t.qtyScale);
        final long price = Decimals.parse(trade.price().toPlainString(), t.priceScale);
        if (qty == Long.MIN_VALUE || price == Long.MIN_VALUE)
        {
            LOG.error("event=crypto_view_fill_unusable venue={} clOrdId={} tradeId={} qty={} price={}", config.name(),
                t.clOrdId, trade.venueTradeId(), trade.qty(), trade.price());
            return false;
        }
        LOG.warn("event=crypto_view_missed_fill venue={} clOrdId={} tradeId={} qty={} price={}", config.name(), t.clOrdId,
            trade.venueTradeId(), trade.qty(), trade.price());
        fill(t, trade.venueTradeId(), qty, price, trade.venueTimeNanos() / 1_000_000L, trade.fee(), trade.feeAsset());
        return true;
    }

    // ------------------------------------------------------------------ bridge thread

    public int doWork()
    {
        int work = 0;
        Runnable task;
        while (work < 256 && (task = inbox.poll()) != null)
        {
            try
            {
                task.run();
            }
            catch (final RuntimeException e)
            {
                metrics.unusableMessages.incrementAndGet();
                LOG.error("event=crypto_bridge_task_failed venue={} error=\"{}\"", config.name(), e.toString(), e);
            }
            work++;
        }
        work += requests.drain(requestHandler, 32);
        final long nowMs = clock.time();
        work += poll(nowMs);
        if (marketData != null)
        {
            work += marketData.poll(nowMs);
        }
        if (nowMs >= nextHousekeepingMs)
        {
            nextHousekeepingMs = nowMs + HOUSEKEEPING_INTERVAL_MS;
            work += housekeeping(nowMs);
        }
        if (stateToPublish && events != null)
        {
            stateToPublish = !events.onVenueSessionState(config.venueId(), connected);
        }
        return work;
    }

    public String roleName()
    {
        return "crypto-" + config.name();
    }

    public void onClose()
    {
        if (marketData != null)
        {
            marketData.close();
        }
    }

    /** The venue's market data feed for these instruments; {@code status} hears its book-sync text. */
    protected abstract MarketDataFeed newMarketData(
        TopOfBookTable tops, DepthTable depth, List<BookInstrument> instruments,
        java.util.function.Consumer<String> status);

    /**
     * Bridge thread, after {@link #filters} were (re)loaded: each rule instrument's filter goes to the
     * trading rules table in the instrument's scales. A filter that cannot be held in them is logged and
     * not published: the table keeps what it had, if anything, rather than rules converted wrongly.
     */
    protected final void publishTradingRules()
    {
        if (tradingRules == null)
        {
            return;
        }
        for (int i = 0; i < ruleInstruments.size(); i++)
        {
            final BookInstrument instrument = ruleInstruments.get(i);
            final SymbolFilter filter = filters.get(instrument.venueSymbol());
            if (filter == null)
            {
                continue;
            }
            final long tick;
            final long lot;
            final long minQty;
            final long minNotional;
            try
            {
                tick = TradingRules.increment(filter.tickSize(), instrument.priceScale());
                lot = TradingRules.increment(filter.stepSize(), instrument.qtyScale());
                minQty = TradingRules.minimum(filter.minQty(), instrument.qtyScale());
                minNotional = TradingRules.minimum(filter.minNotional(), instrument.priceScale());
            }
            catch (final ArithmeticException e)
            {
                LOG.error("event=crypto_trading_rules_unusable venue={} symbol={} filter=\"{}\"", config.name(),
                    instrument.venueSymbol(), filter);
                continue;
            }
            tradingRules.publish(instrument.instrumentId(), tick, lot, minQty, minNotional);
            final int at = 4 * i;
            if (publishedRules[at] != tick || publishedRules[at + 1] != lot || publishedRules[at + 2] != minQty ||
                publishedRules[at + 3] != minNotional)
            {
                publishedRules[at] = tick;
                publishedRules[at + 1] = lot;
                publishedRules[at + 2] = minQty;
                publishedRules[at + 3] = minNotional;
                LOG.info("event=crypto_trading_rules venue={} symbol={} instrument={} tick={} lot={} minQty={} " +
                    "minNotional={}", config.name(), instrument.venueSymbol(), instrument.symbol(), tick, lot, minQty,
                    minNotional);
            }
        }
    }

    /** Connections and timers of the venue; returns work done. */
    protected abstract int poll(long nowMs);

    /** The venue's client order id for our ClOrdID (unique per Meridian instance and across restarts). */
    protected abstract String venueClOrdId(String clOrdId);

    protected abstract void sendNew(TrackedOrder order, long nowMs);

    protected abstract void sendCancel(TrackedOrder order, String cancelClOrdId, long nowMs);

    protected abstract void sendReplace(TrackedOrder order, long nowMs);

    /** Asks the venue for the order's state by client order id (settles unknown outcomes, catch-up). */
    protected abstract void queryStatus(TrackedOrder order);

    /** Fetches the order's fills from the venue (REST catch-up); they go through {@link #fill}. */
    protected abstract void fetchFills(TrackedOrder order);

    protected final void connected(final boolean up)
    {
        if (connected != up)
        {
            connected = up;
            stateToPublish = true;
            LOG.info("event=crypto_venue_state venue={} connected={} orderChannel={}", config.name(), up, orderChannel);
        }
    }

    private void onRequest(final int kind, final VenueOrder o)
    {
        final long nowMs = clock.time();
        switch (kind)
        {
            case VenueRequestRing.NEW_ORDER -> onNewOrder(o, nowMs);
            case VenueRequestRing.CANCEL -> onCancel(o, nowMs);
            case VenueRequestRing.REPLACE -> onReplace(o, nowMs);
            case VenueRequestRing.STATUS -> onStatusRequest(o, nowMs);
            default -> LOG.error("event=crypto_unknown_request venue={} kind={}", config.name(), kind);
        }
    }

    /**
     * Whether the client's ExecInst (18), when its session carries the tag, includes 6 ("participate
     * don't initiate"): a post-only order.
     */
    static boolean isPostOnly(final CharSequence customFields)
    {
        final int length = customFields.length();
        int fieldStart = 0;
        while (fieldStart < length)
        {
            int end = fieldStart;
            while (end < length && customFields.charAt(end) != '\u0001')
            {
                end++;
            }
            if (end - fieldStart > 3 && customFields.charAt(fieldStart) == '1' && customFields.charAt(fieldStart + 1) == '8' &&
                customFields.charAt(fieldStart + 2) == '=')
            {
                for (int i = fieldStart + 3; i < end; i++)
                {
                    if (customFields.charAt(i) == '6')
                    {
                        return true;
                    }
                }
            }
            fieldStart = end + 1;
        }
        return false;
    }

    private void onNewOrder(final VenueOrder o, final long nowMs)
    {
        final long stamp = writeProbe == null ? VenueWriteProbe.NONE : writeProbe.take(o.clOrdId);
        final String symbol = o.symbol.toString();
        final String venueSymbol = config.venueSymbol(symbol);
        final TrackedOrder t = new TrackedOrder(symbol, venueSymbol, o.side, o.priceScale, o.qtyScale);
        t.clOrdId = o.clOrdId.toString();
        t.venueClOrdId = venueClOrdId(t.clOrdId);
        t.ordType = o.ordType;
        t.timeInForce = o.timeInForce;
        t.postOnly = isPostOnly(o.customFields);
        t.qty = o.qty;
        t.price = o.price;
        t.sentMs = nowMs;
        byClOrdId.put(t.clOrdId, t);
        byClOrdId.put(t.venueClOrdId, t);
        open.add(t);
        if (venueSymbol == null)
        {
            rejectBeforeSend(t, "instrument " + symbol + " has no symbol at " + config.name());
            return;
        }
        if (nowMs < blockedUntilMs)
        {
            metrics.rateLimitRejects.incrementAndGet();
            rejectBeforeSend(t, "rate limit: " + blockedReason + ", retry after " + (blockedUntilMs - nowMs) + " ms");
            return;
        }
        final String budget = rateBudgetExhausted(nowMs);
        if (budget != null)
        {
            metrics.rateLimitRejects.incrementAndGet();
            rejectBeforeSend(t, "rate limit budget: " + budget);
            return;
        }
        final SymbolFilter filter = filters.get(venueSymbol);
        final String problem = filter == null ? null : filter.check(t.ordType, t.qty, t.qtyScale, t.price, t.priceScale);
        if (problem != null)
        {
            metrics.filterRejects.incrementAndGet();
            rejectBeforeSend(t, "filter " + problem);
            return;
        }
        metrics.ordersSent.incrementAndGet();
        newOrderStamp = stamp;
        sendNew(t, nowMs);
        newOrderStamp = VenueWriteProbe.NONE;
    }

    /**
     * Bridge thread, from {@link #sendNew}: sends a new order's request text on the order entry socket; with
     * the write probe on, the time its bytes are written is recorded against the client order's receive time.
     */
    final boolean sendNewOrderRequest(final VenueWebSocket socket, final String text)
    {
        final long stamp = newOrderStamp;
        newOrderStamp = VenueWriteProbe.NONE;
        return stamp == VenueWriteProbe.NONE ? socket.send(text) : socket.send(text, writeProbe, stamp, nanoClock);
    }

    /**
     * The OMS asks about an order whose fate it does not know ({@link VenueOrder#queried}: the order, or its
     * cancel or replace not answered). An order this process does not track was sent by an earlier one (a
     * restart): it is taken over from the query, so its fills, its end and later requests are handled as
     * for any order. The query goes out from housekeeping (paced, within the venue's budget).
     */
    private void onStatusRequest(final VenueOrder o, final long nowMs)
    {
        metrics.statusQueries.incrementAndGet();
        final String clOrdId = o.clOrdId.toString();
        TrackedOrder t = byClOrdId.get(clOrdId);
        if (t == null && o.origClOrdId.length() > 0)
        {
            t = byClOrdId.get(o.origClOrdId.toString());
        }
        if (t == null)
        {
            t = takeOver(o, nowMs);
        }
        if (t == null)
        {
            return;
        }
        if (!t.inStatusOwed)
        {
            t.inStatusOwed = true;
            statusOwed.add(t);
        }
        t.statusClOrdId = clOrdId;
        t.statusOrdStatus = null;
        t.statusAskedMs = nowMs;
        t.nextStatusStepMs = nowMs;
    }

    /** An earlier process's order, as the OMS's query describes it; null (answered at once) when it cannot be asked. */
    private TrackedOrder takeOver(final VenueOrder o, final long nowMs)
    {
        final String symbol = o.symbol.toString();
        final String venueSymbol = config.venueSymbol(symbol);
        final boolean ofRequest = o.queried == VenueOrder.QUERIED_CANCEL || o.queried == VenueOrder.QUERIED_REPLACE;
        final TrackedOrder t = new TrackedOrder(symbol, venueSymbol, o.side, o.priceScale, o.qtyScale);
        t.clOrdId = ofRequest && o.origClOrdId.length() > 0 ? o.origClOrdId.toString() : o.clOrdId.toString();
        t.ordType = o.ordType;
        t.timeInForce = o.timeInForce;
        t.price = o.price;
        // the order's quantity is the venue's (its answer sets it): the query carries what the OMS has open
        t.qty = Long.MAX_VALUE;
        t.takenOver = true;
        // sent before this process started: no answer of it can still be on its way
        t.sentMs = nowMs - 2 * config.requestTimeoutMs();
        if (venueSymbol == null)
        {
            t.statusClOrdId = o.clOrdId.toString();
            t.state = TrackedOrder.State.DONE;
            answerStatus(t, OrdStatus.REJECTED, 0, 0, config.name() + " instrument " + symbol + " has no symbol");
            return null;
        }
        t.venueClOrdId = venueClOrdId(t.clOrdId);
        byClOrdId.put(t.clOrdId, t);
        byClOrdId.put(t.venueClOrdId, t);
        if (o.venueOrderId.length() > 0)
        {
            registerVenueOrderId(t, o.venueOrderId.toString());
        }
        final String requestClOrdId = o.clOrdId.toString();
        if (o.queried == VenueOrder.QUERIED_CANCEL)
        {
            t.pendingCancelClOrdId = requestClOrdId;
            byClOrdId.put(requestClOrdId, t);
        }
        else if (o.queried == VenueOrder.QUERIED_REPLACE)
        {
            pendingReplace(t, requestClOrdId, o);
        }
        open.add(t);
        metrics.ordersTakenOver.incrementAndGet();
        LOG.info("event=crypto_order_taken_over venue={} clOrdId={} asked={} venueOrderId={}", config.name(), t.clOrdId,
            requestClOrdId, t.venueOrderId);
        return t;
    }

    /** Null while the venue's order budget allows another order now, else why not. */
    protected String rateBudgetExhausted(final long nowMs)
    {
        return null;
    }

    private void rejectBeforeSend(final TrackedOrder t, final String text)
    {
        LOG.warn("event=crypto_order_refused venue={} clOrdId={} reason=\"{}\"", config.name(), t.clOrdId, text);
        terminal(t, ExecType.REJECTED, config.name() + " " + text);
    }

    private void onCancel(final VenueOrder o, final long nowMs)
    {
        final TrackedOrder t = byClOrdId.get(o.origClOrdId.toString());
        final String cancelClOrdId = o.clOrdId.toString();
        if (t == null || t.state == TrackedOrder.State.DONE || t.pendingCancelClOrdId != null ||
            t.pendingReplaceClOrdId != null)
        {
            publishCancelReject(cancelClOrdId, o.origClOrdId.toString(), false, 0,
                t == null ? "unknown order" : t.state == TrackedOrder.State.DONE ? "order already done" : "already pending");
            return;
        }
        t.pendingCancelClOrdId = cancelClOrdId;
        byClOrdId.put(cancelClOrdId, t);
        metrics.cancelsSent.incrementAndGet();
        sendCancel(t, cancelClOrdId, nowMs);
    }

    private void onReplace(final VenueOrder o, final long nowMs)
    {
        final TrackedOrder t = byClOrdId.get(o.origClOrdId.toString());
        final String replaceClOrdId = o.clOrdId.toString();
        if (t == null || t.state == TrackedOrder.State.DONE || t.pendingCancelClOrdId != null ||
            t.pendingReplaceClOrdId != null)
        {
            publishCancelReject(replaceClOrdId, o.origClOrdId.toString(), true, 0,
                t == null ? "unknown order" : t.state == TrackedOrder.State.DONE ? "order already done" : "already pending");
            return;
        }
        final SymbolFilter filter = filters.get(t.venueSymbol);
        final String problem = filter == null ? null :
            filter.check(o.ordType, o.qty - t.cumQty, t.qtyScale, o.price, t.priceScale);
        if (problem != null)
        {
            metrics.filterRejects.incrementAndGet();
            publishCancelReject(replaceClOrdId, t.clOrdId, true, 0, config.name() + " filter " + problem);
            return;
        }
        pendingReplace(t, replaceClOrdId, o);
        metrics.replacesSent.incrementAndGet();
        sendReplace(t, nowMs);
    }

    // ------------------------------------------------------------------ venue events (bridge thread)

    protected final void registerVenueOrderId(final TrackedOrder t, final String venueOrderId)
    {
        if (venueOrderId != null && !venueOrderId.isEmpty() && !venueOrderId.equals(t.venueOrderId))
        {
            t.venueOrderId = venueOrderId;
            byVenueOrderId.put(venueOrderId, t);
        }
    }

    /** The venue acknowledged the order (answer, stream or status query): the OMS hears New once. */
    protected final void acknowledged(final TrackedOrder t, final String venueOrderId)
    {
        registerVenueOrderId(t, venueOrderId);
        settled(t);
        if (t.acked || t.state == TrackedOrder.State.DONE)
        {
            return;
        }
        t.acked = true;
        t.state = TrackedOrder.State.LIVE;
        final long latencyNanos = (clock.time() - t.sentMs) * 1_000_000L;
        metrics.acks.incrementAndGet();
        metrics.ackLatencyNanosTotal.addAndGet(latencyNanos);
        metrics.lastAckLatencyNanos = latencyNanos;
        final VenueExecution e = execution(t, ExecType.NEW, OrdStatus.NEW);
        e.clOrdId.append(t.clOrdId);
        publish(e);
    }

    private void settled(final TrackedOrder t)
    {
        if (t.state == TrackedOrder.State.UNKNOWN)
        {
            t.state = t.acked ? TrackedOrder.State.LIVE : TrackedOrder.State.PENDING_NEW;
            metrics.unknownOutcomesSettled.incrementAndGet();
            LOG.info("event=crypto_unknown_outcome_settled venue={} clOrdId={} venueOrderId={}", config.name(),
                t.clOrdId, t.venueOrderId);
        }
    }

    /**
     * A fill, from any path (stream, order answer, REST catch-up): deduplicated by the venue's trade
     * id; acknowledges the order first when it was not; releases a held-back terminal event.
     */
    protected final void fill(
        final TrackedOrder t, final String venueTradeId, final long lastQty, final long lastPx, final long venueTimeMs)
    {
        fill(t, venueTradeId, lastQty, lastPx, venueTimeMs, null, null);
    }

    /**
     * A fill with the fee the venue charged for it (positive a cost, negative a rebate; null when the
     * venue does not say) in {@code feeAsset}: the store's implied balances take it off that asset.
     */
    protected final void fill(
        final TrackedOrder t, final String venueTradeId, final long lastQty, final long lastPx, final long venueTimeMs,
        final BigDecimal fee, final String feeAsset)
    {
        // venues number trades per symbol
        final String tradeId = t.venueSymbol + ':' + venueTradeId;
        if (!tradeIds.add(tradeId))
        {
            metrics.duplicateFillsDropped.incrementAndGet();
            return;
        }
        if (!t.acked)
        {
            acknowledged(t, null);
        }
        settled(t);
        t.cumQty += lastQty;
        metrics.fills.incrementAndGet();
        final VenueExecution e = execution(t, ExecType.TRADE,
            t.cumQty >= t.qty ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED);
        e.clOrdId.append(t.clOrdId);
        e.venueExecId.append(tradeId);
        e.lastQty = lastQty;
        e.lastPx = lastPx;
        e.cumQty = t.cumQty;
        e.leavesQty = Math.max(0, t.qty - t.cumQty);
        e.venueTimeNanos = venueTimeMs * 1_000_000L;
        e.customFields.append(lastMktField);
        if (fee != null && fee.signum() != 0 && feeAsset != null && !feeAsset.isEmpty())
        {
            final BigDecimal scaled = fee.scale() < 0 ? fee.setScale(0) :
                fee.scale() > 18 ? fee.setScale(18, java.math.RoundingMode.HALF_EVEN) : fee;
            e.fee = scaled.unscaledValue().longValueExact();
            e.feeScale = scaled.scale();
            e.feeAsset.append(feeAsset);
        }
        publish(e);
        if (t.cumQty >= t.qty && t.pendingReplaceClOrdId == null)
        {
            done(t);
        }
        final TrackedOrder.TerminalEvent parked = t.parked;
        if (parked != null && t.legCumBase + parked.legCumQty() <= t.cumQty)
        {
            t.parked = null;
            terminal(t, parked.execType(), parked.text());
        }
        answerStatusOnceFilled(t);
    }

    /** A fill the venue reported for an order we do not know: never dropped silently. */
    protected final void unknownOrderFill(final String venueSymbol, final String venueTradeId, final String description)
    {
        final String tradeId = venueSymbol + ':' + venueTradeId;
        // an earlier process's order is not known until the OMS asks about it: its catch-up must still book this
        if (tradeIds.contains(tradeId) || !unknownTradeIds.add(tradeId))
        {
            metrics.duplicateFillsDropped.incrementAndGet();
            return;
        }
        metrics.unknownOrderFills.incrementAndGet();
        LOG.warn("event=crypto_unknown_order_fill venue={} tradeId={} fill=\"{}\"", config.name(), tradeId, description);
        unknownFills.addLast(tradeId + " " + description);
        unknownTradeIdsInOrder.addLast(tradeId);
        if (unknownFills.size() > MAX_KEPT_UNKNOWN_FILLS)
        {
            unknownFills.removeFirst();
            unknownTradeIds.remove(unknownTradeIdsInOrder.removeFirst());
        }
    }

    /**
     * The venue says the current leg ended ({@code legCumQty} its cumulative quantity, -1 when not
     * known): held back while fills it counts have not reached the OMS.
     */
    protected final void legEnded(
        final TrackedOrder t, final ExecType execType, final long legCumQty, final String text)
    {
        if (t.state == TrackedOrder.State.DONE)
        {
            return;
        }
        settled(t);
        if (legCumQty >= 0 && t.legCumBase + legCumQty > t.cumQty)
        {
            if (t.parked == null)
            {
                t.parked = new TrackedOrder.TerminalEvent(execType, legCumQty, t.venueOrderId, text);
                t.nextStatusQueryMs = clock.time() + PARKED_CATCH_UP_MS;
                t.unknownSinceMs = clock.time();
                LOG.info("event=crypto_terminal_held venue={} clOrdId={} exec={} venueCum={} ourCum={}",
                    config.name(), t.clOrdId, execType, t.legCumBase + legCumQty, t.cumQty);
            }
            return;
        }
        terminal(t, execType, text);
    }

    private void terminal(final TrackedOrder t, final ExecType execType, final String text)
    {
        if (t.state == TrackedOrder.State.DONE)
        {
            return;
        }
        t.parked = null;
        ExecType type = execType;
        if (type == ExecType.REJECTED && t.acked)
        {
            // the venue acked then killed it: for the client the working order was canceled
            type = ExecType.CANCELED;
        }
        if (type == ExecType.REJECTED)
        {
            metrics.venueRejects.incrementAndGet();
        }
        final OrdStatus status = type == ExecType.REJECTED ? OrdStatus.REJECTED :
            type == ExecType.EXPIRED ? OrdStatus.EXPIRED : OrdStatus.CANCELED;
        final VenueExecution e = execution(t, type, status);
        if (type == ExecType.CANCELED && t.pendingCancelClOrdId != null)
        {
            e.clOrdId.append(t.pendingCancelClOrdId);
            e.origClOrdId.append(t.clOrdId);
        }
        else
        {
            e.clOrdId.append(t.clOrdId);
        }
        if (text != null)
        {
            e.text.append(text);
        }
        e.cumQty = t.cumQty;
        publish(e);
        if (t.pendingReplaceClOrdId != null)
        {
            // a replace in flight when the order ended: the OMS hears the refusal after the end
            final String replaceClOrdId = t.pendingReplaceClOrdId;
            t.pendingReplaceClOrdId = null;
            publishCancelReject(replaceClOrdId, t.clOrdId, true, 0, "order ended at the venue");
        }
        done(t);
    }

    private void done(final TrackedOrder t)
    {
        t.state = TrackedOrder.State.DONE;
        t.pendingCancelClOrdId = null;
        t.parked = null;
    }

    /** The replace in flight succeeded: the new leg is current. */
    protected final void replaced(final TrackedOrder t, final String newVenueOrderId, final boolean newLeg)
    {
        if (t.pendingReplaceClOrdId == null)
        {
            return;
        }
        final String oldClOrdId = t.clOrdId;
        t.clOrdId = t.pendingReplaceClOrdId;
        t.venueClOrdId = t.pendingReplaceVenueClOrdId;
        t.qty = t.pendingQty;
        t.price = t.pendingPrice;
        t.ordType = t.pendingOrdType;
        t.timeInForce = t.pendingTimeInForce;
        t.pendingReplaceClOrdId = null;
        t.pendingReplaceVenueClOrdId = null;
        if (newLeg)
        {
            t.legCumBase = t.cumQty;
        }
        registerVenueOrderId(t, newVenueOrderId);
        final VenueExecution e = execution(t, ExecType.REPLACED,
            t.cumQty == 0 ? OrdStatus.NEW : t.cumQty >= t.qty ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED);
        e.clOrdId.append(t.clOrdId);
        e.origClOrdId.append(oldClOrdId);
        e.cumQty = t.cumQty;
        e.leavesQty = Math.max(0, t.qty - t.cumQty);
        publish(e);
        if (t.cumQty >= t.qty)
        {
            done(t);
        }
    }

    /** The venue refused a cancel or replace: the order keeps working. */
    protected final void pendingRefused(final TrackedOrder t, final boolean replace, final int code, final String text)
    {
        final String clOrdId = replace ? t.pendingReplaceClOrdId : t.pendingCancelClOrdId;
        if (clOrdId == null)
        {
            return;
        }
        if (replace)
        {
            t.pendingReplaceClOrdId = null;
            t.pendingReplaceVenueClOrdId = null;
        }
        else
        {
            t.pendingCancelClOrdId = null;
        }
        publishCancelReject(clOrdId, t.clOrdId, replace, code, text);
    }

    /** The order's request went out and its answer is lost: UNKNOWN until the venue tells. */
    protected final void outcomeUnknown(final TrackedOrder t, final String why)
    {
        if (t.state != TrackedOrder.State.PENDING_NEW)
        {
            return;
        }
        t.state = TrackedOrder.State.UNKNOWN;
        t.unknownSinceMs = clock.time();
        t.nextStatusQueryMs = t.unknownSinceMs + 100;
        t.statusQueries = 0;
        metrics.unknownOutcomes.incrementAndGet();
        LOG.warn("event=crypto_unknown_outcome venue={} clOrdId={} venueClOrdId={} why=\"{}\"", config.name(),
            t.clOrdId, t.venueClOrdId, why);
    }

    /** A status query found no such order. Before the grace time it may still arrive; after it, it never will. */
    protected final void notFoundAtVenue(final TrackedOrder t, final String text)
    {
        if (t.takenOver && !t.acked && t.state != TrackedOrder.State.DONE)
        {
            // an earlier process's order the venue never received: the status answer says so and the OMS
            // decides (a new order is rejected, a cancel or replace refused), as with a FIX venue
            LOG.warn("event=crypto_order_not_found venue={} clOrdId={} takenOver=true", config.name(), t.clOrdId);
            done(t);
        }
        else if (t.state != TrackedOrder.State.DONE && !t.acked && clock.time() - t.sentMs >= 2 * config.requestTimeoutMs())
        {
            final boolean wasUnknown = t.state == TrackedOrder.State.UNKNOWN;
            if (wasUnknown)
            {
                metrics.unknownOutcomesSettled.incrementAndGet();
            }
            LOG.warn("event=crypto_order_not_found venue={} clOrdId={} unknown={}", config.name(), t.clOrdId, wasUnknown);
            terminal(t, ExecType.REJECTED, config.name() + " " + text);
        }
        if (t.statusClOrdId != null && (t.state == TrackedOrder.State.DONE || t.acked))
        {
            // before the grace time a new order's answer may still arrive: the OMS hears once it is decided
            answerStatus(t, OrdStatus.REJECTED, 0, 0, config.name() + " " + text);
        }
    }

    /**
     * The venue answered a status query: the order's state and the current leg's cumulative quantity and
     * average price. Called after the answer was applied (acknowledgement, fills asked for, end held back),
     * so the answer owed to the OMS goes once the fills the venue counts are in.
     */
    protected final void venueStatus(final TrackedOrder t, final OrdStatus status, final long legCumQty, final long avgPx)
    {
        if (t.statusClOrdId == null)
        {
            return;
        }
        t.statusOrdStatus = status;
        t.statusCumQty = t.legCumBase + legCumQty;
        t.statusAvgPx = avgPx;
        t.statusAskedMs = clock.time();
        t.nextStatusStepMs = t.statusAskedMs + PARKED_CATCH_UP_MS;
        answerStatusOnceFilled(t);
    }

    private void answerStatusOnceFilled(final TrackedOrder t)
    {
        // the OMS books what a status counts beyond its own fills as one fill: it must hold the venue's
        // trades first, or a trade the catch-up brings after the answer would be counted twice
        if (t.statusClOrdId != null && t.statusOrdStatus != null && t.parked == null && t.statusCumQty <= t.cumQty)
        {
            answerStatus(t, t.statusOrdStatus, t.statusCumQty, t.statusAvgPx, null);
        }
    }

    private void answerStatus(
        final TrackedOrder t, final OrdStatus status, final long cumQty, final long avgPx, final String text)
    {
        final VenueExecution e = execution(t, ExecType.ORDER_STATUS, status);
        e.clOrdId.append(t.statusClOrdId);
        e.cumQty = cumQty;
        e.leavesQty = status == OrdStatus.NEW || status == OrdStatus.PARTIALLY_FILLED ? Math.max(0, t.qty - cumQty) : 0;
        e.lastPx = avgPx;
        if (text != null)
        {
            e.text.append(text);
        }
        LOG.info("event=crypto_status_answered venue={} clOrdId={} status={} cumQty={} avgPx={}", config.name(),
            t.statusClOrdId, status, cumQty, avgPx);
        t.statusClOrdId = null;
        t.statusOrdStatus = null;
        metrics.statusAnswers.incrementAndGet();
        publish(e);
    }

    /** A request was refused by the venue before anything happened (the order does not exist). */
    protected final void venueRejected(final TrackedOrder t, final String text)
    {
        settled(t);
        terminal(t, ExecType.REJECTED, text);
    }

    /** Re-asks the venue about every open order (after a reconnect: the stream may have missed events). */
    /** The replace {@code o} (ClOrdID {@code replaceClOrdId}) is in flight on {@code t}: known by both its ids. */
    private void pendingReplace(final TrackedOrder t, final String replaceClOrdId, final VenueOrder o)
    {
        t.pendingReplaceClOrdId = replaceClOrdId;
        t.pendingReplaceVenueClOrdId = venueClOrdId(replaceClOrdId);
        t.pendingQty = o.qty;
        t.pendingPrice = o.price;
        t.pendingOrdType = o.ordType;
        t.pendingTimeInForce = o.timeInForce;
        byClOrdId.put(replaceClOrdId, t);
        byClOrdId.put(t.pendingReplaceVenueClOrdId, t);
    }

    protected final void catchUpAll()
    {
        metrics.catchUps.incrementAndGet();
        for (final TrackedOrder t : open)
        {
            if (t.isOpen())
            {
                queryStatus(t);
            }
        }
    }

    protected final List<TrackedOrder> openOrders()
    {
        return open;
    }

    private int housekeeping(final long nowMs)
    {
        int work = 0;
        int unknown = 0;
        for (int i = open.size() - 1; i >= 0; i--)
        {
            final TrackedOrder t = open.get(i);
            if (!t.isOpen())
            {
                open.remove(i);
                continue;
            }
            if (t.state == TrackedOrder.State.UNKNOWN)
            {
                unknown++;
                if (nowMs >= t.nextStatusQueryMs)
                {
                    t.statusQueries++;
                    t.nextStatusQueryMs = nowMs + Math.min(5_000, 200L << Math.min(t.statusQueries, 5));
                    queryStatus(t);
                    work++;
                }
            }
            else if (t.parked != null && nowMs >= t.nextStatusQueryMs)
            {
                if (nowMs - t.unknownSinceMs > PARKED_GIVE_UP_MS)
                {
                    LOG.error("event=crypto_terminal_released_without_fills venue={} clOrdId={} venueCum={} ourCum={}",
                        config.name(), t.clOrdId, t.legCumBase + t.parked.legCumQty(), t.cumQty);
                    terminal(t, t.parked.execType(), t.parked.text());
                }
                else
                {
                    t.nextStatusQueryMs = nowMs + PARKED_CATCH_UP_MS;
                    fetchFills(t);
                }
                work++;
            }
        }
        openCount = open.size();
        unknownCount = unknown;
        return work + statusHousekeeping(nowMs);
    }

    /**
     * Sends the status queries the OMS asked for, a few per pass and within the venue's budget; asks again
     * when the venue did not answer; fetches the fills of an answer whose fills are not in, and after
     * {@code PARKED_GIVE_UP_MS} answers with what reached the OMS (never more: nothing counted twice).
     */
    private int statusHousekeeping(final long nowMs)
    {
        int work = 0;
        int asked = 0;
        int i = 0;
        while (i < statusOwed.size())
        {
            final TrackedOrder t = statusOwed.get(i);
            if (t.statusClOrdId == null)
            {
                t.inStatusOwed = false;
                statusOwed.remove(i);
                continue;
            }
            i++;
            if (nowMs < t.nextStatusStepMs)
            {
                continue;
            }
            if (t.statusOrdStatus != null)
            {
                if (nowMs - t.statusAskedMs > PARKED_GIVE_UP_MS)
                {
                    LOG.error("event=crypto_status_answered_without_fills venue={} clOrdId={} venueCum={} ourCum={}",
                        config.name(), t.clOrdId, t.statusCumQty, t.cumQty);
                    answerStatus(t, t.statusOrdStatus, Math.min(t.statusCumQty, t.cumQty), t.statusAvgPx, null);
                }
                else
                {
                    t.nextStatusStepMs = nowMs + PARKED_CATCH_UP_MS;
                    fetchFills(t);
                }
                work++;
            }
            else if (asked < STATUS_QUERIES_PER_PASS && connected && statusQueryAllowed(nowMs))
            {
                asked++;
                // asked again if the answer is lost
                t.nextStatusStepMs = nowMs + config.requestTimeoutMs();
                queryStatus(t);
                work++;
            }
        }
        return work;
    }

    private boolean statusQueryAllowed(final long nowMs)
    {
        if (nowMs - statusWindowStartMs >= 1_000)
        {
            statusWindowStartMs = nowMs;
            statusQueriesInWindow = 0;
        }
        if (statusQueriesInWindow >= statusQueriesPerSecond() || queryBudgetExhausted(nowMs) != null)
        {
            return false;
        }
        statusQueriesInWindow++;
        return true;
    }

    /** How many of the OMS's status queries may go out per second (the venue's limit for order queries, with room). */
    protected int statusQueriesPerSecond()
    {
        return 25;
    }

    /**
     * What is left of the venue's request budget, in parts per million (any thread): 0 while the venue told us
     * to back off (429, Retry-After), else the unused share of its weight window as last reported (the whole
     * budget when it reports none). The smart order router skips a venue below its headroom threshold.
     */
    public long rateLimitHeadroomPpm(final long nowMs)
    {
        if (nowMs < blockedUntilMs)
        {
            return 0;
        }
        final long limit = metrics.rateLimitLimit;
        final long used = metrics.rateLimitUsed;
        return limit <= 0 ? 1_000_000L : Math.max(0, limit - used) * 1_000_000L / limit;
    }

    /** Null while a status query may be sent now, else why not (rate limits): queries wait, orders keep their share. */
    protected String queryBudgetExhausted(final long nowMs)
    {
        return nowMs < blockedUntilMs ? blockedReason : null;
    }

    // ------------------------------------------------------------------ to the OMS

    private VenueExecution execution(final TrackedOrder t, final ExecType execType, final OrdStatus ordStatus)
    {
        final VenueExecution e = execution.reset();
        e.venueId = config.venueId();
        e.venueOrderId.append(t.venueOrderId);
        e.execType = execType;
        e.ordStatus = ordStatus;
        e.cumQty = t.cumQty;
        e.leavesQty = execType == ExecType.NEW || execType == ExecType.TRADE ? Math.max(0, t.qty - t.cumQty) : 0;
        e.receivedNanos = nanoClock.nanoTime();
        return e;
    }

    private void publish(final VenueExecution e)
    {
        if (events == null)
        {
            return;
        }
        while (!events.onExecution(e))
        {
            metrics.eventRetries.incrementAndGet();
            LockSupport.parkNanos(1_000);
        }
    }

    private void publishCancelReject(
        final String clOrdId, final String origClOrdId, final boolean replace, final int code, final String text)
    {
        if (events == null)
        {
            return;
        }
        final VenueCancelReject r = cancelReject.reset();
        r.venueId = config.venueId();
        r.clOrdId.append(clOrdId);
        r.origClOrdId.append(origClOrdId);
        r.replace = replace;
        r.venueReasonCode = code;
        r.receivedNanos = nanoClock.nanoTime();
        r.text.append(text);
        while (!events.onCancelReject(r))
        {
            metrics.eventRetries.incrementAndGet();
            LockSupport.parkNanos(1_000);
        }
    }
}
