package io.meridian.oms.codec;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The producer side of the sequencer's ring: encodes commands and venue events in place into
 * claimed ring space (zero copy, no allocation). Thread-safe for any number of producers when the
 * ring is a {@code ManyToOneRingBuffer}. Returns false only when the ring is full.
 */
public final class RingCommandWriter implements OrderEntry, VenueEvents
{
    private final RingBuffer ring;
    private final AtomicBuffer buffer;

    public RingCommandWriter(final RingBuffer ring)
    {
        this.ring = ring;
        this.buffer = ring.buffer();
    }

    public boolean newOrder(final NewOrderCommand command)
    {
        final int index = ring.tryClaim(RingCodec.NEW_ORDER, RingCodec.newOrderLength(command));
        if (index < 0)
        {
            return false;
        }
        try
        {
            RingCodec.encodeNewOrder(buffer, index, command);
        }
        catch (final RuntimeException ex)
        {
            ring.abort(index);
            throw ex;
        }
        ring.commit(index);
        return true;
    }

    public boolean cancelOrder(final CancelOrderCommand command)
    {
        final int index = ring.tryClaim(RingCodec.CANCEL_ORDER, RingCodec.cancelLength(command));
        if (index < 0)
        {
            return false;
        }
        try
        {
            RingCodec.encodeCancel(buffer, index, command);
        }
        catch (final RuntimeException ex)
        {
            ring.abort(index);
            throw ex;
        }
        ring.commit(index);
        return true;
    }

    public boolean replaceOrder(final ReplaceOrderCommand command)
    {
        final int index = ring.tryClaim(RingCodec.REPLACE_ORDER, RingCodec.replaceLength(command));
        if (index < 0)
        {
            return false;
        }
        try
        {
            RingCodec.encodeReplace(buffer, index, command);
        }
        catch (final RuntimeException ex)
        {
            ring.abort(index);
            throw ex;
        }
        ring.commit(index);
        return true;
    }

    public boolean orderStatus(final OrderStatusCommand command)
    {
        final int index = ring.tryClaim(RingCodec.ORDER_STATUS, RingCodec.statusLength(command));
        if (index < 0)
        {
            return false;
        }
        try
        {
            RingCodec.encodeStatus(buffer, index, command);
        }
        catch (final RuntimeException ex)
        {
            ring.abort(index);
            throw ex;
        }
        ring.commit(index);
        return true;
    }

    public boolean onExecution(final VenueExecution execution)
    {
        final int index = ring.tryClaim(RingCodec.VENUE_EXECUTION, RingCodec.executionLength(execution));
        if (index < 0)
        {
            return false;
        }
        try
        {
            RingCodec.encodeExecution(buffer, index, execution);
        }
        catch (final RuntimeException ex)
        {
            ring.abort(index);
            throw ex;
        }
        ring.commit(index);
        return true;
    }

    public boolean onCancelReject(final VenueCancelReject reject)
    {
        final int index = ring.tryClaim(RingCodec.VENUE_CANCEL_REJECT, RingCodec.cancelRejectLength(reject));
        if (index < 0)
        {
            return false;
        }
        try
        {
            RingCodec.encodeCancelReject(buffer, index, reject);
        }
        catch (final RuntimeException ex)
        {
            ring.abort(index);
            throw ex;
        }
        ring.commit(index);
        return true;
    }

    public boolean onVenueSessionState(final int venueId, final boolean connected)
    {
        final int index = ring.tryClaim(RingCodec.VENUE_SESSION_STATE, RingCodec.SESSION_STATE_LENGTH);
        if (index < 0)
        {
            return false;
        }
        RingCodec.encodeSessionState(buffer, index, venueId, connected);
        ring.commit(index);
        return true;
    }

    public boolean onVenueBalance(final int venueId, final CharSequence asset, final long amount)
    {
        final int index = ring.tryClaim(RingCodec.VENUE_BALANCE, RingCodec.balanceLength(asset));
        if (index < 0)
        {
            return false;
        }
        RingCodec.encodeBalance(buffer, index, venueId, asset, amount);
        ring.commit(index);
        return true;
    }

    public boolean dayRoll()
    {
        final int index = ring.tryClaim(RingCodec.DAY_ROLL, RingCodec.DAY_ROLL_LENGTH);
        if (index < 0)
        {
            return false;
        }
        buffer.putLong(index, 0);
        ring.commit(index);
        return true;
    }

    /** Every open order carrying this FIX Account: the name is journaled, not an id. */
    public boolean massCancelAccount(final int scopeCode, final CharSequence account)
    {
        final int index = ring.tryClaim(RingCodec.MASS_CANCEL, RingCodec.massCancelAccountLength(account));
        if (index < 0)
        {
            return false;
        }
        RingCodec.encodeMassCancelAccount(buffer, index, scopeCode, account);
        ring.commit(index);
        return true;
    }

    public boolean massCancel(final int scopeCode, final int id)
    {
        final int index = ring.tryClaim(RingCodec.MASS_CANCEL, RingCodec.MASS_CANCEL_LENGTH);
        if (index < 0)
        {
            return false;
        }
        RingCodec.encodeMassCancel(buffer, index, scopeCode, id);
        ring.commit(index);
        return true;
    }
}
