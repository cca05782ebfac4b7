package io.meridian.positions.store;

import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.Side;
import io.meridian.positions.store.StoreViews.ReportView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.meridian.positions.store.StoreHarness.AAPL;
import static io.meridian.positions.store.StoreHarness.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's per-order ExecutionReport history ({@code reports.cm3}) against what a real Oms sent the
 * client: every report, in order, with its fields; rebuilt from the journal to the same entries; bounded
 * by its capacity without disturbing the order path; kept for orders a day roll archived.
 */
class OrderReportHistoryTest
{
    @TempDir
    Path dir;

    @Test
    void everyReportSentTheClientIsRecordedInOrderWithItsFields()
    {
        try (StoreHarness h = new StoreHarness(dir))
        {
            final String child = h.order("ACC-1", BTC, Side.BUY, 300_000_000L, 6_000_000L);
            h.fill(BTC.venueId(), child, "T-1", 100_000_000L, 5_999_000L);
            h.fill(BTC.venueId(), child, "T-2", 200_000_000L, 6_000_000L);
            final String orderId = h.clientReports.get(0).orderId.toString();
            h.status("C1", BTC, Side.BUY);
            final String rejected = rejectedOrder(h);

            final List<ReportView> history = h.reader.reports(orderId);
            assertThat(history).extracting(ReportView::execType).containsExactly("A", "0", "F", "F", "I");
            assertThat(history).extracting(ReportView::ordStatus).containsExactly("A", "0", "1", "2", "2");
            assertThat(history).extracting(ReportView::index).containsExactly(1, 2, 3, 4, 5);
            assertSameAsSent(history, sentFor(h, orderId));

            final ReportView fill = history.get(2);
            assertThat(fill.clOrdId()).isEqualTo("C1");
            assertThat(fill.side()).isEqualTo("1");
            assertThat(fill.orderQty()).isEqualByComparingTo("3");
            assertThat(fill.price()).isEqualByComparingTo("60000");
            assertThat(fill.lastQty()).isEqualByComparingTo("1");
            assertThat(fill.lastPx()).isEqualByComparingTo("59990");
            assertThat(fill.cumQty()).isEqualByComparingTo("1");
            assertThat(fill.leavesQty()).isEqualByComparingTo("2");
            assertThat(fill.avgPx()).isEqualByComparingTo("59990");
            assertThat(fill.venueId()).isEqualTo(BTC.venueId());
            assertThat(fill.rejectReason()).isEmpty();
            assertThat(history.get(3).sequence()).isGreaterThan(fill.sequence());
            assertThat(fill.transactTimeNanos()).isPositive();

            final List<ReportView> reject = h.reader.reports(rejected);
            assertThat(reject).hasSize(1);
            assertThat(reject.get(0).execType()).isEqualTo("8");
            assertThat(reject.get(0).rejectReason()).isEqualTo("UNKNOWN_SYMBOL");
            assertThat(reject.get(0).text()).isNotEmpty();
            assertThat(h.reader.reports("NO-SUCH-ORDER")).isEmpty();
            assertThat(h.writer.reportsRecorded()).isEqualTo(6);
        }
    }

    @Test
    void aCancelCarriesItsOrigClOrdIdAndTheHistorySurvivesADayRoll()
    {
        try (StoreHarness h = new StoreHarness(dir))
        {
            final String child = h.order("ACC-1", AAPL, Side.SELL, 1_000, 1_900_000);
            final String orderId = h.clientReports.get(0).orderId.toString();
            final String cancel = h.cancel("C1", AAPL, Side.SELL);
            h.venueReport(AAPL.venueId(), orderId + "-2", ExecType.CANCELED, OrdStatus.CANCELED, "", 0, 0);
            assertThat(child).isEqualTo(orderId + "-1");

            final List<ReportView> history = h.reader.reports(orderId);
            assertThat(history).extracting(ReportView::execType).containsExactly("A", "0", "6", "4");
            assertThat(history.get(2).clOrdId()).isEqualTo(cancel);
            assertThat(history.get(2).origClOrdId()).isEqualTo("C1");
            assertThat(history.get(3).leavesQty()).isEqualByComparingTo(BigDecimal.ZERO);

            h.dayRoll();
            // the order left the sequencer's memory: a status request for it is answered as unknown, recorded nowhere
            h.status(cancel, AAPL, Side.SELL);
            assertThat(h.clientReports.get(h.clientReports.size() - 1).orderId.toString()).isEqualTo("NONE");
            assertThat(h.reader.reports(orderId)).isEqualTo(history);
        }
    }

