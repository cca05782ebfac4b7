package io.meridian.oms;

import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.OrderStateListener;
import io.meridian.oms.api.OrderView;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateProjectionTest
{
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private final OrderStateListener recorder = new OrderStateListener()
    {
        public void onOrderUpdated(final OrderView order)
        {
            seen.add("order " + order.orderId() + " cum=" + order.cumQty() + " " + order.ordStatus());
        }

        public void onFill(final OrderView order, final VenueExecution fill, final long sequence)
        {
            seen.add("fill " + (order == null ? "?" : order.orderId()) + " " + fill.venueExecId + " qty=" +
                fill.lastQty + " seq=" + sequence);
        }

        public void onVenueReport(final OrderView order, final VenueExecution report)
        {
            seen.add("report " + (order == null ? "?" : order.orderId()) + " " + report.clOrdId + " " + report.execType);
        }
    };

    @Test
    void inlineNothingReachesTheListenerBeforePublishThenEverythingInOrderWithTheStateAtTheCall()
    {
        final StateProjection projection = new StateProjection(8, errors::add);
        projection.target(recorder);
        final TestOrder order = new TestOrder("O1");

        projection.onOrderUpdated(order);
        order.cumQty = 5;
        order.ordStatus = OrdStatus.PARTIALLY_FILLED;
        projection.onVenueReport(order, execution("V1", "T1", 5));
        projection.onFill(order, execution("V1", "T1", 5), 42);
        order.cumQty = 7;
        assertThat(seen).as("held until published").isEmpty();

        assertThat(projection.publish()).isEqualTo(3);
        assertThat(seen).containsExactly(
            "order O1 cum=0 NEW",
            "report O1 V1 TRADE",
            "fill O1 T1 qty=5 seq=42");
    }

    @Test
    void aClientReportCrossesTheRingWithEveryFieldAndItsIndex()
    {
        final StateProjection projection = new StateProjection(8, errors::add);
        final List<String> reports = new ArrayList<>();
        projection.target(new OrderStateListener()
        {
            public void onClientReport(final OrderView order, final ExecutionReport report, final int index)
            {
                reports.add(index + " " + order.orderId() + " " + describe(report));
            }
        });
        final TestOrder order = new TestOrder("O1");
        final ExecutionReport sent = new ExecutionReport();
        sent.clientId = 3;
        sent.orderId.append("O1");
        sent.execId.append("E7");
        sent.clOrdId.append("C2");
        sent.origClOrdId.append("C1");
        sent.statusReqId.append("S9");
        sent.account.append("");
        sent.symbol.append("BTC-USDT");
        sent.execType = ExecType.TRADE;
        sent.ordStatus = OrdStatus.PARTIALLY_FILLED;
        sent.side = Side.SELL;
        sent.ordType = OrdType.LIMIT;
        sent.timeInForce = TimeInForce.IOC;
        sent.priceScale = 2;
        sent.qtyScale = 8;
        sent.orderQty = 300_000_000L;
        sent.price = 6_010_000L;
        sent.lastQty = 100_000_000L;
        sent.lastPx = 6_009_950L;
        sent.cumQty = 200_000_000L;
        sent.leavesQty = 100_000_000L;
        sent.avgPx = 6_009_975L;
        sent.transactTimeNanos = 1_765_000_000_123_456_789L;
        sent.rejectReason = OrderRejectReason.NONE;
        sent.text.append("partial");
        sent.customFields.append("30=BINANCE\u0001");
        final String expected = "4 O1 " + describe(sent);

        projection.onClientReport(order, sent, 4);
        // the sequencer reuses its report for the next one before the ring is published
        sent.reset();
        sent.rejectReason = OrderRejectReason.UNKNOWN_SYMBOL;
        projection.onClientReport(order, sent, 5);
        projection.publish();

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).isEqualTo(expected);
        assertThat(reports.get(1)).startsWith("5 O1 ").contains("reject=UNKNOWN_SYMBOL").contains("execId= ");
    }

    private static String describe(final ExecutionReport r)
    {
        return "client=" + r.clientId + " orderId=" + r.orderId + " execId=" + r.execId + " clOrdId=" + r.clOrdId +
            " orig=" + r.origClOrdId + " statusReq=" + r.statusReqId + " account=" + r.account + " symbol=" + r.symbol +
            " " + r.execType + " " + r.ordStatus + " " + r.side + " " + r.ordType + " " + r.timeInForce +
            " scales=" + r.priceScale + "/" + r.qtyScale + " qty=" + r.orderQty + " px=" + r.price +
            " last=" + r.lastQty + "@" + r.lastPx + " cum=" + r.cumQty + " leaves=" + r.leavesQty + " avg=" + r.avgPx +
            " time=" + r.transactTimeNanos + " reject=" + r.rejectReason + " text=" + r.text + " custom=" + r.customFields;
    }

    @Test
    void anOrderChangedTwiceBeforeAPublishIsWrittenOnceWithItsLatestState()
    {
        final StateProjection projection = new StateProjection(8, errors::add);
        projection.target(recorder);
        final TestOrder order = new TestOrder("O1");
        final TestOrder other = new TestOrder("O2");
        projection.onOrderUpdated(order);
        projection.onOrderUpdated(other);
        order.cumQty = 3;
        projection.onOrderUpdated(order);
        projection.publish();
        order.cumQty = 4;
        projection.onOrderUpdated(order);
        projection.publish();

        assertThat(seen).containsExactly("order O1 cum=3 NEW", "order O2 cum=0 NEW", "order O1 cum=4 NEW");
    }

    @Test
    void aListenerThatThrowsIsReportedAndSkippedWithoutHoldingTheRing()
    {
        final StateProjection projection = new StateProjection(4, errors::add);
        projection.target(new OrderStateListener()
        {
            public void onFill(final OrderView order, final VenueExecution fill, final long sequence)
            {
                if (sequence % 3 == 0)
                {
                    throw new IllegalStateException("store closed");
                }
                seen.add("fill " + sequence);
            }
        });
        for (int i = 1; i <= 10; i++)
        {
            projection.onFill(null, execution("V", "T" + i, i), i);
        }
        projection.publish();

        assertThat(seen).containsExactly("fill 1", "fill 2", "fill 4", "fill 5", "fill 7", "fill 8", "fill 10");
        assertThat(projection.failures()).isEqualTo(3);
        assertThat(errors).hasSize(3).allMatch(e -> e.getMessage().equals("store closed"));
    }

    @Test
    void aFullRingIsDrainedNotDropped()
    {
        final StateProjection projection = new StateProjection(4, errors::add);
        projection.target(recorder);
        for (int i = 0; i < 10; i++)
        {
            projection.onFill(null, execution("V", "T" + i, i), i);
        }
        projection.publish();
        assertThat(seen).hasSize(10);
        for (int i = 0; i < 10; i++)
        {
            assertThat(seen.get(i)).isEqualTo("fill ? T" + i + " qty=" + i + " seq=" + i);
        }
    }

    @Test
    void onItsOwnThreadTheListenerGetsEverythingInOrderAndAwaitDrainedIsAConsistentCut() throws Exception
    {
        final StateProjection projection = new StateProjection(16, errors::add);
        projection.target(recorder);
        final AgentRunner runner = new AgentRunner(
            new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, projection.agent());
        AgentRunner.startOnThread(runner);
        try
        {
            for (int i = 0; i < 1_000; i++)
            {
                projection.onFill(null, execution("V", "T" + i, i), i);
                if (i % 7 == 0)
                {
                    projection.publish();
                }
            }
            projection.publish();
            projection.awaitDrained();
            assertThat(seen).hasSize(1_000);
            for (int i = 0; i < 1_000; i++)
            {
                assertThat(seen.get(i)).isEqualTo("fill ? T" + i + " qty=" + i + " seq=" + i);
            }
            assertThat(projection.waits()).as("a ring of 16 fed 1,000 fills must have made the sequencer wait")
                .isPositive();
        }
        finally
        {
            runner.close();
        }
    }

    @Test
    void eachCallCarriesItsInputAndIndexAndTheWatermarkNeverCoversAnInputWithCallsToCome()
    {
        final StateProjection projection = new StateProjection(8, errors::add);
        final List<String> positions = new ArrayList<>();
        projection.target(new OrderStateListener()
        {
            public void onInput(final long sequence, final int index)
            {
                positions.add(sequence + "." + index);
            }

            public void onAppliedThrough(final long sequence)
            {
                positions.add("through " + sequence);
            }
        });
        final TestOrder order = new TestOrder("O1");
        projection.input(10);
        projection.onOrderUpdated(order);
        projection.input(11);
        projection.onVenueReport(order, execution("V1", "T1", 5));
        projection.onFill(order, execution("V1", "T1", 5), 11);
        // the same order again: merged into the first slot, which now stands for input 11's state
        projection.onOrderUpdated(order);
        projection.publish();
        assertThat(positions).containsExactly("11.0", "11.0", "11.1", "through 10");

        positions.clear();
        projection.input(12);
        projection.onVenueReport(order, execution("V1", "T2", 1));
        projection.publish();
        projection.appliedThrough(12);
        assertThat(positions).containsExactly("12.0", "through 11", "through 12");
    }

    private static VenueExecution execution(final String clOrdId, final String tradeId, final long qty)
    {
        final VenueExecution e = new VenueExecution();
        e.clOrdId.append(clOrdId);
        e.venueExecId.append(tradeId);
        e.execType = io.meridian.oms.model.ExecType.TRADE;
        e.lastQty = qty;
        return e;
    }

    private static final class TestOrder implements OrderView
    {
        final String orderId;
        long cumQty;
        OrdStatus ordStatus = OrdStatus.NEW;

        TestOrder(final String orderId)
        {
            this.orderId = orderId;
        }

        public String orderId()
        {
            return orderId;
        }

        public int clientId()
        {
            return 0;
        }

        public String clOrdId()
        {
            return "C-" + orderId;
        }

        public String account()
        {
            return "";
        }

        public Instrument instrument()
        {
            return null;
        }

        public String symbol()
        {
            return "BTC-USDT";
        }

        public Side side()
        {
            return Side.BUY;
        }

        public OrdType ordType()
        {
            return OrdType.LIMIT;
        }

        public TimeInForce timeInForce()
        {
            return TimeInForce.DAY;
        }

        public long orderQty()
        {
            return 10;
        }

        public long price()
        {
            return 100;
        }

        public long cumQty()
        {
            return cumQty;
        }

        public long leavesQty()
        {
            return 10 - cumQty;
        }

        public long avgPx()
        {
            return 100;
        }

        public OrdStatus ordStatus()
        {
            return ordStatus;
        }

        public int venueId()
        {
            return 0;
        }

        public String venueOrderId()
        {
            return "";
        }

        public long createdNanos()
        {
            return 0;
        }

        public long updatedNanos()
        {
            return 0;
        }

        public OrderRejectReason rejectReason()
        {
            return OrderRejectReason.NONE;
        }
    }
}
