package io.meridian.systemtests.acceptance;

import io.meridian.gateway.ClientAuthenticator;
import io.meridian.gateway.ClientSessionConfig;
import io.meridian.gateway.FixRuntime;
import io.meridian.gateway.FixRuntimeConfig;
import io.meridian.gateway.GatewayMetrics;
import org.agrona.concurrent.SystemEpochNanoClock;
import uk.co.real_logic.artio.Reply;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Meridian's acceptor in the certification profile: the production {@link FixRuntime} (engine, guard,
 * authenticator, one client session TW -> ISLD) with the {@link EchoApplication} in place of the OMS,
 * and sequence numbers that start again at 1 on every logon, as the QuickFIX/J acceptance scripts
 * expect. The library is polled on its own thread.
 */
final class CertificationAcceptor implements AutoCloseable
{
    static final String CLIENT_COMP_ID = "TW";
    static final String ACCEPTOR_COMP_ID = "ISLD";

    private final int port;
    private final FixRuntime runtime;
    private final EchoApplication application = new EchoApplication(CLIENT_COMP_ID);
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread poller;
    private volatile boolean running = true;
    private volatile RuntimeException startFailure;

    CertificationAcceptor(final Path dataDir, final String beginString)
    {
        port = freePort();
        final FixRuntimeConfig config = new FixRuntimeConfig()
            .dataDir(dataDir)
            .bindHost("localhost")
            .port(port)
            .transientSequenceNumbers(true)
            .deleteOnClose(true);
        runtime = new FixRuntime(config, new SystemEpochNanoClock());
        final List<ClientSessionConfig> clients =
            List.of(new ClientSessionConfig(0, CLIENT_COMP_ID, ACCEPTOR_COMP_ID, null, null, beginString));
        final ClientAuthenticator authenticator = new ClientAuthenticator(clients, new GatewayMetrics());
        poller = new Thread(() ->
        {
            try
            {
                runtime.start(authenticator, application, (session, info) -> null);
                runtime.openAcceptor();
            }
            catch (final RuntimeException e)
            {
                startFailure = e;
                started.countDown();
                return;
            }
            started.countDown();
            while (running)
            {
                if (runtime.poll(16) == 0)
                {
                    Thread.onSpinWait();
                    sleepQuietly();
                }
            }
            runtime.closeLibrary();
        }, "certification-acceptor-" + beginString);
    }

    CertificationAcceptor start() throws InterruptedException
    {
        poller.start();
        if (!started.await(30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("certification acceptor did not start");
        }
        if (startFailure != null)
        {
            throw startFailure;
        }
        return this;
    }

    int port()
    {
        return port;
    }

    /**
     * Waits until no client is logged on and resets the client session's sequence numbers, so the
     * next script starts as on a fresh server (QuickFIX/J runs its scripts with ResetOnDisconnect).
     */
    boolean awaitFreshSession(final long timeoutMs) throws InterruptedException
    {
        final long deadlineMs = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadlineMs)
        {
            if (application.activeSessions() == 0)
            {
                final long sessionId = application.lastSessionId();
                if (sessionId < 0)
                {
                    return true;
                }
                // the engine refuses while it still finishes the disconnect: try again
                final Reply<?> reply = runtime.resetSequenceNumber(sessionId);
                while (reply.isExecuting() && System.currentTimeMillis() < deadlineMs)
                {
                    Thread.sleep(1);
                }
                if (reply.hasCompleted())
                {
                    return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static void sleepQuietly()
    {
        try
        {
            Thread.sleep(0, 200_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    public void close()
    {
        running = false;
        try
        {
            poller.join(10_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        runtime.close();
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
