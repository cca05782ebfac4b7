package io.meridian.oms;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.FillListener;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.PreTradeCheck;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Recording implementations of the OMS's outputs, a fake clock and a simple risk gate. */
final class TestSupport
{
    static final Instrument EQUITY = new Instrument(0, "AAPL", 4, 0, 0, 1_500_000, 1_000, 1_000_000_000L, 0);
    static final Instrument CRYPTO = new Instrument(1, "BTC-USD", 2, 8, 1, 5_000_000, 1_000_000_000_000L, 10_000_000, 0);
    static final InstrumentRegistry INSTRUMENTS = new InstrumentRegistry(List.of(EQUITY, CRYPTO));

    private TestSupport()
    {
    }

    /** Copy of an ExecutionReport. */
    record Er(
        int clientId, String orderId, String execId, String clOrdId, String origClOrdId, String statusReqId,
        String account, String symbol, ExecType execType, OrdStatus ordStatus, Side side, OrdType ordType,
        TimeInForce tif, long orderQty, long price, long lastQty, long lastPx, long cumQty, long leavesQty,
        long avgPx, long transactTimeNanos, OrderRejectReason rejectReason, String text, String customFields)
    {
        static Er of(final ExecutionReport r)
        {
            return new Er(
                r.clientId, r.orderId.toString(), r.execId.toString(), r.clOrdId.toString(), r.origClOrdId.toString(),
                r.statusReqId.toString(), r.account.toString(), r.symbol.toString(), r.execType, r.ordStatus, r.side,
                r.ordType, r.timeInForce, r.orderQty, r.price, r.lastQty, r.lastPx, r.cumQty, r.leavesQty, r.avgPx,
                r.transactTimeNanos, r.rejectReason, r.text.toString(), r.customFields.toString());
        }

        String brief()
        {
            return "ER c=" + clientId + " oid=" + orderId + " eid=" + execId + " cl=" + clOrdId + " orig=" +
                origClOrdId + " et=" + execType + " os=" + ordStatus + " qty=" + orderQty + " px=" + price +
                " cum=" + cumQty + " leaves=" + leavesQty + " avg=" + avgPx + " last=" + lastQty + "@" + lastPx +
                " rr=" + rejectReason + " text=" + text;
        }
    }

    /** Copy of a CancelReject. */
    record Cr(
        int clientId, String orderId, String clOrdId, String origClOrdId, String account, OrdStatus ordStatus,
        boolean replace, CancelRejectReason reason, String text)
    {
        static Cr of(final CancelReject r)
        {
            return new Cr(r.clientId, r.orderId.toString(), r.clOrdId.toString(), r.origClOrdId.toString(),
                r.account.toString(), r.ordStatus, r.replace, r.reason, r.text.toString());
        }

        String brief()
        {
            return "CR c=" + clientId + " oid=" + orderId + " cl=" + clOrdId + " orig=" + origClOrdId + " os=" +
                ordStatus + " replace=" + replace + " reason=" + reason + " text=" + text;
        }
    }

    /** Copy of a child order request. */
    record Vo(
        String kind, int venueId, String clOrdId, String origClOrdId, String venueOrderId, String account,
        String symbol, Side side, OrdType ordType, TimeInForce tif, long qty, long price, String customFields,
        char queried)
    {
        static Vo of(final String kind, final VenueOrder o)
        {
            return new Vo(kind, o.venueId, o.clOrdId.toString(), o.origClOrdId.toString(), o.venueOrderId.toString(),
                o.account.toString(), o.symbol.toString(), o.side, o.ordType, o.timeInForce, o.qty, o.price,
                o.customFields.toString(), o.queried);
        }
    }

    static final class RecordingReports implements ClientReports
    {
        final List<Object> all = new ArrayList<>();

        public void onExecutionReport(final ExecutionReport report)
        {
            all.add(Er.of(report));
        }

        public void onCancelReject(final CancelReject reject)
        {
            all.add(Cr.of(reject));
        }

        Er lastEr()
        {
            for (int i = all.size() - 1; i >= 0; i--)
            {
                if (all.get(i) instanceof Er)
                {
                    return (Er)all.get(i);
                }
            }
            throw new AssertionError("no execution report");
        }

        Cr lastCr()
        {
            for (int i = all.size() - 1; i >= 0; i--)
            {
                if (all.get(i) instanceof Cr)
                {
                    return (Cr)all.get(i);
                }
            }
            throw new AssertionError("no cancel reject");
        }

        List<Object> drain()
        {
            final List<Object> copy = new ArrayList<>(all);
            all.clear();
            return copy;
        }
    }

