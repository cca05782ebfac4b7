package io.meridian.positions.store;

import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.Side;
import io.meridian.positions.store.StoreViews.BalanceView;
import io.meridian.positions.store.StoreViews.FillView;
import io.meridian.positions.store.StoreViews.PositionDetail;
import io.meridian.positions.store.StoreViews.PositionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.meridian.positions.store.StoreHarness.AAPL;
import static io.meridian.positions.store.StoreHarness.BTC;
import static org.assertj.core.api.Assertions.assertThat;

class SharedStoreTest
{
    private static final long BTC_1 = 100_000_000L;

    @TempDir
    Path dir;

    @Test
    void fillsBuildPositionsByAverageCostWithRealisedPnlAndImpliedBalances()
    {
        try (StoreHarness h = new StoreHarness(dir))
        {
            final String buy = h.order("A1", BTC, Side.BUY, 2 * BTC_1, 6_300_000);
            h.fill(1, buy, "t1", BTC_1, 6_000_000, 1_000, 6, "BNB");
            h.fill(1, buy, "t2", BTC_1, 6_200_000);
            PositionView p = total(h, "A1", "BTC-USDT");
            assertThat(p.netQty()).isEqualByComparingTo("2");
            assertThat(p.avgCost()).isEqualByComparingTo("61000");
            assertThat(p.realisedPnl()).isEqualByComparingTo("0");

            final String sell = h.order("A1", BTC, Side.SELL, 3 * BTC_1, 6_300_000);
            h.fill(1, sell, "t3", 3 * BTC_1, 6_300_000);
            p = total(h, "A1", "BTC-USDT");
            assertThat(p.netQty()).isEqualByComparingTo("-1");
            assertThat(p.realisedPnl()).isEqualByComparingTo("4000");
            assertThat(p.avgCost()).isEqualByComparingTo("63000");
            assertThat(p.openCost()).isEqualByComparingTo("63000");
            assertThat(p.fills()).isEqualTo(3);

            final String aapl = h.order("A2", AAPL, Side.BUY, 100, 1_900_000);
            h.fill(0, aapl, "e1", 100, 1_900_000);

            final Map<String, BalanceView> balances = h.reader.balances().stream()
                .collect(Collectors.toMap(b -> b.venueId() + "|" + b.asset(), Function.identity()));
            assertThat(balances.get("1|BTC").implied()).isEqualByComparingTo("-1");
            assertThat(balances.get("1|USDT").implied()).isEqualByComparingTo("67000");
            assertThat(balances.get("1|BNB").implied()).isEqualByComparingTo("-0.001");
            assertThat(balances.get("0|AAPL").implied()).isEqualByComparingTo("100");
            assertThat(balances.get("0|USD").implied()).isEqualByComparingTo("-19000");

            final PositionDetail detail = h.reader.position("A1", "BTC-USDT").orElseThrow();
            assertThat(detail.venues()).singleElement().satisfies(v -> assertThat(v.venueId()).isEqualTo(1));
            assertThat(detail.fills()).extracting(FillView::venueTradeId).containsExactly("t1", "t2", "t3");
            assertThat(detail.fills().get(0).fee()).isEqualByComparingTo("0.001");
            assertThat(detail.fills().get(0).feeAsset()).isEqualTo("BNB");
            assertThat(detail.fills().get(0).venueTimeNanos()).isPositive().isLessThan(detail.fills().get(0).receivedNanos());

            final FillView first = h.reader.fills(null, 1, 0, false).get(0);
            assertThat(h.reader.fills(first.orderId(), null, 0, false)).extracting(FillView::venueTradeId)
                .containsExactly("t1", "t2");
            assertThat(h.reader.fills(null, null, detail.fills().get(2).receivedNanos(), false))
                .extracting(FillView::venueTradeId).containsExactly("t3", "e1");

            assertThat(h.reader.order(first.orderId()).orElseThrow().cumQty).isEqualTo(2 * BTC_1);
            assertThat(h.reader.venueOrder(first.orderId()).orElseThrow().reports()).isEqualTo(3);
        }
    }

    @Test
    void theSameFillByThreePathsCountsOnce()
    {
        try (StoreHarness h = new StoreHarness(dir))
        {
            final String child = h.order("A1", BTC, Side.BUY, 2 * BTC_1, 6_000_000);
            h.fill(1, child, "T-1", BTC_1, 6_000_000);                  // live stream
            h.fill(1, child, "T-1", BTC_1, 6_000_000);                  // replayed after a reconnect (PossDup)
            h.nowNanos += 1_000_000_000L;
            h.fill(1, child, "T-1", BTC_1, 6_000_000);                  // found again by reconciliation, later
            assertThat(h.reader.fills(null, null, 0, false)).hasSize(1);
            assertThat(total(h, "A1", "BTC-USDT").netQty()).isEqualByComparingTo("1");
            assertThat(h.reportsSeen).hasSize(1);
            assertThat(h.oms.metrics().duplicateFillsIgnored()).isEqualTo(2);
        }
    }

