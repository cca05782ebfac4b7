package io.meridian.oms.api;

import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;

/**
 * A venue's ExecutionReport, normalised by a venue bridge. {@code clOrdId}/{@code origClOrdId}
 * are the ids Meridian sent to the venue. Quantities and prices are scaled by the instrument.
 * Reusable, copied on submission.
 */
public final class VenueExecution
{
    public int venueId;
    public final StringBuilder clOrdId = new StringBuilder(32);
    public final StringBuilder origClOrdId = new StringBuilder(32);
    public final StringBuilder venueOrderId = new StringBuilder(32);
    /** venue ExecID (17); the dedupe key for fills together with venueId */
    public final StringBuilder venueExecId = new StringBuilder(32);
    public ExecType execType;
    public OrdStatus ordStatus;
    public long lastQty;
    /** the fill's price; for an ORDER_STATUS answer, the venue's average price of the order (AvgPx) */
    public long lastPx;
    public long cumQty;
    public long leavesQty;
    /** venue TransactTime (60) in epoch nanos, 0 when absent */
    public long venueTimeNanos;
    /** local receipt time, epoch nanos, from the bridge's clock */
    public long receivedNanos;
    public int venueRejectCode;
    /** fee (commission) charged for this fill, scaled by {@link #feeScale}; positive is a cost, 0 when none */
    public long fee;
    /** decimals of {@link #fee} */
    public int feeScale;
    /** asset the fee is charged in (e.g. USDT, BNB), empty when none */
    public final StringBuilder feeAsset = new StringBuilder(16);
    public final StringBuilder text = new StringBuilder(64);
    /**
     * Dialect fields carried through unchanged, raw {@code tag=value<SOH>} pairs (empty when none):
     * which tags travel is configured per client and per venue at the edges.
     */
    public final StringBuilder customFields = new StringBuilder(64);

    public VenueExecution reset()
    {
        venueId = 0;
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        venueOrderId.setLength(0);
        venueExecId.setLength(0);
        execType = null;
        ordStatus = null;
        lastQty = 0;
        lastPx = 0;
        cumQty = 0;
        leavesQty = 0;
        venueTimeNanos = 0;
        receivedNanos = 0;
        venueRejectCode = 0;
        fee = 0;
        feeScale = 0;
        feeAsset.setLength(0);
        text.setLength(0);
        customFields.setLength(0);
        return this;
    }
}