    @Test
    void theJournalRebuildsTheSameHistoryAndAKeptStoreGetsNoDuplicates()
    {
        final List<String> orderIds = new ArrayList<>();
        final List<List<ReportView>> live = new ArrayList<>();
        final long liveHash;
        try (StoreHarness h = new StoreHarness(dir))
        {
            for (int i = 0; i < 20; i++)
            {
                final String child = h.order("ACC-" + i % 3, i % 2 == 0 ? BTC : AAPL, i % 3 == 0 ? Side.SELL : Side.BUY,
                    i % 2 == 0 ? 200_000_000L : 2_000, i % 2 == 0 ? 6_000_000L : 1_900_000);
                final int venue = i % 2 == 0 ? BTC.venueId() : AAPL.venueId();
                h.fill(venue, child, "T-" + i, i % 2 == 0 ? 100_000_000L : 1_000, i % 2 == 0 ? 6_000_000L : 1_900_000);
                if (i % 4 == 0)
                {
                    h.fill(venue, child, "T-" + i, 100_000_000L, 6_000_000L); // a duplicate: no report
                }
                orderIds.add(h.clientReports.get(h.clientReports.size() - 1).orderId.toString());
            }
            rejectedOrder(h);
            for (final String orderId : orderIds)
            {
                live.add(h.reader.reports(orderId));
                assertSameAsSent(live.get(live.size() - 1), sentFor(h, orderId));
            }
            liveHash = h.reader.stateHash();
        }
        // a restart keeps the store and replays the whole journal over it: every report is written again, none added
        try (StoreHarness kept = new StoreHarness(dir))
        {
            assertThat(kept.store.openedAs()).startsWith("kept");
            assertThat(kept.reader.stateHash()).isEqualTo(liveHash);
            assertThat(kept.writer.reportsRecorded()).isZero();
        }
        try (StoreHarness rebuilt = new StoreHarness(dir, true))
        {
            assertThat(rebuilt.reader.stateHash()).isEqualTo(liveHash);
            for (int i = 0; i < orderIds.size(); i++)
            {
                assertThat(rebuilt.reader.reports(orderIds.get(i))).isEqualTo(live.get(i));
            }
        }
    }