    static final class RecordingVenues implements VenueOrders
    {
        final boolean[] connected = new boolean[4];
        boolean sendOk = true;
        final List<Vo> sent = new ArrayList<>();

        RecordingVenues()
        {
            Arrays.fill(connected, true);
        }

        public boolean isConnected(final int venueId)
        {
            return venueId >= 0 && venueId < connected.length && connected[venueId];
        }

        public boolean sendNewOrder(final VenueOrder order)
        {
            sent.add(Vo.of("new", order));
            return sendOk;
        }

        public boolean sendCancel(final VenueOrder cancel)
        {
            sent.add(Vo.of("cancel", cancel));
            return sendOk;
        }

        public boolean sendReplace(final VenueOrder replace)
        {
            sent.add(Vo.of("replace", replace));
            return sendOk;
        }

        public boolean sendStatusRequest(final VenueOrder query)
        {
            sent.add(Vo.of("status", query));
            return sendOk;
        }

        Vo last()
        {
            return sent.get(sent.size() - 1);
        }
    }

    /**
     * qty must be in 1..maxOrderQty, limit orders need a positive price; counts trades, and keeps the
     * exposure the sequencer reports (open quantity and open orders per client, instrument and side;
     * positions per client and instrument).
     */
    static final class SimpleRisk implements PreTradeCheck
    {
        boolean rejectEverything;
        int checks;
        final List<Long> trades = new ArrayList<>();
        final java.util.TreeMap<String, Long> exposure = new java.util.TreeMap<>();

        public int accountId(final CharSequence account)
        {
            return account.length() > 0 ? account.charAt(account.length() - 1) : -1;
        }

        public void onOpenQty(
            final int clientId, final int accountId, final Instrument instrument, final Side side, final long deltaQty,
            final int deltaOrders)
        {
            exposure.merge("open|" + clientId + "|" + instrument.symbol() + "|" + side, deltaQty, Long::sum);
            exposure.merge("orders|" + clientId, (long)deltaOrders, Long::sum);
            exposure.merge("account-orders|" + accountId, (long)deltaOrders, Long::sum);
        }

        public void onFill(
            final int clientId, final int accountId, final Instrument instrument, final Side side, final long qty,
            final long price, final long nowNanos)
        {
            exposure.merge("position|" + clientId + "|" + instrument.symbol(), side == Side.BUY ? qty : -qty, Long::sum);
        }

        public OrderRejectReason check(
            final Instrument instrument, final Side side, final OrdType ordType, final long qty, final long price)
        {
            checks++;
            if (rejectEverything)
            {
                return OrderRejectReason.NOTIONAL_EXCEEDS_MAX;
            }
            return simpleRule(instrument, ordType, qty, price);
        }

        static OrderRejectReason simpleRule(
            final Instrument instrument, final OrdType ordType, final long qty, final long price)
        {
            if (qty <= 0)
            {
                return OrderRejectReason.QTY_NOT_POSITIVE;
            }
            if (qty > instrument.maxOrderQty())
            {
                return OrderRejectReason.QTY_EXCEEDS_MAX;
            }
            if (ordType == OrdType.LIMIT && price <= 0)
            {
                return OrderRejectReason.PRICE_MISSING;
            }
            return OrderRejectReason.NONE;
        }

        public void onTrade(final Instrument instrument, final long price)
        {
            trades.add(price);
        }
    }

    static final class RecordingFills implements FillListener
    {
        final List<String> fills = new ArrayList<>();

        public void onFill(
            final CharSequence account, final Instrument instrument, final Side side, final long qty, final long price,
            final int venueId, final CharSequence venueExecId)
        {
            fills.add(account + "|" + instrument.symbol() + "|" + side + "|" + qty + "@" + price + "|" + venueId + "|" +
                venueExecId);
        }
    }

    /** Advances 1000 ns on every read. */
    static final class FakeClock implements EpochNanoClock
    {
        long nanos = 1_700_000_000_000_000_000L;

        public long nanoTime()
        {
            nanos += 1000;
            return nanos;
        }
    }

    /** Takes every command, as a ring with room does. */
    static final class AcceptingEntry implements OrderEntry
    {
        public boolean newOrder(final NewOrderCommand command)
        {
            return true;
        }

        public boolean cancelOrder(final CancelOrderCommand command)
        {
            return true;
        }

        public boolean replaceOrder(final ReplaceOrderCommand command)
        {
            return true;
        }

        public boolean orderStatus(final OrderStatusCommand command)
        {
            return true;
        }
    }
}
