package io.meridian.venues.crypto;

import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/** What a crypto bridge knows of one OMS order at its venue (one chain of cancel/replace legs). Bridge thread only. */
final class TrackedOrder
{
    enum State
    {
        /** sent, not acknowledged */
        PENDING_NEW,
        /** acknowledged and working */
        LIVE,
        /** sent, and the venue's answer was lost (timeout, 5xx, dropped socket): settled by the stream or a status query */
        UNKNOWN,
        /** filled, canceled, expired or rejected */
        DONE
    }

    final String symbol;
    final String venueSymbol;
    final Side side;
    final int priceScale;
    final int qtyScale;
    OrdType ordType;
    TimeInForce timeInForce;
    long qty;
    long price;

    /** our ClOrdID of the current leg (the OMS's child id) */
    String clOrdId;
    /** the client order id of the current leg at the venue */
    String venueClOrdId;
    String venueOrderId = "";
    State state = State.PENDING_NEW;
    boolean acked;
    /** sum of the fills given to the OMS */
    long cumQty;
    /** cumQty when the current venue leg started (a Binance cancelReplace starts a new order at 0) */
    long legCumBase;

    String pendingCancelClOrdId;
    String pendingReplaceClOrdId;
    String pendingReplaceVenueClOrdId;
    long pendingQty;
    long pendingPrice;
    OrdType pendingOrdType;
    TimeInForce pendingTimeInForce;

    long sentMs;
    long unknownSinceMs;
    long nextStatusQueryMs;
    int statusQueries;
    boolean skewRetried;
    /** ExecInst (18) 6, "participate don't initiate", carried from the client: Binance LIMIT_MAKER, OKX post_only */
    boolean postOnly;

    /** a terminal event that arrived before the fills it counts (out of order): held until they are in */
    TerminalEvent parked;

    /** sent by an earlier process (before a restart) and taken over from the OMS's status query */
    boolean takenOver;
    /** the ClOrdID the OMS asked the status of; null when no answer is owed */
    String statusClOrdId;
    /** listed among the orders owed a status answer (until housekeeping drops it, answered) */
    boolean inStatusOwed;
    long statusAskedMs;
    long nextStatusStepMs;
    /** the venue's answer, held until the fills it counts have reached the OMS; null while not answered */
    OrdStatus statusOrdStatus;
    long statusCumQty;
    long statusAvgPx;

    TrackedOrder(final String symbol, final String venueSymbol, final Side side, final int priceScale, final int qtyScale)
    {
        this.symbol = symbol;
        this.venueSymbol = venueSymbol;
        this.side = side;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
    }

    boolean isOpen()
    {
        return state != State.DONE;
    }

    /** A held-back terminal event: its kind, the venue's cumulative quantity of the leg, and text. */
    record TerminalEvent(io.meridian.oms.model.ExecType execType, long legCumQty, String venueOrderId, String text)
    {
    }
}
