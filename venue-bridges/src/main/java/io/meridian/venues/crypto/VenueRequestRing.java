package io.meridian.venues.crypto;

import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * The hand-off of child orders from the core (sequencer) thread to a crypto bridge's I/O thread:
 * a one-to-one Agrona ring buffer. {@link #offer} copies a {@link VenueOrder} without allocating and
 * never blocks (false when full); {@link #drain} decodes into one reused {@link VenueOrder} on the
 * bridge thread.
 */
public final class VenueRequestRing
{
    public static final int NEW_ORDER = 1;
    public static final int CANCEL = 2;
    public static final int REPLACE = 3;
    /** the OMS asks about an order (see {@link VenueOrder#queried}) */
    public static final int STATUS = 4;

    private static final Side[] SIDES = Side.values();
    private static final OrdType[] ORD_TYPES = OrdType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final int FIXED_LENGTH = 4 + 3 + 1 + 4 + 4 + 8 + 8 + 8;

    /** Receives one decoded request; the order is a reused view valid during the call. */
    @FunctionalInterface
    public interface Handler
    {
        void onRequest(int kind, VenueOrder order);
    }

    private final RingBuffer ring;
    private final VenueOrder decoded = new VenueOrder();

    public VenueRequestRing(final int capacityBytes)
    {
        ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(capacityBytes + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /** Core thread: copies the request into the ring; false when the ring is full. */
    public boolean offer(final int kind, final VenueOrder o)
    {
        final int length = FIXED_LENGTH + 4 * 6 + o.clOrdId.length() + o.origClOrdId.length() +
            o.venueOrderId.length() + o.account.length() + o.symbol.length() + o.customFields.length();
        final int index = ring.tryClaim(kind, length);
        if (index <= 0)
        {
            return false;
        }
        final MutableDirectBuffer b = ring.buffer();
        int i = index;
        b.putInt(i, o.venueId);
        i += 4;
        b.putByte(i++, o.side == null ? -1 : (byte)o.side.ordinal());
        b.putByte(i++, o.ordType == null ? -1 : (byte)o.ordType.ordinal());
        b.putByte(i++, o.timeInForce == null ? -1 : (byte)o.timeInForce.ordinal());
        b.putByte(i++, (byte)o.queried);
        b.putInt(i, o.priceScale);
        i += 4;
        b.putInt(i, o.qtyScale);
        i += 4;
        b.putLong(i, o.qty);
        i += 8;
        b.putLong(i, o.price);
        i += 8;
        b.putLong(i, o.transactTimeNanos);
        i += 8;
        i = putString(b, i, o.clOrdId);
        i = putString(b, i, o.origClOrdId);
        i = putString(b, i, o.venueOrderId);
        i = putString(b, i, o.account);
        i = putString(b, i, o.symbol);
        putString(b, i, o.customFields);
        ring.commit(index);
        return true;
    }

    private static int putString(final MutableDirectBuffer buffer, final int index, final CharSequence value)
    {
        final int length = value.length();
        buffer.putInt(index, length);
        buffer.putStringWithoutLengthAscii(index + 4, value);
        return index + 4 + length;
    }

    /** Bridge thread: decodes up to {@code limit} requests into {@code handler}; returns how many. */
    public int drain(final Handler handler, final int limit)
    {
        return ring.read((kind, buffer, index, length) ->
        {
            final VenueOrder o = decoded.reset();
            int i = index;
            o.venueId = buffer.getInt(i);
            i += 4;
            final byte side = buffer.getByte(i++);
            final byte ordType = buffer.getByte(i++);
            final byte tif = buffer.getByte(i++);
            o.side = side < 0 ? null : SIDES[side];
            o.ordType = ordType < 0 ? null : ORD_TYPES[ordType];
            o.timeInForce = tif < 0 ? null : TIFS[tif];
            o.queried = (char)buffer.getByte(i++);
            o.priceScale = buffer.getInt(i);
            i += 4;
            o.qtyScale = buffer.getInt(i);
            i += 4;
            o.qty = buffer.getLong(i);
            i += 8;
            o.price = buffer.getLong(i);
            i += 8;
            o.transactTimeNanos = buffer.getLong(i);
            i += 8;
            i = getString(buffer, i, o.clOrdId);
            i = getString(buffer, i, o.origClOrdId);
            i = getString(buffer, i, o.venueOrderId);
            i = getString(buffer, i, o.account);
            i = getString(buffer, i, o.symbol);
            getString(buffer, i, o.customFields);
            handler.onRequest(kind, o);
        }, limit);
    }

    private static int getString(final org.agrona.DirectBuffer buffer, final int index, final StringBuilder into)
    {
        final int length = buffer.getInt(index);
        buffer.getStringWithoutLengthAscii(index + 4, length, into);
        return index + 4 + length;
    }

    public int size()
    {
        return ring.size();
    }
}