    @Test
    void fillsInReverseOrderGiveTheSamePosition()
    {
        final long[][] fills = {{BTC_1, 6_000_000}, {BTC_1 / 2, 6_100_000}, {BTC_1 / 4, 6_250_000}};
        PositionView forward;
        PositionView reverse;
        List<BalanceView> forwardBalances;
        List<BalanceView> reverseBalances;
        try (StoreHarness h = new StoreHarness(dir.resolve("forward")))
        {
            final String child = h.order("A1", BTC, Side.BUY, 2 * BTC_1, 6_300_000);
            for (int i = 0; i < fills.length; i++)
            {
                h.fill(1, child, "t" + i, fills[i][0], fills[i][1]);
            }
            forward = total(h, "A1", "BTC-USDT");
            forwardBalances = h.reader.balances();
        }
        try (StoreHarness h = new StoreHarness(dir.resolve("reverse")))
        {
            final String child = h.order("A1", BTC, Side.BUY, 2 * BTC_1, 6_300_000);
            for (int i = fills.length - 1; i >= 0; i--)
            {
                h.fill(1, child, "t" + i, fills[i][0], fills[i][1]);
            }
            reverse = total(h, "A1", "BTC-USDT");
            reverseBalances = h.reader.balances();
        }
        assertThat(reverse.netQty()).isEqualByComparingTo(forward.netQty()).isEqualByComparingTo("1.75");
        assertThat(reverse.avgCost()).isEqualByComparingTo(forward.avgCost());
        assertThat(reverse.openCost()).isEqualByComparingTo(forward.openCost()).isEqualByComparingTo("106125");
        assertThat(reverse.fills()).isEqualTo(forward.fills()).isEqualTo(3);
        assertThat(reverseBalances).extracting(BalanceView::asset, BalanceView::implied)
            .isEqualTo(forwardBalances.stream().map(b -> org.assertj.core.groups.Tuple.tuple(b.asset(), b.implied()))
                .collect(Collectors.toList()));
    }

    @Test
    void aFillForAnUnknownOrderIsKeptOnceAndMovesNoPosition()
    {
        try (StoreHarness h = new StoreHarness(dir))
        {
            h.venueReport(1, "SOMEONE-ELSE-1", ExecType.TRADE, OrdStatus.FILLED, "X-9", BTC_1, 6_000_000);
            h.venueReport(1, "SOMEONE-ELSE-1", ExecType.TRADE, OrdStatus.FILLED, "X-9", BTC_1, 6_000_000);
            final List<FillView> unknown = h.reader.fills(null, null, 0, true);
            assertThat(unknown).singleElement().satisfies(f ->
            {
                assertThat(f.known()).isFalse();
                assertThat(f.venueClOrdId()).isEqualTo("SOMEONE-ELSE-1");
                assertThat(f.qty()).isEqualByComparingTo(BigDecimal.valueOf(BTC_1));
            });
            assertThat(h.reader.positions()).isEmpty();
            assertThat(h.writer.unknownOrderFills()).isEqualTo(1);
            assertThat(h.reader.venueOrders()).singleElement()
                .satisfies(v -> assertThat(v.reports()).isEqualTo(2));
        }
    }

    @Test
    void replayingTheJournalRebuildsTheSameStore()
    {
        final long storeHash;
        final long omsHash;
        final List<PositionView> positions;
        try (StoreHarness h = new StoreHarness(dir))
        {
            final String a = h.order("A1", BTC, Side.BUY, 2 * BTC_1, 6_300_000);
            h.fill(1, a, "t1", BTC_1, 6_000_000, 25, 2, "USDT");
            final String b = h.order("A2", AAPL, Side.SELL, 300, 1_900_000);
            h.fill(0, b, "e1", 100, 1_900_000);
            h.fill(0, b, "e2", 200, 1_910_000);
            h.venueReport(1, "UNKNOWN-1", ExecType.TRADE, OrdStatus.FILLED, "X-1", BTC_1, 6_000_000);
            h.reportedBalance(1, "USDT", 100_000_00000000L);
            assertThat(h.reader.balances()).filteredOn(bv -> bv.asset().equals("USDT")).singleElement()
                .satisfies(bv -> assertThat(bv.difference()).isEqualByComparingTo("160000.25"));
            storeHash = h.reader.stateHash();
            omsHash = h.omsHash();
            positions = h.reader.positions();
            assertThat(positions).hasSize(4);
            // the raw totals (the exposure engine's read) are the over-all-venues views, unscaled
            final List<String> totals = new java.util.ArrayList<>();
            h.reader.forEachTotalPosition((account, instrumentId, netQty) ->
                totals.add(account + "|" + instrumentId + "|" + netQty));
            assertThat(totals).containsExactlyInAnyOrderElementsOf(positions.stream().filter(p -> p.venueId() == null)
                .map(p -> p.account() + "|" + p.instrumentId() + "|" +
                    p.netQty().movePointRight(p.instrumentId() == BTC.id() ? BTC.qtyScale() : AAPL.qtyScale())
                        .longValueExact())
                .toList());
            assertThat(totals).hasSize(2);
        }
        try (StoreHarness h = new StoreHarness(dir))
        {
            assertThat(h.omsHash()).isEqualTo(omsHash);
            assertThat(h.reader.stateHash()).isEqualTo(storeHash);
            assertThat(h.reader.positions()).isEqualTo(positions);
            assertThat(h.reader.fills(null, null, 0, false)).hasSize(4);
            assertThat(h.reader.balances()).filteredOn(bv -> bv.asset().equals("USDT")).singleElement()
                .satisfies(bv ->
                {
                    assertThat(bv.implied()).isEqualByComparingTo("-60000.25");
                    assertThat(bv.reported()).as("the reported balance replays from the journal").isEqualByComparingTo("100000");
                });
            // one more fill changes the hash: the hash covers the ledger
            h.fill(0, "T-none", "e9", 1, 1);
            assertThat(h.reader.stateHash()).isNotEqualTo(storeHash);
        }
    }