    @Test
    void aFullHistoryDropsLaterReportsCountsThemAndLeavesTheOrderPathAlone()
    {
        final long capacity = 7;
        try (StoreHarness h = new StoreHarness(dir, false, capacity))
        {
            final List<String> orderIds = new ArrayList<>();
            for (int i = 0; i < 4; i++)
            {
                final String child = h.order("ACC-1", AAPL, Side.BUY, 1_000, 1_900_000);
                h.fill(AAPL.venueId(), child, "T-" + i, 1_000, 1_900_000);
                orderIds.add(h.clientReports.get(h.clientReports.size() - 1).orderId.toString());
            }
            // 4 orders x 3 reports sent, every one of them to the client
            assertThat(h.clientReports).hasSize(12);
            assertThat(h.oms.stateListenerFailures()).isZero();
            assertThat(h.reader.reportCount()).isEqualTo(capacity);
            assertThat(h.writer.reportsRecorded()).isEqualTo(capacity);
            assertThat(h.writer.reportsDropped()).isEqualTo(12 - capacity);
            assertThat(h.reader.reports(orderIds.get(0))).hasSize(3);
            assertThat(h.reader.reports(orderIds.get(1))).hasSize(3);
            // a prefix of what was sent: the third order's first report fit, nothing after it did
            assertThat(h.reader.reports(orderIds.get(2))).extracting(ReportView::execType).containsExactly("A");
            assertThat(h.reader.reports(orderIds.get(3))).isEmpty();
            // positions and the order states are still written
            assertThat(h.reader.fillCount()).isEqualTo(4);
            assertThat(h.reader.order(orderIds.get(3))).hasValueSatisfying(o -> assertThat(o.ordStatus).isEqualTo('2'));
        }
        // the same journal over a kept full store, and into an empty one of the same capacity: the same cut
        final long keptHash;
        try (StoreHarness kept = new StoreHarness(dir, false, capacity))
        {
            assertThat(kept.writer.reportsDropped()).isZero(); // everything replayed was below the watermark
            keptHash = kept.reader.stateHash();
        }
        try (StoreHarness rebuilt = new StoreHarness(dir, true, capacity))
        {
            assertThat(rebuilt.writer.reportsDropped()).isEqualTo(12 - capacity);
            assertThat(rebuilt.reader.stateHash()).isEqualTo(keptHash);
        }
    }

    /** A new order for an instrument the registry does not have: one REJECTED report; returns its OrderID. */
    private static String rejectedOrder(final StoreHarness h)
    {
        final io.meridian.oms.api.NewOrderCommand c = new io.meridian.oms.api.NewOrderCommand().reset();
        c.clientId = 1;
        c.clOrdId.append("REJ-").append(h.clientReports.size());
        c.symbol.append("NOPE");
        c.instrumentId = -1;
        c.side = Side.BUY;
        c.ordType = io.meridian.oms.model.OrdType.LIMIT;
        c.qty = 1;
        c.price = 1;
        c.edgeReject = io.meridian.oms.model.OrderRejectReason.NONE;
        if (!h.oms.orderEntry().newOrder(c))
        {
            throw new AssertionError("ring full");
        }
        h.run();
        final ExecutionReport last = h.clientReports.get(h.clientReports.size() - 1);
        assertThat(last.execType).isEqualTo(ExecType.REJECTED);
        return last.orderId.toString();
    }

    private static List<ExecutionReport> sentFor(final StoreHarness h, final String orderId)
    {
        return h.clientReports.stream().filter(r -> r.orderId.toString().equals(orderId)).toList();
    }

    private static void assertSameAsSent(final List<ReportView> recorded, final List<ExecutionReport> sent)
    {
        assertThat(recorded).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++)
        {
            final ExecutionReport s = sent.get(i);
            final ReportView r = recorded.get(i);
            assertThat(r.index()).isEqualTo(i + 1);
            assertThat(r.execId()).isEqualTo(s.execId.toString());
            assertThat(r.execType()).isEqualTo(String.valueOf(s.execType.fixValue()));
            assertThat(r.ordStatus()).isEqualTo(String.valueOf(s.ordStatus.fixValue()));
            assertThat(r.clOrdId()).isEqualTo(s.clOrdId.toString());
            assertThat(r.origClOrdId()).isEqualTo(s.origClOrdId.toString());
            assertThat(r.cumQty()).isEqualTo(BigDecimal.valueOf(s.cumQty, s.qtyScale));
            assertThat(r.leavesQty()).isEqualTo(BigDecimal.valueOf(s.leavesQty, s.qtyScale));
            assertThat(r.lastQty()).isEqualTo(BigDecimal.valueOf(s.lastQty, s.qtyScale));
            assertThat(r.lastPx()).isEqualTo(BigDecimal.valueOf(s.lastPx, s.priceScale));
            assertThat(r.avgPx()).isEqualTo(BigDecimal.valueOf(s.avgPx, s.priceScale));
            assertThat(r.transactTimeNanos()).isEqualTo(s.transactTimeNanos);
            assertThat(r.text()).isEqualTo(s.text.toString());
        }
    }
}
