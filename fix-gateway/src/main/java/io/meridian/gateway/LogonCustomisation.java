package io.meridian.gateway;

import io.meridian.fix.codecs.builder.LogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;

/**
 * Shapes the Logon Meridian sends: ResetSeqNumFlag (141) only when it is Y (Artio always sets the
 * flag; an explicit 141=N is legal but unusual, and counterparties' conformance scripts, QuickFIX/J's
 * among them, expect a plain Logon answer); on FIXT.1.1 sessions DefaultApplVerID (1137) = 9,
 * FIX 5.0 SP2, which Artio does not set and FIXT requires.
 */
final class LogonCustomisation implements SessionCustomisationStrategy
{
    private static final String FIX50_SP2_APPL_VER_ID = "9";

    public void configureLogon(final AbstractLogonEncoder logon, final long sessionId)
    {
        if (logon instanceof LogonEncoder && !logon.resetSeqNumFlag())
        {
            ((LogonEncoder)logon).resetResetSeqNumFlag();
        }
        else if (logon instanceof io.meridian.fix42.codecs.builder.LogonEncoder && !logon.resetSeqNumFlag())
        {
            ((io.meridian.fix42.codecs.builder.LogonEncoder)logon).resetResetSeqNumFlag();
        }
        else if (logon instanceof io.meridian.fixt.codecs.builder.LogonEncoder)
        {
            final io.meridian.fixt.codecs.builder.LogonEncoder fixtLogon = (io.meridian.fixt.codecs.builder.LogonEncoder)logon;
            fixtLogon.defaultApplVerID(FIX50_SP2_APPL_VER_ID);
            if (!logon.resetSeqNumFlag())
            {
                fixtLogon.resetResetSeqNumFlag();
            }
        }
    }

    public void configureLogout(final AbstractLogoutEncoder logout, final long sessionId)
    {
    }

    /** @return this customisation followed by {@code next} (a venue dialect's, say) on every Logon and Logout. */
    SessionCustomisationStrategy then(final SessionCustomisationStrategy next)
    {
        final LogonCustomisation first = this;
        return new SessionCustomisationStrategy()
        {
            public void configureLogon(final AbstractLogonEncoder logon, final long sessionId)
            {
                first.configureLogon(logon, sessionId);
                next.configureLogon(logon, sessionId);
            }

            public void configureLogout(final AbstractLogoutEncoder logout, final long sessionId)
            {
                first.configureLogout(logout, sessionId);
                next.configureLogout(logout, sessionId);
            }
        };
    }
}
