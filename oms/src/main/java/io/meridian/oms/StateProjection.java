package io.meridian.oms;

import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.OrderStateListener;
import io.meridian.oms.api.OrderView;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries the state listener's calls (order changes, fills, venue reports, client reports) from the
 * sequencer to the projection behind the listener, the shared store, whose Chronicle Map writes cost
 * about 1 us per order update and 10 us per fill: too much to sit between a client's order and its
 * report. The sequencer copies each call into a preallocated slot of a single-producer,
 * single-consumer ring (no allocation once the text fields fit) and publishes the cycle's slots
 * after its outputs have left. The projection runs either on its own thread ({@link #agent()},
 * still its single writer) or, until that agent is asked for, inline when the sequencer publishes
 * (recovery replays, tests). Calls are handed on in order; an order changed twice before a
 * publish is handed on once, with its latest state.
 * <p>
 * A full ring makes the sequencer wait for the projection (counted in {@link #waits()}): nothing
 * is dropped.
 */
final class StateProjection implements OrderStateListener
{
    private static final int ORDER_UPDATED = 1;
    private static final int FILL = 2;
    private static final int VENUE_REPORT = 3;
    private static final int BALANCE = 4;
    private static final int CLIENT_REPORT = 5;
    /** how far back, among the slots not yet published, an order's earlier update is looked for */
    private static final int RECENT = 16;

    private final Slot[] slots;
    private final int mask;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    private final Consumer consumer = new Consumer();
    private final ErrorHandler errorHandler;
    private OrderStateListener target = OrderStateListener.NONE;
    private volatile long failures;
    private long tail;
    /** the input being applied (sequencer thread) and the index of its next fill, venue report or balance */
    private long inputSequence;
    private int inputIndex;
    private boolean ownThread;
    private volatile long waits;

    StateProjection(final int capacity, final ErrorHandler errorHandler)
    {
        this.errorHandler = errorHandler;
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        slots = new Slot[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new Slot();
        }
        mask = capacity - 1;
    }

    void target(final OrderStateListener target)
    {
        this.target = target;
    }

    /** From now on the projection runs on the thread that runs the returned agent, not inline. */
    Agent agent()
    {
        ownThread = true;
        return consumer;
    }

    boolean ownThread()
    {
        return ownThread;
    }

    long waits()
    {
        return waits;
    }

    /** Calls the listener threw on (skipped, reported to the error handler). */
    long failures()
    {
        return failures;
    }

    /** Sequencer thread: the calls that follow come from the input with this journal sequence. */
    void input(final long sequence)
    {
        inputSequence = sequence;
        inputIndex = 0;
    }

    /**
     * After the last {@link #drain()} (the sequencer has stopped): every input up to {@code sequence} was
     * handed on.
     */
    void appliedThrough(final long sequence)
    {
        target.onAppliedThrough(sequence);
    }

    public void onOrderUpdated(final OrderView order)
    {
        for (long i = tail - 1, end = Math.max(published.get(), tail - RECENT); i >= end; i--)
        {
            final Slot slot = slots[(int)i & mask];
            if (slot.kind == ORDER_UPDATED && slot.source == order)
            {
                slot.order.copy(order);
                // an order update is a whole state: the slot now stands for the later input as well
                slot.sequence = inputSequence;
                return;
            }
        }
        claim(ORDER_UPDATED, order, null, inputSequence, 0);
    }

    public void onFill(final OrderView order, final VenueExecution fill, final long sequence)
    {
        claim(FILL, order, fill, sequence, inputIndex++);
    }

    public void onVenueReport(final OrderView order, final VenueExecution report)
    {
        claim(VENUE_REPORT, order, report, inputSequence, inputIndex++);
    }

    /**
     * The report travels in the slot's execution and a few numbers of its own (no report object per
     * slot: the ring has 16k of them); its order's immutable identity (OrderID, account, symbol) is the
     * slot's order copy. It does not take a call index (stamps): the store keys it by order and report
     * index, so writing it again in a replay is idempotent.
     */
    public void onClientReport(final OrderView order, final ExecutionReport report, final int index)
    {
        final Slot slot = claim(CLIENT_REPORT, order, null, inputSequence, inputIndex);
        // claimed, not yet published (only publish() does, on this thread)
        slot.carry(report, index);
    }

    private final VenueExecution balance = new VenueExecution();

    /** Carried in a slot's execution: venueId, the asset in feeAsset, the amount in lastQty, the time in receivedNanos. */
    public void onReportedBalance(final int venueId, final CharSequence asset, final long amount, final long nowNanos)
    {
        balance.reset();
        balance.venueId = venueId;
        balance.feeAsset.append(asset);
        balance.lastQty = amount;
        balance.receivedNanos = nowNanos;
        claim(BALANCE, null, balance, inputSequence, inputIndex++);
    }

    /**
     * Sequencer thread: makes the slots filled so far visible to the projection (inline: applies
     * them now). @return the number of slots published.
     */
    int publish()
    {
        final int count = (int)(tail - published.get());
        if (count > 0)
        {
            published.lazySet(tail);
        }
        if (!ownThread)
        {
            consumer.doWork();
        }
        return count;
    }

    /** Projection thread (or inline): applies what was published. Must not run after {@link #agent()} was taken elsewhere. */
    int drain()
    {
        return consumer.doWork();
    }

    /** Sequencer thread: waits until the projection applied everything published. */
    void awaitDrained()
    {
        while (consumed.get() < published.get())
        {
            Thread.onSpinWait();
        }
    }

    private Slot claim(
        final int kind, final OrderView order, final VenueExecution execution, final long sequence, final int index)
    {
        while (tail - consumed.get() >= slots.length)
        {
            publish();
            if (ownThread)
            {
                waits++;
                Thread.onSpinWait();
            }
        }
        final Slot slot = slots[(int)tail & mask];
        slot.kind = kind;
        slot.firstSequence = sequence;
        slot.sequence = sequence;
        slot.index = index;
        slot.source = order;
        slot.hasOrder = order != null;
        if (order != null)
        {
            slot.order.copy(order);
        }
        if (execution != null)
        {
            copy(execution, slot.execution);
        }
        tail++;
        return slot;
    }

    private final class Consumer implements Agent
    {
        /** a client report rebuilt from its slot, handed to the target */
        private final ExecutionReport report = new ExecutionReport();

        public int doWork()
        {
            final long head = consumed.get();
            final long end = published.get();
            long lastFirstSequence = 0;
            for (long i = head; i < end; i++)
            {
                final Slot slot = slots[(int)i & mask];
                // read before the slot is released to the sequencer, which may then reuse it
                lastFirstSequence = slot.firstSequence;
                final OrderView order = slot.hasOrder ? slot.order : null;
                try
                {
                    target.onInput(slot.sequence, slot.index);
                    switch (slot.kind)
                    {
                        case ORDER_UPDATED -> target.onOrderUpdated(order);
                        case FILL -> target.onFill(order, slot.execution, slot.sequence);
                        case BALANCE -> target.onReportedBalance(slot.execution.venueId, slot.execution.feeAsset,
                            slot.execution.lastQty, slot.execution.receivedNanos);
                        case CLIENT_REPORT -> target.onClientReport(order, slot.report(report), slot.reportIndex);
                        default -> target.onVenueReport(order, slot.execution);
                    }
                }
                catch (final RuntimeException ex)
                {
                    // a projection that fails (its files closed under it, a full map) must never stop the
                    // order path or hold the ring: counted and reported, the call is skipped
                    failures++;
                    errorHandler.onError(ex);
                }
                consumed.lazySet(i + 1);
            }
            if (end > head)
            {
                // slots come in input order: every input before the last slot's first one is complete (the
                // last one may have more slots to come)
                target.onAppliedThrough(lastFirstSequence - 1);
            }
            return (int)(end - head);
        }

        public void onClose()
        {
            doWork();
        }

        public String roleName()
        {
            return "meridian-store";
        }
    }

    private static final class Slot
    {
        int kind;
        /** the input that claimed the slot */
        long firstSequence;
        /** the input whose state the slot carries (later than the first when an order update was merged) */
        long sequence;
        int index;
        boolean hasOrder;
        /** the sequencer's order, compared by identity on the sequencer thread only */
        OrderView source;
        final OrderCopy order = new OrderCopy();
        final VenueExecution execution = new VenueExecution();
        // a client report: its strings and fill numbers in execution, the rest here
        int reportIndex;
        int clientId;
        Side side;
        OrdType ordType;
        TimeInForce timeInForce;
        int priceScale;
        int qtyScale;
        long orderQty;
        long price;
        long avgPx;
        OrderRejectReason rejectReason;

        void carry(final ExecutionReport r, final int index)
        {
            reportIndex = index;
            clientId = r.clientId;
            side = r.side;
            ordType = r.ordType;
            timeInForce = r.timeInForce;
            priceScale = r.priceScale;
            qtyScale = r.qtyScale;
            orderQty = r.orderQty;
            price = r.price;
            avgPx = r.avgPx;
            rejectReason = r.rejectReason;
            final VenueExecution e = execution;
            set(e.venueExecId, r.execId);
            set(e.clOrdId, r.clOrdId);
            set(e.origClOrdId, r.origClOrdId);
            set(e.venueOrderId, r.statusReqId);
            e.execType = r.execType;
            e.ordStatus = r.ordStatus;
            e.lastQty = r.lastQty;
            e.lastPx = r.lastPx;
            e.cumQty = r.cumQty;
            e.leavesQty = r.leavesQty;
            e.receivedNanos = r.transactTimeNanos;
            set(e.text, r.text);
            set(e.customFields, r.customFields);
        }

        /** The carried report, rebuilt into {@code r}. */
        ExecutionReport report(final ExecutionReport r)
        {
            r.reset();
            final VenueExecution e = execution;
            r.clientId = clientId;
            r.orderId.append(order.orderId());
            r.execId.append(e.venueExecId);
            r.clOrdId.append(e.clOrdId);
            r.origClOrdId.append(e.origClOrdId);
            r.statusReqId.append(e.venueOrderId);
            r.account.append(order.account());
            r.symbol.append(order.symbol());
            r.execType = e.execType;
            r.ordStatus = e.ordStatus;
            r.side = side;
            r.ordType = ordType;
            r.timeInForce = timeInForce;
            r.priceScale = priceScale;
            r.qtyScale = qtyScale;
            r.orderQty = orderQty;
            r.price = price;
            r.lastQty = e.lastQty;
            r.lastPx = e.lastPx;
            r.cumQty = e.cumQty;
            r.leavesQty = e.leavesQty;
            r.avgPx = avgPx;
            r.transactTimeNanos = e.receivedNanos;
            r.rejectReason = rejectReason;
            r.text.append(e.text);
            r.customFields.append(e.customFields);
            return r;
        }
    }

    private static void copy(final VenueExecution from, final VenueExecution to)
    {
        to.venueId = from.venueId;
        set(to.clOrdId, from.clOrdId);
        set(to.origClOrdId, from.origClOrdId);
        set(to.venueOrderId, from.venueOrderId);
        set(to.venueExecId, from.venueExecId);
        to.execType = from.execType;
        to.ordStatus = from.ordStatus;
        to.lastQty = from.lastQty;
        to.lastPx = from.lastPx;
        to.cumQty = from.cumQty;
        to.leavesQty = from.leavesQty;
        to.venueTimeNanos = from.venueTimeNanos;
        to.receivedNanos = from.receivedNanos;
        to.venueRejectCode = from.venueRejectCode;
        to.fee = from.fee;
        to.feeScale = from.feeScale;
        set(to.feeAsset, from.feeAsset);
        set(to.text, from.text);
        set(to.customFields, from.customFields);
    }

    private static void set(final StringBuilder to, final CharSequence from)
    {
        to.setLength(0);
        to.append(from);
    }

    /** An order's state at one point: immutable parts by reference, numbers by value. */
    private static final class OrderCopy implements OrderView
    {
        private String orderId;
        private int clientId;
        private String clOrdId;
        private String account;
        private Instrument instrument;
        private String symbol;
        private Side side;
        private OrdType ordType;
        private TimeInForce timeInForce;
        private long orderQty;
        private long price;
        private long cumQty;
        private long leavesQty;
        private long avgPx;
        private OrdStatus ordStatus;
        private int venueId;
        private String venueOrderId;
        private long createdNanos;
        private long updatedNanos;
        private OrderRejectReason rejectReason;

        void copy(final OrderView o)
        {
            orderId = o.orderId();
            clientId = o.clientId();
            clOrdId = o.clOrdId();
            account = o.account();
            instrument = o.instrument();
            symbol = o.symbol();
            side = o.side();
            ordType = o.ordType();
            timeInForce = o.timeInForce();
            orderQty = o.orderQty();
            price = o.price();
            cumQty = o.cumQty();
            leavesQty = o.leavesQty();
            avgPx = o.avgPx();
            ordStatus = o.ordStatus();
            venueId = o.venueId();
            venueOrderId = o.venueOrderId();
            createdNanos = o.createdNanos();
            updatedNanos = o.updatedNanos();
            rejectReason = o.rejectReason();
        }

        public String orderId()
        {
            return orderId;
        }

        public int clientId()
        {
            return clientId;
        }

        public String clOrdId()
        {
            return clOrdId;
        }

        public String account()
        {
            return account;
        }

        public Instrument instrument()
        {
            return instrument;
        }

        public String symbol()
        {
            return symbol;
        }

        public Side side()
        {
            return side;
        }

        public OrdType ordType()
        {
            return ordType;
        }

        public TimeInForce timeInForce()
        {
            return timeInForce;
        }

        public long orderQty()
        {
            return orderQty;
        }

        public long price()
        {
            return price;
        }

        public long cumQty()
        {
            return cumQty;
        }

        public long leavesQty()
        {
            return leavesQty;
        }

        public long avgPx()
        {
            return avgPx;
        }

        public OrdStatus ordStatus()
        {
            return ordStatus;
        }

        public int venueId()
        {
            return venueId;
        }

        public String venueOrderId()
        {
            return venueOrderId;
        }

        public long createdNanos()
        {
            return createdNanos;
        }

        public long updatedNanos()
        {
            return updatedNanos;
        }

        public OrderRejectReason rejectReason()
        {
            return rejectReason;
        }
    }
}
