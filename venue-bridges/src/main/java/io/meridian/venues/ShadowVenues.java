package io.meridian.venues;

import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Shadow mode: the whole pipeline runs (risk, sequencer, journal, reports, routing) but nothing reaches
 * a venue. Each child order, cancel and replace is answered as a venue that accepts everything would
 * answer it (acknowledged, canceled, replaced; never filled), so the client's orders show exactly what
 * would have been sent, where and at what price. Venue connectivity is the real one: an order the live
 * system would refuse because its venue is down is refused here too. Core thread; the answers go
 * through the sequencer's venue-event ring like any venue's (a full ring refuses the request).
 */
public final class ShadowVenues implements VenueOrders
{
    private final VenueOrders live;
    private final VenueExecution answer = new VenueExecution();
    private final AtomicLong newOrders = new AtomicLong();
    private final AtomicLong cancels = new AtomicLong();
    private final AtomicLong replaces = new AtomicLong();
    private VenueEvents events;

    /** @param live the real venues: asked whether a venue is connected, never sent anything. */
    public ShadowVenues(final VenueOrders live)
    {
        this.live = live;
    }

    /** Where the answers go; set before the sequencer runs. */
    public void venueEvents(final VenueEvents events)
    {
        this.events = events;
    }

    @Override
    public boolean isConnected(final int venueId)
    {
        return live.isConnected(venueId);
    }

    @Override
    public boolean sendNewOrder(final VenueOrder order)
    {
        return counted(answer(order, ExecType.NEW, OrdStatus.NEW, order.qty), newOrders);
    }

    @Override
    public boolean sendCancel(final VenueOrder cancel)
    {
        return counted(answer(cancel, ExecType.CANCELED, OrdStatus.CANCELED, 0), cancels);
    }

    @Override
    public boolean sendReplace(final VenueOrder replace)
    {
        return counted(answer(replace, ExecType.REPLACED, OrdStatus.NEW, replace.qty), replaces);
    }

    private static boolean counted(final boolean answered, final AtomicLong counter)
    {
        if (answered)
        {
            counter.incrementAndGet();
        }
        return answered;
    }

    /** After a restart the OMS asks about unanswered requests: the shadow venue knows them all. */
    @Override
    public boolean sendStatusRequest(final VenueOrder order)
    {
        return answer(order, ExecType.ORDER_STATUS, OrdStatus.NEW, order.qty);
    }

    private boolean answer(final VenueOrder request, final ExecType execType, final OrdStatus status, final long leaves)
    {
        final VenueExecution e = answer.reset();
        e.venueId = request.venueId;
        e.clOrdId.append(request.clOrdId);
        e.origClOrdId.append(request.origClOrdId);
        if (request.venueOrderId.length() > 0)
        {
            e.venueOrderId.append(request.venueOrderId);
        }
        else
        {
            e.venueOrderId.append("SHADOW-").append(request.clOrdId);
        }
        e.execType = execType;
        e.ordStatus = status;
        e.leavesQty = leaves;
        e.venueTimeNanos = request.transactTimeNanos;
        e.receivedNanos = request.transactTimeNanos;
        e.text.append("shadow mode: not sent to the venue");
        return events != null && events.onExecution(e);
    }

    /** Child orders that would have been sent. */
    public long newOrders()
    {
        return newOrders.get();
    }

    public long cancels()
    {
        return cancels.get();
    }

    public long replaces()
    {
        return replaces.get();
    }
}
