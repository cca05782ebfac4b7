package io.meridian.simulators.fix;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;

/**
 * Sends reports to client sessions from one thread, in the order they were produced, so that the
 * venue lock is never held while QuickFIX/J sends. Applies the report-delay fault. (Reports
 * produced with no delay overtake reports still waiting out an earlier delay.)
 */
final class ReportSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportSender.class);

    private final ScheduledExecutorService executor;

    ReportSender() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "fix-venue-reports");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
    }

    void send(Message message, SessionID session, long delayMs) {
        executor.schedule(() -> sendNow(message, session), delayMs, TimeUnit.MILLISECONDS);
    }

    private static void sendNow(Message message, SessionID session) {
        try {
            if (!Session.sendToTarget(message, session)) {
                LOG.debug("report queued, session {} not logged on", session);
            }
        } catch (SessionNotFound e) {
            LOG.warn("report dropped, no session {}", session);
        }
    }

    /** Sends what is due now, drops delayed reports, and waits for the thread to end. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
