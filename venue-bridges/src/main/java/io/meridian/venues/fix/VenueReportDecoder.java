package io.meridian.venues.fix;

import io.meridian.fix.Decimals;
import io.meridian.fix.CarriedFields;
import io.meridian.fix.codecs.decoder.ExecutionReportDecoder;
import org.agrona.collections.IntHashSet;
import io.meridian.fix.codecs.decoder.OrderCancelRejectDecoder;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import uk.co.real_logic.artio.fields.ReadOnlyDecimalFloat;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;
import uk.co.real_logic.artio.util.AsciiBuffer;

import java.util.concurrent.TimeUnit;

/**
 * Normalises a venue's ExecutionReport / OrderCancelReject into the OMS's venue events, with
 * quantities and prices scaled by the instrument. Reuses its decoders and events.
 */
final class VenueReportDecoder
{
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
    private final OrderCancelRejectDecoder cancelReject = new OrderCancelRejectDecoder();
    private final UtcTimestampDecoder timestampDecoder = new UtcTimestampDecoder(false);
    private final VenueExecution execution = new VenueExecution();
    private final VenueCancelReject reject = new VenueCancelReject();
    private String problem;

    VenueReportDecoder()
    {
    }

    /** Decodes an ExecutionReport for a look before {@link #execution} normalises it. */
    ExecutionReportDecoder decodeExecutionReport(final AsciiBuffer buffer, final int offset, final int length)
    {
        final ExecutionReportDecoder decoder = executionReport;
        decoder.reset();
        decoder.decode(buffer, offset, length);
        return decoder;
    }

    /**
     * Normalises the ExecutionReport {@link #decodeExecutionReport} just decoded from the same bytes.
     * @return the normalised execution, or null when unusable ({@link #problem()} says why).
     */
    VenueExecution execution(
        final VenueSymbols symbols, final int venueId, final AsciiBuffer buffer, final int offset, final int length, final long receivedNanos,
        final IntHashSet carryTags)
    {
        final ExecutionReportDecoder decoder = executionReport;
        if (!decoder.validate())
        {
            return unusable("invalid ExecutionReport tag=" + decoder.invalidTagId() + " reason=" + decoder.rejectReason());
        }
        final Instrument instrument = symbols.instrument(decoder.symbol(), decoder.symbolLength());
        if (instrument == null)
        {
            return unusable("unknown symbol " + decoder.symbolAsString());
        }
        // Done for day (150=3) ends the order like an expiry. The venue's OrdStatus is kept as
        // data only (Meridian derives its own), so a value Meridian does not model is no reason to
        // drop, say, a fill. Restatements and trade corrections/busts are not handled yet: refused loudly.
        final char execTypeValue = decoder.execType();
        final ExecType execType = execTypeValue == '3' ? ExecType.EXPIRED : ExecType.fromFix(execTypeValue);
        final OrdStatus ordStatus = OrdStatus.fromFix(decoder.ordStatus());
        if (execType == null)
        {
            return unusable("unsupported ExecType " + execTypeValue + " execId=" + decoder.execIDAsString());
        }

        final VenueExecution event = execution.reset();
        event.venueId = venueId;
        event.receivedNanos = receivedNanos;
        event.execType = execType;
        event.ordStatus = ordStatus;
        if (decoder.hasClOrdID())
        {
            event.clOrdId.append(decoder.clOrdID(), 0, decoder.clOrdIDLength());
        }
        if (decoder.hasOrigClOrdID())
        {
            event.origClOrdId.append(decoder.origClOrdID(), 0, decoder.origClOrdIDLength());
        }
        event.venueOrderId.append(decoder.orderID(), 0, decoder.orderIDLength());
        event.venueExecId.append(decoder.execID(), 0, decoder.execIDLength());
        event.cumQty = scaled(decoder.cumQty(), instrument.qtyScale());
        event.leavesQty = scaled(decoder.leavesQty(), instrument.qtyScale());
        if (decoder.hasLastQty())
        {
            event.lastQty = scaled(decoder.lastQty(), instrument.qtyScale());
        }
        if (decoder.hasLastPx())
        {
            event.lastPx = scaled(decoder.lastPx(), instrument.priceScale());
        }
        if (execType == ExecType.ORDER_STATUS)
        {
            // a status carries no last fill: LastPx carries the venue's AvgPx (6), so the OMS can book
            // what the venue executed that its reports never brought (see VenueExecution#lastPx)
            event.lastPx = scaled(decoder.avgPx(), instrument.priceScale());
        }
        if (execType == ExecType.TRADE && (event.lastQty <= 0 || event.lastPx <= 0))
        {
            return unusable("trade without positive LastQty/LastPx execId=" + decoder.execIDAsString());
        }
        if (decoder.hasOrdRejReason())
        {
            event.venueRejectCode = decoder.ordRejReason();
        }
        if (decoder.hasTransactTime())
        {
            final long millis = timestampDecoder.decode(decoder.transactTime(), decoder.transactTimeLength());
            event.venueTimeNanos = millis == Long.MIN_VALUE ? 0 : TimeUnit.MILLISECONDS.toNanos(millis);
        }
        if (decoder.hasText())
        {
            event.text.append(decoder.text(), 0, decoder.textLength());
        }
        if (carryTags != null)
        {
            CarriedFields.copy(buffer, offset, length, carryTags, event.customFields);
        }
        return event;
    }

    VenueCancelReject cancelReject(
        final int venueId, final AsciiBuffer buffer, final int offset, final int length, final long receivedNanos)
    {
        final OrderCancelRejectDecoder decoder = cancelReject;
        decoder.reset();
        decoder.decode(buffer, offset, length);
        if (!decoder.validate())
        {
            problem = "invalid OrderCancelReject tag=" + decoder.invalidTagId() + " reason=" + decoder.rejectReason();
            return null;
        }
        final VenueCancelReject event = reject.reset();
        event.venueId = venueId;
        event.receivedNanos = receivedNanos;
        event.clOrdId.append(decoder.clOrdID(), 0, decoder.clOrdIDLength());
        event.origClOrdId.append(decoder.origClOrdID(), 0, decoder.origClOrdIDLength());
        event.replace = decoder.cxlRejResponseTo() == '2';
        if (decoder.hasCxlRejReason())
        {
            event.venueReasonCode = decoder.cxlRejReason();
        }
        if (decoder.hasText())
        {
            event.text.append(decoder.text(), 0, decoder.textLength());
        }
        return event;
    }

    String problem()
    {
        return problem;
    }

    private VenueExecution unusable(final String why)
    {
        problem = why;
        return null;
    }

    private static long scaled(final ReadOnlyDecimalFloat value, final int scale)
    {
        final long scaled = Decimals.toScaled(value, scale);
        if (scaled != Decimals.NOT_REPRESENTABLE || value.isNaNValue() || value.scale() <= scale)
        {
            return scaled;
        }
        // a venue sending more decimals than the instrument holds is a venue/config problem: keep
        // the order flowing with the extra decimals truncated rather than dropping a fill
        return value.value() / Decimals.powerOfTen(value.scale() - scale);
    }
}
