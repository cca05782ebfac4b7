package io.meridian.risk;

import io.meridian.oms.api.PreTradeCheck;
import io.meridian.oms.api.PreTradeRequest;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Operator halts in front of the hot gate: the kill switch refuses every new order and replace
 * ({@code KILL_SWITCH}); a halted venue refuses those routed to it ({@code VENUE_HALTED} by the
 * operator, {@code VENUE_DRIFT} by reconciliation's halt policy, {@code VENUE_NOT_RECONCILED} until
 * its first reconciliation after a start, {@code RECONCILIATION_OVERDUE} while its reconciliation is overdue;
 * each its own flag, so lifting one never lifts another). Cancels
 * never pass through a pre-trade check, so they keep working. Set from the admin thread, read by the
 * sequencer (one volatile read per order, no allocation); the outcome is journaled with the order,
 * so a replay reaches the same state whatever the halts are then.
 */
public final class TradingHalts implements PreTradeCheck
{
    /** The levels of the kill switch below global and venue. */
    public enum Level
    {
        INSTRUMENT, SESSION, ACCOUNT
    }

    private static final int OPERATOR = 1;
    private static final int DRIFT = 2;
    private static final int NOT_RECONCILED = 4;
    private static final int OVERDUE = 8;

    private final PreTradeCheck next;
    /** per venue, the bits OPERATOR | DRIFT | NOT_RECONCILED | OVERDUE */
    private final AtomicIntegerArray venueHalted;
    private final AtomicIntegerArray[] scoped = new AtomicIntegerArray[Level.values().length];
    private volatile boolean killSwitch;
    private volatile boolean shuttingDown;
    private volatile boolean healthHalt;

    public TradingHalts(final PreTradeCheck next, final int venueCount)
    {
        this(next, venueCount, 0, 0, 0);
    }

    /** With kill switches per instrument, FIX session (client id) and account (the gate's account id). */
    public TradingHalts(
        final PreTradeCheck next, final int venueCount, final int instrumentCount, final int sessionCount,
        final int accountCount)
    {
        this.next = next;
        this.venueHalted = new AtomicIntegerArray(Math.max(venueCount, 1));
        scoped[Level.INSTRUMENT.ordinal()] = new AtomicIntegerArray(instrumentCount);
        scoped[Level.SESSION.ordinal()] = new AtomicIntegerArray(sessionCount);
        scoped[Level.ACCOUNT.ordinal()] = new AtomicIntegerArray(accountCount);
    }

    @Override
    public OrderRejectReason check(
        final Instrument instrument, final Side side, final OrdType ordType, final long qty, final long price)
    {
        final OrderRejectReason halted = halted(instrument);
        return halted != OrderRejectReason.NONE ? halted : next.check(instrument, side, ordType, qty, price);
    }

    @Override
    public OrderRejectReason check(final PreTradeRequest request)
    {
        OrderRejectReason halted = halted(request.instrument);
        if (halted == OrderRejectReason.NONE &&
            (halted(Level.SESSION, request.clientId) || halted(Level.ACCOUNT, request.accountId)))
        {
            halted = OrderRejectReason.SCOPE_HALTED;
        }
        return halted != OrderRejectReason.NONE ? halted : next.check(request);
    }

    private OrderRejectReason halted(final Instrument instrument)
    {
        if (shuttingDown)
        {
            return OrderRejectReason.SHUTTING_DOWN;
        }
        if (killSwitch)
        {
            return OrderRejectReason.KILL_SWITCH;
        }
        if (healthHalt)
        {
            return OrderRejectReason.HEALTH_HALT;
        }
        final int venueId = instrument.venueId();
        final int venueFlags = venueId >= 0 && venueId < venueHalted.length() ? venueHalted.get(venueId) : 0;
        if (venueFlags != 0)
        {
            return (venueFlags & OPERATOR) != 0 ? OrderRejectReason.VENUE_HALTED :
                (venueFlags & DRIFT) != 0 ? OrderRejectReason.VENUE_DRIFT :
                (venueFlags & NOT_RECONCILED) != 0 ? OrderRejectReason.VENUE_NOT_RECONCILED :
                OrderRejectReason.RECONCILIATION_OVERDUE;
        }
        if (halted(Level.INSTRUMENT, instrument.id()))
        {
            return OrderRejectReason.SCOPE_HALTED;
        }
        return OrderRejectReason.NONE;
    }