    @Test
    void anotherReaderOpensTheFilesAndSeesLiveUpdates()
    {
        try (StoreHarness h = new StoreHarness(dir))
        {
            final String a = h.order("A1", BTC, Side.BUY, 2 * BTC_1, 6_300_000);
            try (SharedStore other = SharedStore.openForReading(dir.resolve("store")))
            {
                final StoreReader reader = new StoreReader(other);
                assertThat(reader.positions()).isEmpty();
                h.fill(1, a, "t1", BTC_1, 6_000_000);
                assertThat(reader.positions()).extracting(PositionView::netQty)
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.ONE, BigDecimal.ONE);
                assertThat(reader.stateHash()).isEqualTo(h.reader.stateHash());
            }
        }
    }

    @Test
    void writesDoNotAllocateInSteadyState()
    {
        try (SharedStore store = SharedStore.createForWriter(new StoreConfig().dir(dir).fills(200_000).reports(200_000)))
        {
            final StoreWriter writer = new StoreWriter(store);
            final FixedOrderView order = new FixedOrderView();
            // the client's report of each fill, recorded in the order's report history
            final ExecutionReport report = new ExecutionReport();
            report.orderId.append(order.orderId());
            report.clOrdId.append("C-1");
            report.execType = ExecType.TRADE;
            report.ordStatus = OrdStatus.PARTIALLY_FILLED;
            report.side = Side.BUY;
            report.text.append("filled at the venue");
            report.customFields.append("30=SIMVENUE\u0001");
            final VenueExecution fill = new VenueExecution();
            fill.venueId = 1;
            fill.execType = ExecType.TRADE;
            fill.ordStatus = OrdStatus.PARTIALLY_FILLED;
            fill.clOrdId.append("T1.1-1");
            fill.venueOrderId.append("V-1");
            fill.lastQty = 1_000;
            fill.lastPx = 6_000_000;
            fill.fee = 5;
            fill.feeScale = 8;
            fill.feeAsset.append("BNB");
            final int warmUp = 20_000;
            final int measured = 20_000;
            for (int i = 0; i < warmUp + measured; i++)
            {
                if (i == warmUp)
                {
                    allocatedBefore = allocated();
                }
                fill.venueExecId.setLength(0);
                fill.venueExecId.append("EXEC-").append(i);
                fill.receivedNanos = i;
                order.cumQty += fill.lastQty;
                order.updatedNanos = i;
                writer.onVenueReport(order, fill);
                writer.onFill(order, fill, i);
                writer.onOrderUpdated(order);
                report.execId.setLength(0);
                report.execId.append('E').append(i);
                report.lastQty = fill.lastQty;
                report.cumQty = order.cumQty;
                report.transactTimeNanos = i;
                writer.onClientReport(order, report, i + 1);
            }
            final long bytesPerFill = (allocated() - allocatedBefore) / measured;
            assertThat(store.fills().longSize()).isEqualTo(warmUp + measured);
            assertThat(store.reports().longSize()).isEqualTo(warmUp + measured);
            assertThat(bytesPerFill).isZero();
        }
    }

    private long allocatedBefore;

    private static long allocated()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static PositionView total(final StoreHarness h, final String account, final String symbol)
    {
        return h.reader.positions().stream()
            .filter(p -> p.account().equals(account) && p.symbol().equals(symbol) && p.venueId() == null)
            .findFirst().orElseThrow();
    }
}
