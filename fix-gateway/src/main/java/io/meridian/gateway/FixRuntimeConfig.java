package io.meridian.gateway;

import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Where and how the Artio engine runs: its data directory (Aeron, archive, sequence numbers and
 * session state all live under it), the client acceptor address, and idle strategies.
 */
public final class FixRuntimeConfig
{
    private Path dataDir = Path.of("data");
    private String bindHost = "0.0.0.0";
    private int port = 9878;
    private String engineIdleStrategy = "backoff";
    private long replyTimeoutMs = 2_000;
    private boolean deleteOnClose;
    private String engineScheduler = LOCK_STEP;
    private LongConsumer clientMessageReceived;

    /**
     * The framer on its own thread (Artio's LowResourceEngineScheduler), handing messages to and from
     * the core thread: one more hop each way, more throughput where a second core is free.
     */
    public static final String LOW_RESOURCE = "low-resource";
    /**
     * The framer invoked from {@link FixRuntime#poll(int)} (Artio's LockStepFramerEngineScheduler):
     * TCP, library, venues and sequencer all on the core thread, no hand-off on the order path: the
     * default (the fastest layout measured, docs/benchmarks.md).
     */
    public static final String LOCK_STEP = "lock-step";
    private boolean transientSequenceNumbers;

    public Path dataDir()
    {
        return dataDir;
    }

    public FixRuntimeConfig dataDir(final Path dataDir)
    {
        this.dataDir = dataDir;
        return this;
    }

    public String bindHost()
    {
        return bindHost;
    }

    public FixRuntimeConfig bindHost(final String bindHost)
    {
        this.bindHost = bindHost;
        return this;
    }

    public int port()
    {
        return port;
    }

    public FixRuntimeConfig port(final int port)
    {
        this.port = port;
        return this;
    }

    public String engineIdleStrategy()
    {
        return engineIdleStrategy;
    }

    public FixRuntimeConfig engineIdleStrategy(final String engineIdleStrategy)
    {
        this.engineIdleStrategy = engineIdleStrategy;
        return this;
    }

    public long replyTimeoutMs()
    {
        return replyTimeoutMs;
    }

    public FixRuntimeConfig replyTimeoutMs(final long replyTimeoutMs)
    {
        this.replyTimeoutMs = replyTimeoutMs;
        return this;
    }

    /** Tests only: delete the Aeron directory on close (the archive and FIX logs are kept for restart). */
    public boolean deleteOnClose()
    {
        return deleteOnClose;
    }

    public FixRuntimeConfig deleteOnClose(final boolean deleteOnClose)
    {
        this.deleteOnClose = deleteOnClose;
        return this;
    }

    /** {@link #LOCK_STEP} (default) or {@link #LOW_RESOURCE}. */
    public String engineScheduler()
    {
        return engineScheduler;
    }

    public FixRuntimeConfig engineScheduler(final String engineScheduler)
    {
        if (!LOW_RESOURCE.equals(engineScheduler) && !LOCK_STEP.equals(engineScheduler))
        {
            throw new IllegalArgumentException("unknown engine scheduler: " + engineScheduler +
                " (" + LOW_RESOURCE + " or " + LOCK_STEP + ")");
        }
        this.engineScheduler = engineScheduler;
        return this;
    }

    /**
     * Told, on the polling thread, the engine's receive time (epoch nanos of the runtime's clock) of
     * every client application message just before it is handled; null for none.
     */
    public LongConsumer clientMessageReceived()
    {
        return clientMessageReceived;
    }

    public FixRuntimeConfig clientMessageReceived(final LongConsumer clientMessageReceived)
    {
        this.clientMessageReceived = clientMessageReceived;
        return this;
    }

    /**
     * Certification profile only: sequence numbers are not kept between connections, so every
     * Logon starts at 1 (what conformance scripts expect). Production sessions always persist them.
     */
    public boolean transientSequenceNumbers()
    {
        return transientSequenceNumbers;
    }

    public FixRuntimeConfig transientSequenceNumbers(final boolean transientSequenceNumbers)
    {
        this.transientSequenceNumbers = transientSequenceNumbers;
        return this;
    }
}
