package io.meridian.oms.api;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;

/**
 * What the sequencer asks the hot risk gate about one new order or replace. A flyweight the
 * sequencer reuses: valid only during {@link PreTradeCheck#check(PreTradeRequest)}.
 */
public final class PreTradeRequest
{
    /** dense client (FIX session) index */
    public int clientId;
    /** the gate's own id of the order's account, from {@link PreTradeCheck#accountId}; -1 when none */
    public int accountId;
    public Instrument instrument;
    public Side side;
    public OrdType ordType;
    /** scaled by the instrument's qtyScale: the order quantity asked for (the new one for a replace) */
    public long qty;
    /** scaled by the instrument's priceScale, 0 for market orders */
    public long price;
    /** a replace of a working order rather than a new order */
    public boolean replace;
    /** for a replace: the quantity the order counts as open now, which the replace supersedes */
    public long replacedOpenQty;
    /** for a replace: the order's executed quantity (its new open quantity is qty - cumQty) */
    public long cumQty;
    /** sequencer time of the input (journaled epoch nanos) */
    public long nowNanos;
    /**
     * A child order the smart order router places for a parent order: the parent passed every client,
     * account and firm limit already, so only the instrument's own checks and the halts apply.
     */
    public boolean routedChild;

    public PreTradeRequest set(
        final int clientId, final int accountId, final Instrument instrument, final Side side, final OrdType ordType,
        final long qty, final long price, final long nowNanos)
    {
        this.clientId = clientId;
        this.accountId = accountId;
        this.instrument = instrument;
        this.side = side;
        this.ordType = ordType;
        this.qty = qty;
        this.price = price;
        this.nowNanos = nowNanos;
        this.replace = false;
        this.replacedOpenQty = 0;
        this.cumQty = 0;
        this.routedChild = false;
        return this;
    }

    /** @return the quantity this request would leave open at the venue. */
    public long newOpenQty()
    {
        return Math.max(0, qty - cumQty);
    }
}
