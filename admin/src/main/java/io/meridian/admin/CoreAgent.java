package io.meridian.admin;

import io.meridian.gateway.FixRuntime;
import io.meridian.oms.Oms;
import org.agrona.concurrent.Agent;

/**
 * The order path's duty cycle on the core thread: read the sockets and the FIX library (client
 * orders and venue reports into the sequencer's ring), the venue sessions' timers, the sequencer
 * (risk, state machine, reports and child orders published to the library), then, when something
 * was sequenced, the framer again so those outputs reach the sockets in this cycle, and only then
 * the work that nobody waits for (the shared store's projection of what changed).
 */
final class CoreAgent implements Agent
{
    private final Agent fixLibrary;
    private final Agent venueSessions;
    private final Agent sequencer;
    private final Oms oms;
    private final FixRuntime fixRuntime;

    CoreAgent(final Agent fixLibrary, final Agent venueSessions, final Oms oms, final FixRuntime fixRuntime)
    {
        this.fixLibrary = fixLibrary;
        this.venueSessions = venueSessions;
        this.sequencer = oms.sequencer();
        this.oms = oms;
        this.fixRuntime = fixRuntime;
        oms.publishStateChangesAfterEachCycle();
    }

    public void onStart()
    {
        fixLibrary.onStart();
        venueSessions.onStart();
        sequencer.onStart();
    }

    public int doWork() throws Exception
    {
        int work = fixLibrary.doWork() + venueSessions.doWork();
        final int sequenced = sequencer.doWork();
        if (sequenced > 0)
        {
            work += sequenced + fixRuntime.flushOutbound();
        }
        return work + oms.publishStateChanges();
    }

    public void onClose()
    {
        try
        {
            fixLibrary.onClose();
        }
        finally
        {
            try
            {
                venueSessions.onClose();
            }
            finally
            {
                sequencer.onClose();
            }
        }
    }

    public String roleName()
    {
        return "meridian-core";
    }
}
