package io.meridian.oms;

import io.meridian.oms.api.OrderView;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/**
 * One client order and its single child order at the venue. Mutated only by the
 * {@link OrderStateMachine} on the sequencer thread.
 * <p>
 * The status is kept as a base status (PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, CANCELED,
 * EXPIRED, REJECTED) plus an optional pending cancel/replace; {@link #status()} applies the FIX 4.4
 * precedence (a pending cancel/replace shows while the base is not terminal).
 */
final class Order implements OrderView
{
    static final int NO_PENDING = 0;
    static final int PENDING_CANCEL = 1;
    static final int PENDING_REPLACE = 2;

    final long number;
    final String orderId;
    final int clientId;
    final String firstClOrdId;
    final String account;
    final Instrument instrument;
    final String symbol;
    final Side side;
    final int venueId;
    final long createdNanos;

    String clOrdId;
    OrdType ordType;
    TimeInForce timeInForce;
    long orderQty;
    long price;

    long cumQty;
    long leavesQty;
    long avgPx;
    /** sum of lastQty * lastPx over fills, 128 bits */
    long notionalHi;
    long notionalLo;

    OrdStatus base;
    int pending = NO_PENDING;
    String pendingClOrdId;
    int pendingChild;
    long pendingQty;
    long pendingPrice;
    OrdType pendingOrdType;
    TimeInForce pendingTimeInForce;

    /** n of the current child ClOrdID (OrderID-n) at the venue, 0 when never sent */
    int currentChild;
    /** last n issued */
    int lastChild;
    String venueOrderId = "";

    long updatedNanos;
    /** created by a live input of this process, not by the replay (its venue acknowledgement latency counts) */
    boolean createdLive;
    /** the risk gate's id of the account, and what the gate was last told the order keeps open (0: not open) */
    int riskAccountId = -1;
    long riskOpenQty;
    OrderRejectReason rejectReason = OrderRejectReason.NONE;
    String text = "";
    /** kept by the sequencer (queryable, in the store); false only for a new order refused at capacity */
    boolean stored;
    /** ExecutionReports emitted for this order so far, live or replayed: the next one's index is this + 1 */
    int reports;

    Order(
        final long number, final String orderId, final int clientId, final String clOrdId, final String account,
        final Instrument instrument, final String symbol, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long orderQty, final long price, final long createdNanos)
    {
        this.number = number;
        this.orderId = orderId;
        this.clientId = clientId;
        this.firstClOrdId = clOrdId;
        this.clOrdId = clOrdId;
        this.account = account;
        this.instrument = instrument;
        this.symbol = symbol;
        this.side = side;
        this.venueId = instrument == null ? -1 : instrument.venueId();
        this.ordType = ordType;
        this.timeInForce = timeInForce;
        this.orderQty = orderQty;
        this.price = price;
        this.createdNanos = createdNanos;
        this.updatedNanos = createdNanos;
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
        return status();
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

    OrdStatus status()
    {
        if (pending != NO_PENDING && !base.isTerminal())
        {
            return pending == PENDING_CANCEL ? OrdStatus.PENDING_CANCEL : OrdStatus.PENDING_REPLACE;
        }
        return base;
    }

    boolean isTerminal()
    {
        return base.isTerminal();
    }

    int priceScale()
    {
        return instrument == null ? 0 : instrument.priceScale();
    }

    int qtyScale()
    {
        return instrument == null ? 0 : instrument.qtyScale();
    }

    void clearPending()
    {
        pending = NO_PENDING;
        pendingClOrdId = null;
        pendingChild = 0;
        pendingQty = 0;
        pendingPrice = 0;
        pendingOrdType = null;
        pendingTimeInForce = null;
    }

    void appendChildClOrdId(final StringBuilder dst, final int child)
    {
        dst.append(orderId).append('-').append(child);
    }

    /** @param routingFields for a routed order, its routing instructions (kept beside it: most orders have none) */
    OrderSnapshot snapshot(final String routingFields)
    {
        final StringBuilder venueClOrdId = new StringBuilder();
        if (currentChild > 0)
        {
            appendChildClOrdId(venueClOrdId, currentChild);
        }
        return new OrderSnapshot(
            orderId, clientId, clOrdId, firstClOrdId, pendingClOrdId == null ? "" : pendingClOrdId, account, symbol,
            side, ordType, timeInForce, priceScale(), qtyScale(), orderQty, price, cumQty, leavesQty, avgPx, status(),
            venueId, venueOrderId, venueClOrdId.toString(), createdNanos, updatedNanos, rejectReason, text,
            routingFields);
    }
}
