package io.meridian.venues.crypto;

import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.Balance;
import io.meridian.simulators.exchange.Fill;
import io.meridian.simulators.exchange.NewOrder;
import io.meridian.simulators.exchange.OrderView;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.venues.view.VenueView;
import io.meridian.venues.view.ViewRequest;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A crypto bridge against its venue's simulator on loopback sockets: what {@code requestView} answers
 * must be what the simulator holds (exact decimals, Meridian's ClOrdIDs and instrument symbols), a fill
 * the stream never delivered reaches the OMS once through the view, balances pushed reach the listener.
 */
abstract class CryptoVenueViewTestBase
{
    static final long SEED = 11;
    static final long WAIT_MS = 10_000;

    CryptoVenueBridge bridge;
    AgentRunner runner;
    final List<Execution> executions = new CopyOnWriteArrayList<>();
    final List<VenueView.Balance> pushedBalances = new CopyOnWriteArrayList<>();
    private int orders;

    /** An execution as the OMS received it. */
    record Execution(String clOrdId, ExecType execType, OrdStatus ordStatus, String venueExecId, long lastQty, long lastPx)
    {
    }

    /** The simulator under the bridge. */
    abstract void startSimulator();

    abstract void closeSimulator();

    abstract CryptoVenueConfig config();

    abstract CryptoVenueBridge newBridge(CryptoVenueConfig config);

    abstract <T> T onExchange(Function<SimulatedExchange, T> query);

    abstract FaultPlan faults();

    /** Our instrument symbol of BTC-USDT at this venue. */
    abstract String instrument();

    /** The venue's BTC-USDT. */
    abstract String venueSymbol();

    @BeforeEach
    void start()
    {
        startSimulator();
        bridge = newBridge(config().withMarketData(false));
        bridge.balanceListener((venueId, balance) -> pushedBalances.add(balance));
        bridge.venueEvents(new VenueEvents()
        {
            public boolean onExecution(final VenueExecution e)
            {
                executions.add(new Execution(e.clOrdId.toString(), e.execType, e.ordStatus, e.venueExecId.toString(),
                    e.lastQty, e.lastPx));
                return true;
            }

            public boolean onCancelReject(final VenueCancelReject reject)
            {
                return true;
            }

            public boolean onVenueSessionState(final int venueId, final boolean connected)
            {
                return true;
            }
        });
        runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, bridge);
        AgentRunner.startOnThread(runner);
        await(bridge::isConnected, "bridge connected");
        await(() -> !"down".equals(bridge.status().userStream()), "user stream subscribed");
    }

    @AfterEach
    void stop()
    {
        CloseHelper.closeAll(runner);
        closeSimulator();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theViewIsWhatTheVenueHolds() throws Exception
    {
        final String sell = place(Side.SELL, "60000", "0.01");
        final String buy = place(Side.BUY, "59000", "0.02");
        awaitExecution(sell, ExecType.NEW);
        awaitExecution(buy, ExecType.NEW);
        takerBuys("60000", "0.004");
        awaitExecution(sell, ExecType.TRADE);

        final VenueView view = bridge.requestView(new ViewRequest(Map.of(), true, WAIT_MS)).get(WAIT_MS, TimeUnit.MILLISECONDS);

        assertThat(view.venueId()).isEqualTo(config().venueId());
        assertThat(view.balancesAsked()).isTrue();
        final List<OrderView> open = onExchange(ex -> ex.openOrders("trader1", venueSymbol()));
        assertThat(open).hasSize(2);
        assertThat(view.openOrders()).hasSize(2);
        for (final OrderView o : open)
        {
            final VenueView.OpenOrder seen = view.openOrders().stream()
                .filter(v -> v.venueOrderId().equals(Long.toString(o.orderId()))).findFirst().orElseThrow();
            assertThat(seen.clOrdId()).isEqualTo(o.side() == io.meridian.simulators.matching.Side.SELL ? sell : buy);
            assertThat(seen.symbol()).isEqualTo(instrument());
            assertThat(seen.side()).isEqualTo(o.side() == io.meridian.simulators.matching.Side.BUY ? '1' : '2');
            assertThat(seen.orderQty()).isEqualByComparingTo(dec(o.origQty()));
            assertThat(seen.price()).isEqualByComparingTo(dec(o.price()));
            assertThat(seen.cumQty()).isEqualByComparingTo(dec(o.executedQty()));
            assertThat(seen.leavesQty()).isEqualByComparingTo(dec(o.origQty() - o.executedQty()));
        }
        assertThat(view.openOrders()).filteredOn(o -> o.clOrdId().equals(sell))
            .singleElement().satisfies(o ->
            {
                assertThat(o.cumQty()).isEqualByComparingTo("0.004");
                assertThat(o.leavesQty()).isEqualByComparingTo("0.006");
                assertThat(o.status()).isEqualTo('1');
            });

        final List<Fill> fills = onExchange(ex -> ex.trades("trader1", venueSymbol()));
        assertThat(fills).hasSize(1);
        final Fill fill = fills.get(0);
        assertThat(view.trades()).singleElement().satisfies(t ->
        {
            assertThat(t.venueTradeId()).isEqualTo(Long.toString(fill.tradeId()));
            assertThat(t.clOrdId()).isEqualTo(sell);
            assertThat(t.venueOrderId()).isEqualTo(Long.toString(fill.orderId()));
            assertThat(t.symbol()).isEqualTo(instrument());
            assertThat(t.side()).isEqualTo('2');
            assertThat(t.qty()).isEqualByComparingTo(dec(fill.qty()));
            assertThat(t.price()).isEqualByComparingTo(dec(fill.price()));
            assertThat(t.fee()).isEqualByComparingTo(dec(fill.commission()));
            assertThat(t.feeAsset()).isEqualTo(fill.commissionAsset());
        });

        assertBalancesAsSimulator(view, Map.of());
        // the trade had reached the OMS by the stream: the view added nothing
        assertThat(executions).filteredOn(e -> e.execType() == ExecType.TRADE).hasSize(1);
        assertThat(bridge.metrics().viewRecoveredFills()).isZero();
    }

    @Test
    void onlyTradesAfterTheReconciledIdAreAsked() throws Exception
    {
        final String sell = place(Side.SELL, "60000", "0.01");
        awaitExecution(sell, ExecType.NEW);
        takerBuys("60000", "0.003");
        takerBuys("60000", "0.002");
        await(() -> executions.stream().filter(e -> e.execType() == ExecType.TRADE).count() == 2, "two fills");
        final List<Fill> fills = onExchange(ex -> ex.trades("trader1", venueSymbol()));
        assertThat(fills).hasSize(2);

        final VenueView all = view(Map.of());
        final VenueView later = view(Map.of(instrument(), Long.toString(fills.get(0).tradeId())));

        assertThat(all.trades()).extracting(VenueView.Trade::venueTradeId)
            .containsExactly(Long.toString(fills.get(0).tradeId()), Long.toString(fills.get(1).tradeId()));
        assertThat(later.trades()).extracting(VenueView.Trade::venueTradeId)
            .containsExactly(Long.toString(fills.get(1).tradeId()));
        assertThat(later.trades().get(0).qty()).isEqualByComparingTo("0.002");
        assertThat(later.balancesAsked()).isFalse();
        assertThat(later.balances()).isEmpty();
    }

    @Test
    void aFillTheStreamDroppedReachesTheOmsOnceThroughTheView() throws Exception
    {
        final String sell = place(Side.SELL, "60000", "0.01");
        awaitExecution(sell, ExecType.NEW);
        faults().inject(FaultSpec.of(FaultType.DROP_FILL_EVENTS).times(1));
        takerBuys("60000", "0.01");
        final List<Fill> fills = onExchange(ex -> ex.trades("trader1", venueSymbol()));
        assertThat(fills).hasSize(1);
        final String tradeId = Long.toString(fills.get(0).tradeId());
        // a marker order placed after the fill: once its ack is in, the dropped fill would have been too
        final String marker = place(Side.BUY, "59000", "0.01");
        awaitExecution(marker, ExecType.NEW);
        Thread.sleep(200);
        assertThat(executions).filteredOn(e -> e.execType() == ExecType.TRADE).isEmpty();

        final VenueView first = view(Map.of());
        final VenueView second = view(Map.of());

        assertThat(first.trades()).extracting(VenueView.Trade::venueTradeId).containsExactly(tradeId);
        assertThat(second.trades()).extracting(VenueView.Trade::venueTradeId).containsExactly(tradeId);
        await(() -> executions.stream().anyMatch(e -> e.execType() == ExecType.TRADE), "the recovered fill");
        Thread.sleep(200);
        assertThat(executions).filteredOn(e -> e.execType() == ExecType.TRADE).singleElement().satisfies(e ->
        {
            assertThat(e.clOrdId()).isEqualTo(sell);
            assertThat(e.venueExecId()).isEqualTo(venueSymbol() + ":" + tradeId);
            assertThat(e.ordStatus()).isEqualTo(OrdStatus.FILLED);
            assertThat(e.lastQty()).isEqualTo(1_000_000L);
            assertThat(e.lastPx()).isEqualTo(6_000_000L);
        });
        assertThat(bridge.metrics().viewRecoveredFills()).isEqualTo(1);
        assertThat(first.openOrders()).extracting(VenueView.OpenOrder::clOrdId).containsExactly(marker);
    }

    @Test
    void aForgottenOrderIsNotInTheView() throws Exception
    {
        faults().inject(FaultSpec.of(FaultType.FORGET_ORDER).times(1).withParam(20));
        final String forgotten = place(Side.BUY, "59000", "0.01");
        awaitExecution(forgotten, ExecType.NEW);
        final String kept = place(Side.BUY, "58000", "0.01");
        awaitExecution(kept, ExecType.NEW);
        await(() -> onExchange(ex -> ex.openOrders("trader1", venueSymbol())).size() == 1, "the venue forgot the order");

        final VenueView view = view(Map.of());

        assertThat(view.openOrders()).extracting(VenueView.OpenOrder::clOrdId).containsExactly(kept);
        assertThat(executions).filteredOn(e -> e.clOrdId().equals(forgotten)).extracting(Execution::execType)
            .containsExactly(ExecType.NEW);
    }

    @Test
    void aBalancePushReachesTheListener() throws Exception
    {
        onExchange(ex ->
        {
            ex.adjustBalance("trader1", "USDT", Amounts.of("-250.5"));
            return null;
        });
        final Balance usdt = onExchange(ex -> ex.balance("trader1", "USDT"));
        await(() -> pushedBalances.stream().anyMatch(b -> b.asset().equals("USDT") && b.free().compareTo(dec(usdt.free())) == 0),
            "USDT pushed as " + dec(usdt.free()) + ", pushed: " + pushedBalances);
        final VenueView.Balance pushed = pushedBalances.stream()
            .filter(b -> b.asset().equals("USDT") && b.free().compareTo(dec(usdt.free())) == 0).findFirst().orElseThrow();
        assertThat(pushed.locked()).isEqualByComparingTo(dec(usdt.locked()));
        assertThat(pushed.venueTimeNanos()).isPositive();

        // an order locks funds: the push says so
        final String buy = place(Side.BUY, "59000", "0.01");
        awaitExecution(buy, ExecType.NEW);
        await(() -> pushedBalances.stream().anyMatch(b -> b.asset().equals("USDT") && b.locked().compareTo(new BigDecimal("590")) == 0),
            "590 USDT locked pushed, pushed: " + pushedBalances);
    }

    @Test
    void movedAndDriftedBalancesShowInTheView() throws Exception
    {
        onExchange(ex ->
        {
            ex.adjustBalance("trader1", "BTC", Amounts.of("-0.5"));
            return null;
        });
        final VenueView moved = view(Map.of(), true);
        assertBalancesAsSimulator(moved, Map.of());
        assertThat(balance(moved, "BTC").free()).isEqualByComparingTo("9.5");

        faults().inject(FaultSpec.of(FaultType.BALANCE_DRIFT).withAsset("USDT").withParam(Amounts.of("12.5")));
        final VenueView drifted = view(Map.of(), true);
        assertBalancesAsSimulator(drifted, Map.of("USDT", new BigDecimal("12.5")));
    }

    @Test
    void anUnreachableVenueFailsTheViewWithTheReason() throws Exception
    {
        faults().inject(FaultSpec.of(FaultType.VENUE_DOWN).forMillis(3_000));
        assertThatThrownBy(() -> bridge.requestView(new ViewRequest(Map.of(), true, 2_000)).get(WAIT_MS, TimeUnit.MILLISECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().satisfiesAnyOf(
                cause -> assertThat(cause).isInstanceOf(VenueViewException.class).hasMessageContaining(config().name())
                    .hasMessageContaining("not answered"),
                cause -> assertThat(cause).isInstanceOf(java.util.concurrent.TimeoutException.class)
                    .hasMessageContaining(config().name()));
    }

    @Test
    void aVenueErrorFailsTheViewWithTheVenuesCode() throws Exception
    {
        faults().inject(FaultSpec.of(FaultType.MAINTENANCE).forMillis(60_000));
        assertThatThrownBy(() -> bridge.requestView(new ViewRequest(Map.of(), true, 5_000)).get(WAIT_MS, TimeUnit.MILLISECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOf(VenueViewException.class)
            .hasMessageContaining(config().name() + " GET ")
            .hasMessageContaining("HTTP 503")
            .satisfies(cause -> assertThat(((VenueViewException)cause).venueCode()).isNotEmpty());
    }

    @Test
    void aReconciledTradeIdThatIsNotTheVenuesFailsTheView()
    {
        assertThatThrownBy(() -> view(Map.of(instrument(), "abc")))
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOf(VenueViewException.class)
            .hasMessage(config().name() + " trade id abc of " + venueSymbol() + " is not a number");
    }

    // ------------------------------------------------------------------ helpers

    VenueView view(final Map<String, String> since) throws Exception
    {
        return view(since, false);
    }

    VenueView view(final Map<String, String> since, final boolean balances) throws Exception
    {
        return bridge.requestView(new ViewRequest(since, balances, WAIT_MS)).get(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    static VenueView.Balance balance(final VenueView view, final String asset)
    {
        return view.balances().stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    }

    void assertBalancesAsSimulator(final VenueView view, final Map<String, BigDecimal> drift)
    {
        final List<Balance> held = onExchange(ex -> ex.balances("trader1"));
        assertThat(held).isNotEmpty();
        for (final Balance b : held)
        {
            final VenueView.Balance seen = balance(view, b.asset());
            assertThat(seen.free()).as(b.asset() + " free")
                .isEqualByComparingTo(dec(b.free()).add(drift.getOrDefault(b.asset(), BigDecimal.ZERO)));
            assertThat(seen.locked()).as(b.asset() + " locked").isEqualByComparingTo(dec(b.locked()));
        }
    }

    static BigDecimal dec(final long scaled)
    {
        return BigDecimal.valueOf(scaled, 8);
    }

    /** A limit GTC order through the bridge, as the OMS offers it; returns its ClOrdID. */
    String place(final Side side, final String price, final String qty)
    {
        final VenueOrder o = new VenueOrder().reset();
        o.venueId = config().venueId();
        final String clOrdId = "TPFGVI." + (++orders) + "-1";
        o.clOrdId.append(clOrdId);
        o.symbol.append(instrument());
        o.side = side;
        o.ordType = OrdType.LIMIT;
        o.timeInForce = TimeInForce.GTC;
        o.priceScale = 2;
        o.qtyScale = 8;
        o.price = new BigDecimal(price).movePointRight(2).longValueExact();
        o.qty = new BigDecimal(qty).movePointRight(8).longValueExact();
        assertThat(bridge.offer(VenueRequestRing.NEW_ORDER, o)).isTrue();
        return clOrdId;
    }

    /** trader2 buys on the venue (outside Meridian), taking our sell at {@code price}. */
    void takerBuys(final String price, final String qty)
    {
        final boolean accepted = onExchange(ex -> ex.submit(NewOrder.limit("trader2", venueSymbol(),
            io.meridian.simulators.matching.Side.BUY, io.meridian.simulators.matching.TimeInForce.IOC, Amounts.of(price),
            Amounts.of(qty), null)).accepted());
        assertThat(accepted).isTrue();
    }

    Execution awaitExecution(final String clOrdId, final ExecType type)
    {
        await(() -> find(clOrdId, type).isPresent(), clOrdId + " " + type + ", seen " + executions);
        return find(clOrdId, type).orElseThrow();
    }

    private Optional<Execution> find(final String clOrdId, final ExecType type)
    {
        return executions.stream().filter(e -> e.clOrdId().equals(clOrdId) && e.execType() == type).findFirst();
    }

    static void await(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("not within " + WAIT_MS + " ms: " + what);
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
