package io.meridian.oms;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Drives one Oms synchronously: every submit is followed by doWork() until the ring is empty. */
final class Harness implements AutoCloseable
{
    final TestSupport.FakeClock clock = new TestSupport.FakeClock();
    final TestSupport.RecordingReports reports = new TestSupport.RecordingReports();
    final TestSupport.RecordingVenues venues = new TestSupport.RecordingVenues();
    final TestSupport.SimpleRisk risk = new TestSupport.SimpleRisk();
    final TestSupport.RecordingFills fills = new TestSupport.RecordingFills();
    final Oms oms;
    final int recovered;

    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelOrderCommand cancel = new CancelOrderCommand();
    private final ReplaceOrderCommand replace = new ReplaceOrderCommand();
    private final OrderStatusCommand status = new OrderStatusCommand();
    private final VenueExecution execution = new VenueExecution();
    private final VenueCancelReject cancelReject = new VenueCancelReject();

    Harness(final Path journalDir)
    {
        this(new OmsConfig().journalDir(journalDir).maxOrders(10_000).ringCapacityBytes(1 << 16)
            .journalSegmentBytes(1 << 20), false);
    }

    Harness(final OmsConfig config, final boolean hostileOutputs)
    {
        if (hostileOutputs)
        {
            java.util.Arrays.fill(venues.connected, false);
            venues.sendOk = false;
            risk.rejectEverything = true;
        }
        oms = new Oms(config, TestSupport.INSTRUMENTS, risk, reports, venues, fills, clock);
        recovered = oms.recover();
    }

    void run()
    {
        try
        {
            // a read that only consumes the ring's wrap-around padding reports no work: also check the depth
            while (oms.sequencer().doWork() > 0 || oms.metrics().queueDepth() > 0)
            {
                // drain
            }
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    <T> T get(final CompletableFuture<T> future)
    {
        run();
        return future.join();
    }

    OrderSnapshot order(final String orderId)
    {
        return get(oms.queries().order(orderId)).orElseThrow();
    }

    NewOrderCommand newOrder(
        final int clientId, final String clOrdId, final Instrument instrument, final Side side, final long qty,
        final long price)
    {
        newOrder.reset();
        newOrder.clientId = clientId;
        newOrder.clOrdId.append(clOrdId);
        newOrder.account.append("ACC").append(clientId);
        newOrder.symbol.append(instrument == null ? "NOPE" : instrument.symbol());
        newOrder.instrumentId = instrument == null ? -1 : instrument.id();
        newOrder.side = side;
        newOrder.ordType = price == 0 ? OrdType.MARKET : OrdType.LIMIT;
        newOrder.timeInForce = TimeInForce.DAY;
        newOrder.qty = qty;
        newOrder.price = price;
        newOrder.edgeReject = OrderRejectReason.NONE;
        return newOrder;
    }

    /** Submits a limit buy of AAPL and returns the OrderID from the last report. */
    String buy(final int clientId, final String clOrdId, final long qty, final long price)
    {
        submit(newOrder(clientId, clOrdId, TestSupport.EQUITY, Side.BUY, qty, price));
        return reports.lastEr().orderId();
    }

    void submit(final NewOrderCommand command)
    {
        if (!oms.orderEntry().newOrder(command))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    CancelOrderCommand cancel(final int clientId, final String clOrdId, final String origClOrdId)
    {
        cancel.reset();
        cancel.clientId = clientId;
        cancel.clOrdId.append(clOrdId);
        cancel.origClOrdId.append(origClOrdId);
        return cancel;
    }

    void submit(final CancelOrderCommand command)
    {
        if (!oms.orderEntry().cancelOrder(command))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    ReplaceOrderCommand replace(
        final int clientId, final String clOrdId, final String origClOrdId, final long qty, final long price)
    {
        replace.reset();
        replace.clientId = clientId;
        replace.clOrdId.append(clOrdId);
        replace.origClOrdId.append(origClOrdId);
        replace.qty = qty;
        replace.price = price;
        replace.ordType = price == 0 ? OrdType.MARKET : OrdType.LIMIT;
        return replace;
    }

    void submit(final ReplaceOrderCommand command)
    {
        if (!oms.orderEntry().replaceOrder(command))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void status(final int clientId, final String clOrdId, final String orderId, final String statusReqId)
    {
        status.reset();
        status.clientId = clientId;
        status.clOrdId.append(clOrdId);
        status.orderId.append(orderId);
        status.statusReqId.append(statusReqId);
        if (!oms.orderEntry().orderStatus(status))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    VenueExecution execution(final int venueId, final ExecType execType, final String clOrdId)
    {
        execution.reset();
        execution.venueId = venueId;
        execution.execType = execType;
        execution.clOrdId.append(clOrdId);
        execution.venueOrderId.append("V-").append(clOrdId, 0, Math.max(0, clOrdId.indexOf('-')));
        return execution;
    }

    void submit(final VenueExecution e)
    {
        if (!oms.venueEvents().onExecution(e))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void venue(final ExecType execType, final String venueClOrdId)
    {
        submit(execution(0, execType, venueClOrdId));
    }

    void venue(final ExecType execType, final String venueClOrdId, final String origVenueClOrdId)
    {
        final VenueExecution e = execution(0, execType, venueClOrdId);
        e.origClOrdId.append(origVenueClOrdId);
        submit(e);
    }

    void fill(final String venueClOrdId, final String venueExecId, final long qty, final long px)
    {
        final VenueExecution e = execution(0, ExecType.TRADE, venueClOrdId);
        e.venueExecId.append(venueExecId);
        e.lastQty = qty;
        e.lastPx = px;
        submit(e);
    }

    void venueCancelReject(final int venueId, final String venueClOrdId, final String origVenueClOrdId, final String text)
    {
        cancelReject.reset();
        cancelReject.venueId = venueId;
        cancelReject.clOrdId.append(venueClOrdId);
        cancelReject.origClOrdId.append(origVenueClOrdId);
        cancelReject.text.append(text);
        if (!oms.venueEvents().onCancelReject(cancelReject))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void sessionState(final int venueId, final boolean connected)
    {
        if (!oms.venueEvents().onVenueSessionState(venueId, connected))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void massCancel(final io.meridian.oms.model.MassCancelScope scope, final int id)
    {
        if (!oms.massCancel(scope, id))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void massCancelAccount(final String account)
    {
        if (!oms.massCancelAccount(account))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void dayRoll()
    {
        if (!oms.dayRoll())
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    long stateHash()
    {
        return get(oms.onSequencer(oms::stateHash));
    }

    public void close()
    {
        oms.close();
    }
}
