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
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Fixed binary layouts of the sequencer's input messages: the ring buffer payload and, unchanged,
 * the journal record payload. Each layout is a block of fixed fields (longs first, then ints, then
 * single-byte enums by explicit, stable codes: 0 = null, otherwise the FIX value of Side, OrdType,
 * TimeInForce, ExecType and OrdStatus, and {@link OrderRejectReason#code()}) followed by length-prefixed ASCII strings
 * (unsigned short length, then one byte per char; chars above 127 become '?'; strings longer than
 * {@link #MAX_STRING_LENGTH} are truncated). Stateless and thread-safe: producers encode
 * concurrently into claimed ring space.
 */
public final class RingCodec
{
    public static final int NEW_ORDER = 1;
    public static final int CANCEL_ORDER = 2;
    public static final int REPLACE_ORDER = 3;
    public static final int ORDER_STATUS = 4;
    public static final int VENUE_EXECUTION = 5;
    public static final int VENUE_CANCEL_REJECT = 6;
    public static final int VENUE_SESSION_STATE = 7;
    /** an operator's mass cancel (journal format 4) */
    public static final int MASS_CANCEL = 8;
    /** a balance a venue reported (reconciliation), so the store's reported balances replay */
    public static final int VENUE_BALANCE = 9;
    /** the trading day's end: done orders leave memory, the ClOrdID window restarts */
    public static final int DAY_ROLL = 10;
    public static final int DAY_ROLL_LENGTH = 8;

    public static final int MAX_STRING_LENGTH = 1024;


    private static final int NEW_ORDER_FIXED = 36;
    private static final int CANCEL_FIXED = 16;
    private static final int REPLACE_FIXED = 32;
    private static final int STATUS_FIXED = 8;
    private static final int EXECUTION_FIXED = 72;
    private static final int CANCEL_REJECT_FIXED = 20;
    public static final int SESSION_STATE_LENGTH = 8;
    public static final int MASS_CANCEL_LENGTH = 8;
    /** after the strings of every client command: its FIX session's sequence index and MsgSeqNum */
    private static final int SESSION_TRAILER = 8;

    private RingCodec()
    {
    }

    public static String typeName(final int msgType)
    {
        switch (msgType)
        {
            case NEW_ORDER: return "NewOrder";
            case CANCEL_ORDER: return "CancelOrder";
            case REPLACE_ORDER: return "ReplaceOrder";
            case ORDER_STATUS: return "OrderStatus";
            case VENUE_EXECUTION: return "VenueExecution";
            case VENUE_CANCEL_REJECT: return "VenueCancelReject";
            case VENUE_SESSION_STATE: return "VenueSessionState";
            case MASS_CANCEL: return "MassCancel";
            case VENUE_BALANCE: return "VenueBalance";
            case DAY_ROLL: return "DayRoll";
            default: return "Unknown(" + msgType + ")";
        }
    }

    private static int putSession(
        final MutableDirectBuffer b, final int pos, final int sessionSequenceIndex, final int msgSeqNum)
    {
        b.putInt(pos, sessionSequenceIndex);
        b.putInt(pos + 4, msgSeqNum);
        return pos + SESSION_TRAILER;
    }

    // ---------------------------------------------------------------- NewOrder

    public static int newOrderLength(final NewOrderCommand c)
    {
        return NEW_ORDER_FIXED + stringLength(c.clOrdId) + stringLength(c.account) + stringLength(c.symbol) +
            stringLength(c.customFields) + SESSION_TRAILER;
    }

    public static int encodeNewOrder(final MutableDirectBuffer b, final int offset, final NewOrderCommand c)
    {
        b.putLong(offset, c.qty);
        b.putLong(offset + 8, c.price);
        b.putLong(offset + 16, c.transactTimeNanos);
        b.putInt(offset + 24, c.clientId);
        b.putInt(offset + 28, c.instrumentId);
        b.putByte(offset + 32, code(c.side));
        b.putByte(offset + 33, code(c.ordType));
        b.putByte(offset + 34, code(c.timeInForce));
        b.putByte(offset + 35, code(c.edgeReject));
        int pos = offset + NEW_ORDER_FIXED;
        pos = putString(b, pos, c.clOrdId);
        pos = putString(b, pos, c.account);
        pos = putString(b, pos, c.symbol);
        pos = putString(b, pos, c.customFields);
        pos = putSession(b, pos, c.sessionSequenceIndex, c.msgSeqNum);
        return pos - offset;
    }

    public static void decodeNewOrder(final DirectBuffer b, final int offset, final NewOrderCommand c)
    {
        c.reset();
        c.qty = b.getLong(offset);
        c.price = b.getLong(offset + 8);
        c.transactTimeNanos = b.getLong(offset + 16);
        c.clientId = b.getInt(offset + 24);
        c.instrumentId = b.getInt(offset + 28);
        c.side = side(b.getByte(offset + 32));
        c.ordType = ordType(b.getByte(offset + 33));
        c.timeInForce = timeInForce(b.getByte(offset + 34));
        final OrderRejectReason edgeReject = rejectReason(b.getByte(offset + 35));
        c.edgeReject = edgeReject == null ? OrderRejectReason.NONE : edgeReject;
        int pos = offset + NEW_ORDER_FIXED;
        pos = getString(b, pos, c.clOrdId);
        pos = getString(b, pos, c.account);
        pos = getString(b, pos, c.symbol);
        pos = getString(b, pos, c.customFields);
        c.sessionSequenceIndex = b.getInt(pos);
        c.msgSeqNum = b.getInt(pos + 4);
    }

    // ---------------------------------------------------------------- Cancel

    public static int cancelLength(final CancelOrderCommand c)
    {
        return CANCEL_FIXED + stringLength(c.clOrdId) + stringLength(c.origClOrdId) + stringLength(c.orderId) +
            stringLength(c.symbol) + SESSION_TRAILER;
    }

    public static int encodeCancel(final MutableDirectBuffer b, final int offset, final CancelOrderCommand c)
    {
        b.putLong(offset, c.transactTimeNanos);
        b.putInt(offset + 8, c.clientId);
        b.putByte(offset + 12, code(c.side));
        b.putByte(offset + 13, (byte)0);
        b.putShort(offset + 14, (short)0);
        int pos = offset + CANCEL_FIXED;
        pos = putString(b, pos, c.clOrdId);
        pos = putString(b, pos, c.origClOrdId);
        pos = putString(b, pos, c.orderId);
        pos = putString(b, pos, c.symbol);
        pos = putSession(b, pos, c.sessionSequenceIndex, c.msgSeqNum);
        return pos - offset;
    }

    public static void decodeCancel(final DirectBuffer b, final int offset, final CancelOrderCommand c)
    {
        c.reset();
        c.transactTimeNanos = b.getLong(offset);
        c.clientId = b.getInt(offset + 8);
        c.side = side(b.getByte(offset + 12));
        int pos = offset + CANCEL_FIXED;
        pos = getString(b, pos, c.clOrdId);
        pos = getString(b, pos, c.origClOrdId);
        pos = getString(b, pos, c.orderId);
        pos = getString(b, pos, c.symbol);
        c.sessionSequenceIndex = b.getInt(pos);
        c.msgSeqNum = b.getInt(pos + 4);
    }

    // ---------------------------------------------------------------- Replace

    public static int replaceLength(final ReplaceOrderCommand c)
    {
        return REPLACE_FIXED + stringLength(c.clOrdId) + stringLength(c.origClOrdId) + stringLength(c.orderId) +
            stringLength(c.symbol) + stringLength(c.customFields) + SESSION_TRAILER;
    }

    public static int encodeReplace(final MutableDirectBuffer b, final int offset, final ReplaceOrderCommand c)
    {
        b.putLong(offset, c.qty);
        b.putLong(offset + 8, c.price);
        b.putLong(offset + 16, c.transactTimeNanos);
        b.putInt(offset + 24, c.clientId);
        b.putByte(offset + 28, code(c.side));
        b.putByte(offset + 29, code(c.ordType));
        b.putByte(offset + 30, code(c.timeInForce));
        b.putByte(offset + 31, code(c.edgeReject));
        int pos = offset + REPLACE_FIXED;
        pos = putString(b, pos, c.clOrdId);
        pos = putString(b, pos, c.origClOrdId);
        pos = putString(b, pos, c.orderId);
        pos = putString(b, pos, c.symbol);
        pos = putString(b, pos, c.customFields);
        pos = putSession(b, pos, c.sessionSequenceIndex, c.msgSeqNum);
        return pos - offset;
    }

    public static void decodeReplace(final DirectBuffer b, final int offset, final ReplaceOrderCommand c)
    {
        c.reset();
        c.qty = b.getLong(offset);
        c.price = b.getLong(offset + 8);
        c.transactTimeNanos = b.getLong(offset + 16);
        c.clientId = b.getInt(offset + 24);
        c.side = side(b.getByte(offset + 28));
        c.ordType = ordType(b.getByte(offset + 29));
        c.timeInForce = timeInForce(b.getByte(offset + 30));
        final OrderRejectReason edgeReject = rejectReason(b.getByte(offset + 31));
        c.edgeReject = edgeReject == null ? OrderRejectReason.NONE : edgeReject;
        int pos = offset + REPLACE_FIXED;
        pos = getString(b, pos, c.clOrdId);
        pos = getString(b, pos, c.origClOrdId);
        pos = getString(b, pos, c.orderId);
        pos = getString(b, pos, c.symbol);
        pos = getString(b, pos, c.customFields);
        c.sessionSequenceIndex = b.getInt(pos);
        c.msgSeqNum = b.getInt(pos + 4);
    }

    // ---------------------------------------------------------------- Status

    public static int statusLength(final OrderStatusCommand c)
    {
        return STATUS_FIXED + stringLength(c.clOrdId) + stringLength(c.orderId) + stringLength(c.statusReqId) +
            stringLength(c.symbol) + SESSION_TRAILER;
    }

    public static int encodeStatus(final MutableDirectBuffer b, final int offset, final OrderStatusCommand c)
    {
        b.putInt(offset, c.clientId);
        b.putByte(offset + 4, code(c.side));
        int pos = offset + STATUS_FIXED;
        pos = putString(b, pos, c.clOrdId);
        pos = putString(b, pos, c.orderId);
        pos = putString(b, pos, c.statusReqId);
        pos = putString(b, pos, c.symbol);
        pos = putSession(b, pos, c.sessionSequenceIndex, c.msgSeqNum);
        return pos - offset;
    }

    public static void decodeStatus(final DirectBuffer b, final int offset, final OrderStatusCommand c)
    {
        c.reset();
        c.clientId = b.getInt(offset);
        c.side = side(b.getByte(offset + 4));
        int pos = offset + STATUS_FIXED;
        pos = getString(b, pos, c.clOrdId);
        pos = getString(b, pos, c.orderId);
        pos = getString(b, pos, c.statusReqId);
        pos = getString(b, pos, c.symbol);
        c.sessionSequenceIndex = b.getInt(pos);
        c.msgSeqNum = b.getInt(pos + 4);
    }

    // ---------------------------------------------------------------- VenueExecution

    public static int executionLength(final VenueExecution e)
    {
        return EXECUTION_FIXED + stringLength(e.clOrdId) + stringLength(e.origClOrdId) +
            stringLength(e.venueOrderId) + stringLength(e.venueExecId) + stringLength(e.text) +
            stringLength(e.customFields) + stringLength(e.feeAsset);
    }

    public static int encodeExecution(final MutableDirectBuffer b, final int offset, final VenueExecution e)
    {
        b.putLong(offset, e.lastQty);
        b.putLong(offset + 8, e.lastPx);
        b.putLong(offset + 16, e.cumQty);
        b.putLong(offset + 24, e.leavesQty);
        b.putLong(offset + 32, e.venueTimeNanos);
        b.putLong(offset + 40, e.receivedNanos);
        b.putInt(offset + 48, e.venueId);
        b.putInt(offset + 52, e.venueRejectCode);
        b.putByte(offset + 56, code(e.execType));
        b.putByte(offset + 57, code(e.ordStatus));
        b.putShort(offset + 58, (short)e.feeScale);
        b.putInt(offset + 60, 0);
        b.putLong(offset + 64, e.fee);
        int pos = offset + EXECUTION_FIXED;
        pos = putString(b, pos, e.clOrdId);
        pos = putString(b, pos, e.origClOrdId);
        pos = putString(b, pos, e.venueOrderId);
        pos = putString(b, pos, e.venueExecId);
        pos = putString(b, pos, e.text);
        pos = putString(b, pos, e.customFields);
        pos = putString(b, pos, e.feeAsset);
        return pos - offset;
    }

    public static void decodeExecution(final DirectBuffer b, final int offset, final VenueExecution e)
    {
        e.reset();
        e.lastQty = b.getLong(offset);
        e.lastPx = b.getLong(offset + 8);
        e.cumQty = b.getLong(offset + 16);
        e.leavesQty = b.getLong(offset + 24);
        e.venueTimeNanos = b.getLong(offset + 32);
        e.receivedNanos = b.getLong(offset + 40);
        e.venueId = b.getInt(offset + 48);
        e.venueRejectCode = b.getInt(offset + 52);
        e.execType = execType(b.getByte(offset + 56));
        e.ordStatus = ordStatus(b.getByte(offset + 57));
        e.feeScale = b.getShort(offset + 58);
        e.fee = b.getLong(offset + 64);
        int pos = offset + EXECUTION_FIXED;
        pos = getString(b, pos, e.clOrdId);
        pos = getString(b, pos, e.origClOrdId);
        pos = getString(b, pos, e.venueOrderId);
        pos = getString(b, pos, e.venueExecId);
        pos = getString(b, pos, e.text);
        pos = getString(b, pos, e.customFields);
        getString(b, pos, e.feeAsset);
    }

    // ---------------------------------------------------------------- VenueCancelReject

    public static int cancelRejectLength(final VenueCancelReject r)
    {
        return CANCEL_REJECT_FIXED + stringLength(r.clOrdId) + stringLength(r.origClOrdId) + stringLength(r.text);
    }

    public static int encodeCancelReject(final MutableDirectBuffer b, final int offset, final VenueCancelReject r)
    {
        b.putLong(offset, r.receivedNanos);
        b.putInt(offset + 8, r.venueId);
        b.putInt(offset + 12, r.venueReasonCode);
        b.putByte(offset + 16, r.replace ? (byte)1 : (byte)0);
        b.putByte(offset + 17, (byte)0);
        b.putShort(offset + 18, (short)0);
        int pos = offset + CANCEL_REJECT_FIXED;
        pos = putString(b, pos, r.clOrdId);
        pos = putString(b, pos, r.origClOrdId);
        pos = putString(b, pos, r.text);
        return pos - offset;
    }

    public static void decodeCancelReject(final DirectBuffer b, final int offset, final VenueCancelReject r)
    {
        r.reset();
        r.receivedNanos = b.getLong(offset);
        r.venueId = b.getInt(offset + 8);
        r.venueReasonCode = b.getInt(offset + 12);
        r.replace = b.getByte(offset + 16) != 0;
        int pos = offset + CANCEL_REJECT_FIXED;
        pos = getString(b, pos, r.clOrdId);
        pos = getString(b, pos, r.origClOrdId);
        getString(b, pos, r.text);
    }

    // ---------------------------------------------------------------- VenueSessionState

    public static int encodeSessionState(
        final MutableDirectBuffer b, final int offset, final int venueId, final boolean connected)
    {
        b.putInt(offset, venueId);
        b.putByte(offset + 4, connected ? (byte)1 : (byte)0);
        b.putByte(offset + 5, (byte)0);
        b.putShort(offset + 6, (short)0);
        return SESSION_STATE_LENGTH;
    }

    public static int sessionStateVenueId(final DirectBuffer b, final int offset)
    {
        return b.getInt(offset);
    }

    public static boolean sessionStateConnected(final DirectBuffer b, final int offset)
    {
        return b.getByte(offset + 4) != 0;
    }

    // ---------------------------------------------------------------- MassCancel

    public static int encodeMassCancel(final MutableDirectBuffer b, final int offset, final int scopeCode, final int id)
    {
        b.putInt(offset, scopeCode);
        b.putInt(offset + 4, id);
        return MASS_CANCEL_LENGTH;
    }

    public static int massCancelScope(final DirectBuffer b, final int offset)
    {
        return b.getInt(offset);
    }

    public static int massCancelId(final DirectBuffer b, final int offset)
    {
        return b.getInt(offset + 4);
    }

    /** An account's mass cancel: the fixed part (scope, id -1), then the account's name. */
    public static int massCancelAccountLength(final CharSequence account)
    {
        return MASS_CANCEL_LENGTH + stringLength(account);
    }

    public static int encodeMassCancelAccount(
        final MutableDirectBuffer b, final int offset, final int scopeCode, final CharSequence account)
    {
        b.putInt(offset, scopeCode);
        b.putInt(offset + 4, -1);
        return putString(b, offset + MASS_CANCEL_LENGTH, account) - offset;
    }

    /** The account of an account's mass cancel (only that scope's records carry one). */
    public static void massCancelAccount(final DirectBuffer b, final int offset, final StringBuilder account)
    {
        getString(b, offset + MASS_CANCEL_LENGTH, account);
    }

    // ---------------------------------------------------------------- VenueBalance

    private static final int BALANCE_FIXED = 16;

    public static int balanceLength(final CharSequence asset)
    {
        return BALANCE_FIXED + stringLength(asset);
    }

    /** @param amount scaled by 8 decimals. */
    public static int encodeBalance(
        final MutableDirectBuffer b, final int offset, final int venueId, final CharSequence asset, final long amount)
    {
        b.putInt(offset, venueId);
        b.putInt(offset + 4, 0);
        b.putLong(offset + 8, amount);
        return putString(b, offset + BALANCE_FIXED, asset) - offset;
    }

    public static int balanceVenueId(final DirectBuffer b, final int offset)
    {
        return b.getInt(offset);
    }

    public static long balanceAmount(final DirectBuffer b, final int offset)
    {
        return b.getLong(offset + 8);
    }

    public static void balanceAsset(final DirectBuffer b, final int offset, final StringBuilder asset)
    {
        getString(b, offset + BALANCE_FIXED, asset);
    }

    // ---------------------------------------------------------------- primitives

    static int stringLength(final CharSequence s)
    {
        return 2 + Math.min(s.length(), MAX_STRING_LENGTH);
    }

    static int putString(final MutableDirectBuffer b, final int offset, final CharSequence s)
    {
        final int length = Math.min(s.length(), MAX_STRING_LENGTH);
        b.putShort(offset, (short)length);
        int pos = offset + 2;
        for (int i = 0; i < length; i++)
        {
            final char c = s.charAt(i);
            b.putByte(pos++, c < 128 ? (byte)c : (byte)'?');
        }
        return pos;
    }

    static int getString(final DirectBuffer b, final int offset, final StringBuilder dst)
    {
        final int length = b.getShort(offset) & 0xFFFF;
        dst.setLength(0);
        int pos = offset + 2;
        for (int i = 0; i < length; i++)
        {
            dst.append((char)(b.getByte(pos++) & 0x7F));
        }
        return pos;
    }

    private static byte code(final Side value)
    {
        return value == null ? 0 : (byte)value.fixValue();
    }

    private static byte code(final OrdType value)
    {
        return value == null ? 0 : (byte)value.fixValue();
    }

    private static byte code(final TimeInForce value)
    {
        return value == null ? 0 : (byte)value.fixValue();
    }

    private static byte code(final ExecType value)
    {
        return value == null ? 0 : (byte)value.fixValue();
    }

    private static byte code(final OrdStatus value)
    {
        return value == null ? 0 : (byte)value.fixValue();
    }

    private static byte code(final OrderRejectReason value)
    {
        return value == null ? 0 : (byte)(value.code() + 1);
    }

    private static Side side(final byte code)
    {
        return code == 0 ? null : Side.fromFix((char)code);
    }

    private static OrdType ordType(final byte code)
    {
        return code == 0 ? null : OrdType.fromFix((char)code);
    }

    private static TimeInForce timeInForce(final byte code)
    {
        return code == 0 ? null : TimeInForce.fromFix((char)code);
    }

    private static ExecType execType(final byte code)
    {
        return code == 0 ? null : ExecType.fromFix((char)code);
    }

    private static OrdStatus ordStatus(final byte code)
    {
        return code == 0 ? null : OrdStatus.fromFix((char)code);
    }

    private static OrderRejectReason rejectReason(final byte code)
    {
        return code == 0 ? null : OrderRejectReason.fromCode((code & 0xFF) - 1);
    }
}
