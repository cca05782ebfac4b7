package io.meridian.gateway;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.meridian.fix.codecs.FixDictionaryImpl;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.ErrorHandlerFactory;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.SessionAcquireHandler;
import uk.co.real_logic.artio.messages.InitialAcceptedSessionOwner;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;
import uk.co.real_logic.artio.validation.SessionPersistenceStrategy;

import java.io.File;
import java.util.List;

/**
 * One Artio engine and one library for the whole process: the engine accepts client sessions and
 * initiates venue sessions; the library (polled on the core thread, beside the sequencer) owns
 * them all. Aeron, the archive (used for resends) and Artio's sequence-number files live under
 * the configured data directory, so a restart resumes every session's sequence numbers.
 */
public final class FixRuntime implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(FixRuntime.class);
    private static final String IPC = "aeron:ipc";
    private static final long CLOSE_TIMEOUT_MS = 15_000;

    private final FixRuntimeConfig config;
    private final EpochNanoClock clock;
    private ArchivingMediaDriver driver;
    private FixEngine engine;
    private FixLibrary library;
    private String aeronDir;

    public FixRuntime(final FixRuntimeConfig config, final EpochNanoClock clock)
    {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Launches the media driver, archive, engine and connects the library. Blocks until the
     * library is connected. The library must afterwards only be polled from one thread.
     */
    public void start(
        final AuthenticationStrategy authentication,
        final AcceptorSessions clientSessions,
        final SessionAcquireHandler initiatorSessions)
    {
        final File dataDir = config.dataDir().toAbsolutePath().toFile();
        IoUtil.ensureDirectoryExists(dataDir, "data dir");
        aeronDir = new File(dataDir, "aeron").getAbsolutePath();
        final File archiveDir = new File(dataDir, "archive");
        final File fixDir = new File(dataDir, "fix");
        IoUtil.ensureDirectoryExists(fixDir, "fix state dir");

        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(IdleStrategies.of("backoff"))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .publicationTermBufferLength(4 * 1024 * 1024)
            .ipcTermBufferLength(4 * 1024 * 1024);
        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(archiveDir)
            .controlChannelEnabled(false)
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel(IPC))
            .replicationChannel("aeron:udp?endpoint=localhost:0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(() -> IdleStrategies.of("backoff"))
            .deleteArchiveOnStart(false)
            .segmentFileLength(64 * 1024 * 1024);
        driver = ArchivingMediaDriver.launch(driverContext, archiveContext);

        final EngineConfiguration engineConfig = new EngineConfiguration()
            .bindTo(config.bindHost(), config.port())
            .libraryAeronChannel(IPC)
            .logFileDir(fixDir.getAbsolutePath())
            .deleteLogFileDirOnStart(false)
            .channelSupplierFactory(GuardedTcpChannelSupplier::new)
            .scheduler(new LowResourceEngineScheduler())
            .framerIdleStrategy(IdleStrategies.of(config.engineIdleStrategy()))
            .archiverIdleStrategy(IdleStrategies.of("backoff"))
            .authenticationStrategy(authentication)
            .acceptorfixDictionary(FixDictionaryImpl.class)
            // the acceptor picks the session dictionary by the Logon's BeginString
            .overrideAcceptorFixDictionary(io.meridian.fix42.codecs.FixDictionaryImpl.class)
            .overrideAcceptorFixDictionary(io.meridian.fixt.codecs.FixDictionaryImpl.class)
            .sessionPersistenceStrategy(config.transientSequenceNumbers() ?
                SessionPersistenceStrategy.alwaysTransient() : SessionPersistenceStrategy.alwaysPersistent())
            .initialAcceptedSessionOwner(InitialAcceptedSessionOwner.SOLE_LIBRARY)
            .sessionCustomisationStrategy(new LogonCustomisation())
            .printStartupWarnings(false)
            .errorHandlerFactory(FixRuntime::loggingErrorHandler)
            .replyTimeoutInMs(config.replyTimeoutMs())
            .epochNanoClock(clock);
        engineConfig.monitoringFile(new File(fixDir, "engine-counters").getAbsolutePath());
        engineConfig.aeronContext().aeronDirectoryName(aeronDir);
        engineConfig.aeronArchiveContext()
            .aeronDirectoryName(aeronDir)
            .controlRequestChannel(IPC)
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(IPC);
        engine = FixEngine.launch(engineConfig);

        // by CompID, not by connection direction: a client's offline session is not an acceptor session
        final SessionAcquireHandler dispatch = (session, info) -> clientSessions.isClientSession(session) ?
            clientSessions.onSessionAcquired(session, info) : initiatorSessions.onSessionAcquired(session, info);
        final LibraryConfiguration libraryConfig = new LibraryConfiguration()
            .sessionAcquireHandler(dispatch)
            .libraryAeronChannels(List.of(IPC))
            .libraryName("meridian-core")
            .replyTimeoutInMs(config.replyTimeoutMs());
        libraryConfig.sessionCustomisationStrategy(new LogonCustomisation());
        libraryConfig.epochNanoClock(clock);
        libraryConfig.monitoringFile(new File(fixDir, "library-counters").getAbsolutePath());
        libraryConfig.aeronContext().aeronDirectoryName(aeronDir);
        library = FixLibrary.connect(libraryConfig);
        final long deadlineMs = System.currentTimeMillis() + config.replyTimeoutMs();
        while (!library.isConnected())
        {
            library.poll(10);
            if (System.currentTimeMillis() > deadlineMs)
            {
                throw new IllegalStateException("FIX library did not connect to the engine");
            }
            Thread.onSpinWait();
        }
        LOG.info("event=fix_runtime_started port={} dataDir={}", config.port(), dataDir);
    }

    public FixLibrary library()
    {
        return library;
    }

    /**
     * Resets both sequence numbers of a session that is not connected (operator action, and the
     * certification profile between conformance scripts). @return the engine's pending reply.
     */
    public uk.co.real_logic.artio.Reply<?> resetSequenceNumber(final long sessionId)
    {
        return engine.resetSequenceNumber(sessionId);
    }

    /** Polls the library: delivers inbound messages and session events on the calling thread. */
    public int poll(final int fragmentLimit)
    {
        return library.poll(fragmentLimit);
    }

    /**
     * Artio's engine close waits, without a limit, for its framer to log sessions out; a framer that
     * died (an Aeron conductor timeout, say) would hold shutdown forever, so the wait is bounded.
     */
    private void closeEngineWithin(final long timeoutMs)
    {
        if (engine == null)
        {
            return;
        }
        final Thread closer = new Thread(() -> CloseHelper.quietClose(engine), "fix-engine-close");
        closer.setDaemon(true);
        closer.start();
        try
        {
            closer.join(timeoutMs);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive())
        {
            LOG.error("event=fix_engine_close_timeout timeoutMs={}", timeoutMs);
        }
    }

    /** Artio's distinct-error log (kept for its tools) plus one log line per error. */
    private static ErrorHandler loggingErrorHandler(final AtomicBuffer errorBuffer)
    {
        final ErrorHandler distinctErrors = ErrorHandlerFactory.saveDistinctErrors().make(errorBuffer);
        return error ->
        {
            distinctErrors.onError(error);
            LOG.error("event=artio_engine_error error=\"{}\"", error.toString());
        };
    }

    /** Closes the library; call it from the thread that polls it, before {@link #close()}. */
    public void closeLibrary()
    {
        CloseHelper.quietClose(library);
    }

    public void close()
    {
        if (library != null && !library.isClosed())
        {
            // normally closed by its own thread already (closeLibrary); this is the fallback
            LOG.warn("event=fix_library_closed_from_other_thread");
            CloseHelper.quietClose(library);
        }
        final long startMs = System.currentTimeMillis();
        closeEngineWithin(CLOSE_TIMEOUT_MS);
        final long engineMs = System.currentTimeMillis();
        CloseHelper.quietClose(driver);
        LOG.info("event=fix_runtime_closing engineMs={} driverMs={}", engineMs - startMs,
            System.currentTimeMillis() - engineMs);
        if (config.deleteOnClose() && aeronDir != null)
        {
            IoUtil.delete(new File(aeronDir), true);
        }
        LOG.info("event=fix_runtime_stopped");
    }
}
