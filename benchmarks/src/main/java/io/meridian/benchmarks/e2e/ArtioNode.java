package io.meridian.benchmarks.e2e;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.meridian.fix.codecs.FixDictionaryImpl;
import io.meridian.gateway.IdleStrategies;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.IdleStrategy;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LockStepFramerEngineScheduler;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.SessionAcquireHandler;
import uk.co.real_logic.artio.messages.InitialAcceptedSessionOwner;

import java.io.File;
import java.util.List;

/**
 * A self-contained Artio engine and library for the harness (load client) and the bare Artio echo
 * baseline: engine and library on the caller's thread (lock-step framer), nothing persisted, all
 * files in a directory deleted on close.
 */
final class ArtioNode implements AutoCloseable
{
    private static final String IPC = "aeron:ipc";

    private final File dir;
    private final Object framerLock = new Object();
    private volatile boolean framerClosed;
    private final LockStepFramerEngineScheduler scheduler = new LockStepFramerEngineScheduler()
    {
        public void close()
        {
            synchronized (framerLock)
            {
                framerClosed = true;
            }
            super.close();
        }
    };
    private final ArchivingMediaDriver driver;
    private final FixEngine engine;
    private final FixLibrary library;

    /**
     * @param port acceptor port, or 0 for an initiator-only node.
     */
    ArtioNode(final File dir, final String host, final int port, final SessionAcquireHandler sessions)
    {
        this.dir = dir;
        IoUtil.delete(dir, true);
        IoUtil.ensureDirectoryExists(dir, "artio node dir");
        final String aeronDir = new File(dir, "aeron").getAbsolutePath();
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(IdleStrategies.of("backoff"))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .publicationTermBufferLength(16 * 1024 * 1024)
            .ipcTermBufferLength(16 * 1024 * 1024);
        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(new File(dir, "archive"))
            .controlChannelEnabled(false)
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel(IPC))
            .replicationChannel("aeron:udp?endpoint=localhost:0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(() -> IdleStrategies.of("backoff"))
            .deleteArchiveOnStart(true);
        driver = ArchivingMediaDriver.launch(driverContext, archiveContext);

        final EngineConfiguration engineConfig = new EngineConfiguration()
            .libraryAeronChannel(IPC)
            .logFileDir(new File(dir, "fix").getAbsolutePath())
            .deleteLogFileDirOnStart(true)
            .logInboundMessages(false)
            .logOutboundMessages(false)
            .scheduler(scheduler)
            .inboundMaxClaimAttempts(0)
            .outboundMaxClaimAttempts(0)
            .acceptorfixDictionary(FixDictionaryImpl.class)
            .initialAcceptedSessionOwner(InitialAcceptedSessionOwner.SOLE_LIBRARY)
            .printStartupWarnings(false);
        if (port > 0)
        {
            engineConfig.bindTo(host, port);
        }
        else
        {
            engineConfig.bindAtStartup(false);
        }
        engineConfig.monitoringFile(new File(dir, "engine-counters").getAbsolutePath());
        engineConfig.aeronContext().aeronDirectoryName(aeronDir);
        engineConfig.aeronArchiveContext()
            .aeronDirectoryName(aeronDir)
            .controlRequestChannel(IPC)
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(IPC);
        engine = FixEngine.launch(engineConfig);

        final LibraryConfiguration libraryConfig = new LibraryConfiguration()
            .sessionAcquireHandler(sessions)
            .libraryAeronChannels(List.of(IPC))
            .libraryName("bench");
        libraryConfig.monitoringFile(new File(dir, "library-counters").getAbsolutePath());
        libraryConfig.aeronContext().aeronDirectoryName(aeronDir);
        library = FixLibrary.connect(libraryConfig);
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!library.isConnected())
        {
            poll(10);
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("library did not connect");
            }
        }
    }

    FixLibrary library()
    {
        return library;
    }

    /** One duty cycle: the framer (TCP), then the library (sessions, messages). */
    int poll(final int fragmentLimit)
    {
        return scheduler.invokeFramer() + library.poll(fragmentLimit);
    }

    /** Polls until {@code done} or the timeout; false on timeout. */
    boolean pollUntil(final java.util.function.BooleanSupplier done, final long timeoutMs, final IdleStrategy idle)
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!done.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            idle.idle(poll(64));
        }
        return true;
    }

    public void close()
    {
        CloseHelper.quietClose(library);
        // the engine waits for its framer while closing: drive it from here meanwhile
        final Thread closer = new Thread(() -> CloseHelper.quietClose(engine), "bench-engine-close");
        closer.start();
        while (closer.isAlive())
        {
            synchronized (framerLock)
            {
                if (!framerClosed)
                {
                    scheduler.invokeFramer();
                }
            }
            Thread.onSpinWait();
        }
        CloseHelper.quietClose(driver);
        IoUtil.delete(dir, true);
    }
}
