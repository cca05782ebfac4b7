package io.meridian.gateway;

import io.meridian.fix.codecs.builder.LogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;

/**
 * Shapes the Logon Meridian sends: ResetSeqNumFlag (141) only when it is Y. Artio always sets the
 * flag; an explicit 141=N is legal but unusual, and counterparties' conformance scripts (QuickFIX/J's
 * among them) expect a plain Logon answer.
 */
final class LogonCustomisation implements SessionCustomisationStrategy
{
    public void configureLogon(final AbstractLogonEncoder logon, final long sessionId)
    {
        if (logon instanceof LogonEncoder && !logon.resetSeqNumFlag())
        {
            ((LogonEncoder)logon).resetResetSeqNumFlag();
        }
    }

    public void configureLogout(final AbstractLogoutEncoder logout, final long sessionId)
    {
    }
}
