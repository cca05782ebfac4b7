package io.meridian.admin;

import io.meridian.oms.model.MassCancelScope;
import io.meridian.risk.TradingHalts;
import io.meridian.risk.alerts.Severity;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kill switch, one code path for every trigger (the admin API's {@code POST /kill-switch} and venue halts,
 * an ops session's OrderMassCancelRequest): engages or releases it at a level (global, venue, instrument,
 * session, account), raises the alert, saves the halts so they outlive a restart, and cancels the open orders
 * in scope through the sequencer's journaled mass cancel. The caller audits the {@link Change} it gets back,
 * under the name of whoever asked.
 */
final class KillSwitches
{
    /** Why a request changed nothing (or, {@link #SEQUENCER_BUSY}, engaged without its cancels taken). */
    enum Refusal
    {
        NONE, UNKNOWN_SCOPE, NAME_MISSING, UNKNOWN_NAME, SEQUENCER_BUSY
    }

    /**
     * What a request did: the state before and after (for the audit), or why it was refused.
     *
     * @param label  what was switched: {@code global}, {@code venue SIMVENUE}, {@code instrument AAPL}, ...
     * @param reason the refusal in words; null when none.
     */
    record Change(
        String label, Map<String, Object> before, Map<String, Object> after, Refusal refusal, String reason)
    {
        static Change refused(final Refusal refusal, final String reason)
        {
            return new Change(null, null, null, refusal, reason);
        }

        boolean refused()
        {
            return refusal != Refusal.NONE && refusal != Refusal.SEQUENCER_BUSY;
        }
    }

    private static final long MASS_CANCEL_OFFER_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    private final MeridianServer server;

    KillSwitches(final MeridianServer server)
    {
        this.server = server;
    }

    /**
     * @param scope   global (or null), venue, instrument, session or account.
     * @param name    the venue, symbol, client CompID or account; ignored for global.
     * @param engaged engage (new orders in scope refused, open ones cancelled) or release.
     * @param who     for the alert: the operator, or the ops session.
     * @param source  for the alert: {@code admin} or {@code fix-ops}.
     */
    Change set(final String scope, final String name, final boolean engaged, final String who, final String source)
    {
        if (scope == null || scope.equals("global"))
        {
            return global(engaged, who, source);
        }
        if (name == null || name.isBlank())
        {
            return Change.refused(Refusal.NAME_MISSING, "a " + scope + " kill switch needs its name");
        }
        if (scope.equals("venue"))
        {
            return venue(name, engaged, who, source);
        }
        final TradingHalts.Level level = TradingHaltFile.level(scope);
        if (level == null)
        {
            return Change.refused(Refusal.UNKNOWN_SCOPE,
                "scope must be global, venue, instrument, session or account, not " + scope);
        }
        final int id = TradingHaltFile.id(server, level, name);
        if (id < 0)
        {
            return Change.refused(Refusal.UNKNOWN_NAME, "no " + scope + " " + name +
                (level == TradingHalts.Level.ACCOUNT ? " (accounts with risk limits only)" : ""));
        }
        final boolean previous = server.halts().halt(level, id, engaged);
        final String label = scope + " " + name;
        if (previous != engaged)
        {
            server.alerts().raise(engaged ? Severity.RED : Severity.INFO, source,
                engaged ? "KILL_SWITCH_ENGAGED" : "KILL_SWITCH_RELEASED",
                engaged ? "kill switch of " + label + " engaged by " + who + ": its new orders refused, its open orders cancelled" :
                    "kill switch of " + label + " released by " + who);
        }
        save();
        final boolean cancelled = !engaged || switch (level)
        {
            // the account's orders by its name: the journal replays it whatever the accounts' ids are then
            case ACCOUNT -> cancelOpenOrders(() -> server.oms().massCancelAccount(name));
            case INSTRUMENT -> cancelOpenOrders(() -> server.oms().massCancel(MassCancelScope.INSTRUMENT, id));
            case SESSION -> cancelOpenOrders(() -> server.oms().massCancel(MassCancelScope.CLIENT, id));
        };
        return changed(label, Map.of("killSwitch", label, "engaged", previous),
            Map.of("killSwitch", label, "engaged", engaged), cancelled);
    }

    private Change global(final boolean engaged, final String who, final String source)
    {
        final boolean previous = server.halts().killSwitch(engaged);
        if (previous != engaged)
        {
            server.alerts().raise(engaged ? Severity.RED : Severity.INFO, source,
                engaged ? "KILL_SWITCH_ENGAGED" : "KILL_SWITCH_RELEASED",
                engaged ? "kill switch engaged by " + who + ": every new order refused, open orders cancelled" :
                    "kill switch released by " + who + ": new orders accepted again");
        }
        save();
        // no order left working: every open order is cancelled at its venue (openOrders reaches 0)
        final boolean cancelled = !engaged || cancelOpenOrders(() -> server.oms().massCancel(MassCancelScope.ALL, 0));
        return changed("global", Map.of("killSwitch", previous), Map.of("killSwitch", engaged), cancelled);
    }

    /** The operator's venue halt ({@code POST /venues/{venue}/halt}, or the venue level of the kill switch). */
    Change venue(final String name, final boolean halted, final String who, final String source)
    {
        final Integer venueId = server.config().venueIds().get(name);
        if (venueId == null)
        {
            return Change.refused(Refusal.UNKNOWN_NAME, "no venue " + name);
        }
        final boolean previous = server.halts().venueHalted(venueId, halted);
        if (previous != halted)
        {
            server.alerts().raise(halted ? Severity.RED : Severity.INFO, source,
                halted ? "VENUE_HALTED" : "VENUE_RESUMED",
                halted ? "venue " + name + " halted by " + who + ": new orders to it refused, its open orders cancelled" :
                    "venue " + name + " resumed by " + who);
        }
        save();
        final boolean cancelled = !halted || cancelOpenOrders(() -> server.oms().massCancel(MassCancelScope.VENUE, venueId));
        return changed("venue " + name, Map.of("venue", name, "halted", previous),
            Map.of("venue", name, "halted", halted), cancelled);
    }

    private static Change changed(
        final String label, final Map<String, Object> before, final Map<String, Object> after, final boolean cancelled)
    {
        return cancelled ? new Change(label, before, after, Refusal.NONE, null) :
            new Change(label, before, after, Refusal.SEQUENCER_BUSY,
                "halt engaged, but the sequencer did not take the cancel of open orders: retry");
    }

    /** @param offer offers the mass cancel to the sequencer, false while its ring is full. */
    private static boolean cancelOpenOrders(final java.util.function.BooleanSupplier offer)
    {
        final long deadlineNs = System.nanoTime() + MASS_CANCEL_OFFER_TIMEOUT_NS;
        while (!offer.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    private void save()
    {
        TradingHaltFile.save(server.config().dataDir(), server);
    }
}