    @Override
    public void onTrade(final Instrument instrument, final long price)
    {
        next.onTrade(instrument, price);
    }

    @Override
    public int accountId(final CharSequence account)
    {
        return next.accountId(account);
    }

    @Override
    public void onOpenQty(
        final int clientId, final int accountId, final Instrument instrument, final Side side, final long deltaQty,
        final int deltaOrders)
    {
        next.onOpenQty(clientId, accountId, instrument, side, deltaQty, deltaOrders);
    }

    @Override
    public void onFill(
        final int clientId, final int accountId, final Instrument instrument, final Side side, final long qty,
        final long price, final long nowNanos)
    {
        next.onFill(clientId, accountId, instrument, side, qty, price, nowNanos);
    }

    /** @return the previous state. */
    public boolean killSwitch(final boolean engaged)
    {
        final boolean previous = killSwitch;
        killSwitch = engaged;
        return previous;
    }

    /** A graceful stop has begun: new orders and replaces are refused (not persisted: a restart trades). */
    public void shuttingDown()
    {
        shuttingDown = true;
    }

    /** The health monitor's halt (sequencer stalled): @return the previous state. Not persisted. */
    public boolean healthHalt(final boolean engaged)
    {
        final boolean previous = healthHalt;
        healthHalt = engaged;
        return previous;
    }

    public boolean healthHalted()
    {
        return healthHalt;
    }

    public boolean killSwitchEngaged()
    {
        return killSwitch;
    }

    /** The operator's halt of a venue. @return the previous state. @throws IllegalArgumentException for an unknown venue id. */
    public boolean venueHalted(final int venueId, final boolean halted)
    {
        return setVenueFlag(venueId, OPERATOR, halted);
    }

    /** Reconciliation's halt of a venue (an unresolved drift under the halt policy). @return the previous state. */
    public boolean driftHalt(final int venueId, final boolean halted)
    {
        return setVenueFlag(venueId, DRIFT, halted);
    }

    /** A venue not yet reconciled since the start refuses new orders. @return the previous state. */
    public boolean notReconciled(final int venueId, final boolean notReconciled)
    {
        return setVenueFlag(venueId, NOT_RECONCILED, notReconciled);
    }

    /** The reconciliation heartbeat: the venue's reconciliation is overdue. @return the previous state. */
    public boolean overdueHalt(final int venueId, final boolean overdue)
    {
        return setVenueFlag(venueId, OVERDUE, overdue);
    }

    public boolean overdueHalted(final int venueId)
    {
        return venueFlag(venueId, OVERDUE);
    }

    public boolean driftHalted(final int venueId)
    {
        return venueFlag(venueId, DRIFT);
    }

    public boolean notReconciled(final int venueId)
    {
        return venueFlag(venueId, NOT_RECONCILED);
    }

    private boolean setVenueFlag(final int venueId, final int flag, final boolean set)
    {
        if (venueId < 0 || venueId >= venueHalted.length())
        {
            throw new IllegalArgumentException("unknown venue id " + venueId);
        }
        int flags;
        do
        {
            flags = venueHalted.get(venueId);
        }
        while (!venueHalted.compareAndSet(venueId, flags, set ? flags | flag : flags & ~flag));
        return (flags & flag) != 0;
    }

    private boolean venueFlag(final int venueId, final int flag)
    {
        return venueId >= 0 && venueId < venueHalted.length() && (venueHalted.get(venueId) & flag) != 0;
    }

    /** @return the previous state. @throws IllegalArgumentException for an id out of range. */
    public boolean halt(final Level level, final int id, final boolean halted)
    {
        final AtomicIntegerArray flags = scoped[level.ordinal()];
        if (id < 0 || id >= flags.length())
        {
            throw new IllegalArgumentException("unknown " + level + " id " + id);
        }
        return flags.getAndSet(id, halted ? 1 : 0) != 0;
    }

    public boolean halted(final Level level, final int id)
    {
        final AtomicIntegerArray flags = scoped[level.ordinal()];
        return id >= 0 && id < flags.length() && flags.get(id) != 0;
    }

    /** Whether the operator halted the venue. */
    public boolean venueHalted(final int venueId)
    {
        return venueFlag(venueId, OPERATOR);
    }
}
