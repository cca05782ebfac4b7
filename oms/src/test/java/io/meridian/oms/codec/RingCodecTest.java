package io.meridian.oms.codec;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RingCodecTest
{
    private static final RecursiveComparisonConfiguration SB = RecursiveComparisonConfiguration.builder()
        .withEqualsForType((a, b) -> a.toString().equals(b.toString()), StringBuilder.class)
        .withStrictTypeChecking(true)
        .build();

    private final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect((1 << 16) + RingBufferDescriptor.TRAILER_LENGTH)));
    private final RingCommandWriter writer = new RingCommandWriter(ring);

    private record Message(int type, UnsafeBuffer copy, int length)
    {
    }

    private Message readOne()
    {
        final List<Message> messages = new ArrayList<>();
        ring.read((type, buffer, index, length) ->
        {
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
            copy.putBytes(0, buffer, index, length);
            messages.add(new Message(type, copy, length));
        });
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    @Test
    void newOrderRoundTrip()
    {
        final NewOrderCommand in = new NewOrderCommand();
        in.clientId = 7;
        in.clOrdId.append("ord-1");
        in.account.append("ACC");
        in.symbol.append("AAPL");
        in.instrumentId = 3;
        in.side = Side.SELL_SHORT;
        in.ordType = OrdType.LIMIT;
        in.timeInForce = TimeInForce.GTC;
        in.qty = 123_456_789_012L;
        in.price = -5;
        in.transactTimeNanos = Long.MAX_VALUE;
        in.edgeReject = OrderRejectReason.QTY_PRECISION;
        in.customFields.append("7001=VWAP\u00017002=DESK9\u0001");
        assertThat(writer.newOrder(in)).isTrue();
        final Message m = readOne();
        assertThat(m.type()).isEqualTo(RingCodec.NEW_ORDER);
        assertThat(m.length()).isEqualTo(RingCodec.newOrderLength(in));
        final NewOrderCommand out = new NewOrderCommand();
        out.clOrdId.append("stale");
        RingCodec.decodeNewOrder(m.copy(), 0, out);
        assertThat(out).usingRecursiveComparison(SB).isEqualTo(in);
    }

    @Test
    void nullEnumsAndEmptyStringsRoundTrip()
    {
        final NewOrderCommand in = new NewOrderCommand();
        assertThat(writer.newOrder(in)).isTrue();
        final NewOrderCommand out = new NewOrderCommand();
        out.side = Side.BUY;
        RingCodec.decodeNewOrder(readOne().copy(), 0, out);
        assertThat(out.side).isNull();
        assertThat(out.ordType).isNull();
        assertThat(out.instrumentId).isEqualTo(-1);
        assertThat(out.edgeReject).isEqualTo(OrderRejectReason.NONE);
        assertThat(out.clOrdId.toString()).isEmpty();
    }

    @Test
    void cancelRoundTrip()
    {
        final CancelOrderCommand in = new CancelOrderCommand();
        in.clientId = 2;
        in.clOrdId.append("c2");
        in.origClOrdId.append("c1");
        in.orderId.append("17");
        in.symbol.append("BTC-USD");
        in.side = Side.BUY;
        in.transactTimeNanos = 99;
        assertThat(writer.cancelOrder(in)).isTrue();
        final Message m = readOne();
        assertThat(m.type()).isEqualTo(RingCodec.CANCEL_ORDER);
        final CancelOrderCommand out = new CancelOrderCommand();
        RingCodec.decodeCancel(m.copy(), 0, out);
        assertThat(out).usingRecursiveComparison(SB).isEqualTo(in);
    }

    @Test
    void replaceRoundTrip()
    {
        final ReplaceOrderCommand in = new ReplaceOrderCommand();
        in.clientId = 2;
        in.clOrdId.append("c3");
        in.origClOrdId.append("c2");
        in.orderId.append("17");
        in.symbol.append("BTC-USD");
        in.side = Side.SELL;
        in.ordType = OrdType.MARKET;
        in.timeInForce = TimeInForce.IOC;
        in.qty = 5;
        in.price = 0;
        in.transactTimeNanos = 1;
        in.edgeReject = OrderRejectReason.UNSUPPORTED_ORD_TYPE;
        in.customFields.append("7001=TWAP\u0001");
        assertThat(writer.replaceOrder(in)).isTrue();
        final Message m = readOne();
        assertThat(m.type()).isEqualTo(RingCodec.REPLACE_ORDER);
        final ReplaceOrderCommand out = new ReplaceOrderCommand();
        RingCodec.decodeReplace(m.copy(), 0, out);
        assertThat(out).usingRecursiveComparison(SB).isEqualTo(in);
    }

    @Test
    void statusRoundTrip()
    {
        final OrderStatusCommand in = new OrderStatusCommand();
        in.clientId = 9;
        in.clOrdId.append("x");
        in.orderId.append("12");
        in.statusReqId.append("req");
        assertThat(writer.orderStatus(in)).isTrue();
        final Message m = readOne();
        assertThat(m.type()).isEqualTo(RingCodec.ORDER_STATUS);
        final OrderStatusCommand out = new OrderStatusCommand();
        RingCodec.decodeStatus(m.copy(), 0, out);
        assertThat(out).usingRecursiveComparison(SB).isEqualTo(in);
    }

    @Test
    void executionRoundTrip()
    {
        final VenueExecution in = new VenueExecution();
        in.venueId = 3;
        in.clOrdId.append("12-2");
        in.origClOrdId.append("12-1");
        in.venueOrderId.append("VO");
        in.venueExecId.append("VE");
        in.execType = ExecType.TRADE;
        in.ordStatus = OrdStatus.PARTIALLY_FILLED;
        in.lastQty = 1;
        in.lastPx = 2;
        in.cumQty = 3;
        in.leavesQty = 4;
        in.venueTimeNanos = 5;
        in.receivedNanos = 6;
        in.venueRejectCode = 7;
        in.text.append("hello");
        in.customFields.append("851=1\u0001");
        assertThat(writer.onExecution(in)).isTrue();
        final Message m = readOne();
        assertThat(m.type()).isEqualTo(RingCodec.VENUE_EXECUTION);
        final VenueExecution out = new VenueExecution();
        RingCodec.decodeExecution(m.copy(), 0, out);
        assertThat(out).usingRecursiveComparison(SB).isEqualTo(in);
    }

    @Test
    void cancelRejectRoundTrip()
    {
        final VenueCancelReject in = new VenueCancelReject();
        in.venueId = 1;
        in.clOrdId.append("12-3");
        in.origClOrdId.append("12-1");
        in.replace = true;
        in.venueReasonCode = 2;
        in.receivedNanos = 77;
        in.text.append("too late");
        assertThat(writer.onCancelReject(in)).isTrue();
        final Message m = readOne();
        assertThat(m.type()).isEqualTo(RingCodec.VENUE_CANCEL_REJECT);
        final VenueCancelReject out = new VenueCancelReject();
        RingCodec.decodeCancelReject(m.copy(), 0, out);
        assertThat(out).usingRecursiveComparison(SB).isEqualTo(in);
    }

    @Test
    void sessionStateRoundTrip()
    {
        assertThat(writer.onVenueSessionState(5, true)).isTrue();
        final Message m = readOne();
        assertThat(m.type()).isEqualTo(RingCodec.VENUE_SESSION_STATE);
        assertThat(RingCodec.sessionStateVenueId(m.copy(), 0)).isEqualTo(5);
        assertThat(RingCodec.sessionStateConnected(m.copy(), 0)).isTrue();
    }

    @Test
    void nonAsciiBecomesQuestionMarkAndLongStringsAreTruncated()
    {
        final OrderStatusCommand in = new OrderStatusCommand();
        in.clOrdId.append("caf\u00e9");
        in.statusReqId.append("x".repeat(RingCodec.MAX_STRING_LENGTH + 10));
        assertThat(writer.orderStatus(in)).isTrue();
        final OrderStatusCommand out = new OrderStatusCommand();
        RingCodec.decodeStatus(readOne().copy(), 0, out);
        assertThat(out.clOrdId.toString()).isEqualTo("caf?");
        assertThat(out.statusReqId.length()).isEqualTo(RingCodec.MAX_STRING_LENGTH);
    }

    @Test
    void fullRingRefusesInsteadOfBlocking()
    {
        final OrderStatusCommand in = new OrderStatusCommand();
        in.statusReqId.append("x".repeat(1000));
        int accepted = 0;
        while (writer.orderStatus(in))
        {
            accepted++;
        }
        assertThat(accepted).isBetween(50, 70);
        assertThat(writer.onVenueSessionState(1, true) || ring.size() > 0).isTrue();
    }
}
