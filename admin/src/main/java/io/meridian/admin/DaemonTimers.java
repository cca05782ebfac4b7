package io.meridian.admin;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The admin side's periodic background work: one named daemon thread per timer, off the order path. */
final class DaemonTimers
{
    private DaemonTimers()
    {
    }

    static ScheduledExecutorService single(final String threadName)
    {
        return Executors.newSingleThreadScheduledExecutor(task ->
        {
            final Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
