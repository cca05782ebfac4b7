package io.meridian.gateway;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchiveMarkFile;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.meridian.gateway.session.Fix42SessionDictionary;
import io.meridian.gateway.session.Fix44SessionDictionary;
import io.meridian.gateway.session.FixtSessionDictionary;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.ErrorHandlerFactory;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LockStepFramerEngineScheduler;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;
import uk.co.real_logic.artio.library.SessionAcquireHandler;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.messages.InitialAcceptedSessionOwner;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;
import uk.co.real_logic.artio.validation.SessionPersistenceStrategy;

import java.io.File;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One Artio engine and one library for the whole process: the engine accepts client sessions and
 * initiates venue sessions; the library (polled on the core thread, beside the sequencer) owns
 * them all. Aeron, the archive (used for resends) and Artio's sequence-number files live under
 * the configured data directory, so a restart resumes every session's sequence numbers.
 * <p>
 * With the {@link FixRuntimeConfig#LOCK_STEP} scheduler the engine's framer (TCP reads and writes)
 * has no thread of its own: {@link #poll(int)} invokes it, so the whole order path runs on the
 * polling thread. A helper thread drives it while nobody polls: during {@link #start} until
 * {@link #framerToPollingThread()}, and during {@link #close()}.
 */
public final class FixRuntime implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(FixRuntime.class);
    private static final String IPC = "aeron:ipc";
    private static final long CLOSE_TIMEOUT_MS = 15_000;
    private static final int LOCK_STEP_OUTBOUND_FRAGMENT_LIMIT = 1_024;

    private final FixRuntimeConfig config;
    private final EpochNanoClock clock;
    private ArchivingMediaDriver driver;
    private FixEngine engine;
    private FixLibrary library;
    private String aeronDir;
    private FramerPump framerPump;
    private boolean framerOnPollingThread;
    private DataDirectoryLock dataDirLock;
    private SentSequenceFloors sentSequenceFloors = SentSequenceFloors.none();

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
        start(authentication, clientSessions, initiatorSessions, SessionCustomisationStrategy.none());
    }

    /**
     * As {@link #start(AuthenticationStrategy, AcceptorSessions, SessionAcquireHandler)}, with what venue
     * dialects add to the Logon messages the library sends (signatures, extra fields).
     */
    public void start(
        final AuthenticationStrategy authentication,
        final AcceptorSessions clientSessions,
        final SessionAcquireHandler initiatorSessions,
        final SessionCustomisationStrategy logonCustomisation)
    {
        final File dataDir = config.dataDir().toAbsolutePath().toFile();
        IoUtil.ensureDirectoryExists(dataDir, "data dir");
        dataDirLock = DataDirectoryLock.acquire(dataDir.toPath());
        aeronDir = new File(dataDir, "aeron").getAbsolutePath();
        final File archiveDir = new File(dataDir, "archive");
        // the lock proves its owner is dead: recover now instead of waiting out the archive's liveness timeout
        dataDirLock.removeStaleMarkFile(archiveDir.toPath().resolve(ArchiveMarkFile.FILENAME));
        // before the new driver deletes the dead one's directory: what each session last sent
        sentSequenceFloors = SentSequenceFloors.readDeadDriver(new File(aeronDir));
        final File fixDir = new File(dataDir, "fix");
        IoUtil.ensureDirectoryExists(fixDir, "fix state dir");

        final boolean lockStep = FixRuntimeConfig.LOCK_STEP.equals(config.engineScheduler());
        // an IPC publisher may run ahead of its slowest subscriber (the archive recorder, Artio's
        // indexer) by half a term, and its limit moves only when the driver's conductor runs: with
        // busy-spinning threads on every core those background threads lag, so give them room
        final int ipcTermLength = (lockStep ? 32 : 4) * 1024 * 1024;
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(IdleStrategies.of("backoff"))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .publicationTermBufferLength(4 * 1024 * 1024)
            .ipcTermBufferLength(ipcTermLength);
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

        if (lockStep)
        {
            framerPump = new FramerPump();
        }
        final EngineConfiguration engineConfig = new EngineConfiguration()
            .bindTo(config.bindHost(), config.port())
            // clients are let in by openAcceptor(), once their sessions are set up for this start
            .bindAtStartup(false)
            .libraryAeronChannel(IPC)
            .logFileDir(fixDir.getAbsolutePath())
            .deleteLogFileDirOnStart(false)
            .channelSupplierFactory(configuration -> new GuardedTcpChannelSupplier(configuration,
                framerPump == null ? null : framerPump.writes))
            .framerIdleStrategy(IdleStrategies.of(config.engineIdleStrategy()))
            .archiverIdleStrategy(IdleStrategies.of("backoff"))
            .authenticationStrategy(authentication)
            // the acceptor picks the session dictionary by the Logon's BeginString; Meridian's session
            // dictionaries word Rejects as the FIX specification does and stamp OrigSendingTime on gap fills
            .acceptorfixDictionary(Fix44SessionDictionary.class)
            .overrideAcceptorFixDictionary(Fix42SessionDictionary.class)
            .overrideAcceptorFixDictionary(FixtSessionDictionary.class)
            .sessionPersistenceStrategy(config.transientSequenceNumbers() ?
                SessionPersistenceStrategy.alwaysTransient() : SessionPersistenceStrategy.alwaysPersistent())
            .initialAcceptedSessionOwner(InitialAcceptedSessionOwner.SOLE_LIBRARY)
            .sessionCustomisationStrategy(new LogonCustomisation())
            .printStartupWarnings(false)
            // the data directory lock (DataDirectoryLock) already excludes a second live engine; Artio's own
            // check reads a dead engine's recent heartbeat as a live one and refuses starts for ~10 s after kill -9
            .errorIfDuplicateEngineDetected(false)
            .errorHandlerFactory(FixRuntime::loggingErrorHandler)
            .replyTimeoutInMs(config.replyTimeoutMs())
            .epochNanoClock(clock);
        // a claim the framer retries in a loop waits for a consumer that runs on its own thread: the library
        // (lock-step) or the indexer (low-resource); under load that stalled every session after about 1,000
        // orders at 5-10k/s. With 0 the framer stops reading that socket and retries next duty cycle. Outbound
        // keeps one attempt: Artio's replayer makes exactly that many, so 0 would silently drop every resend.
        engineConfig.inboundMaxClaimAttempts(0).outboundMaxClaimAttempts(1);
        if (lockStep)
        {
            engineConfig.scheduler(framerPump.scheduler);
            // the framer drains the library's publication only when the core thread invokes it (twice a cycle):
            // with Artio's 20 fragments a pass, a loaded cycle wrote more than was drained, the publication's
            // window filled over seconds, and every send then waited in Artio's claim loop (below)
            engineConfig.outboundLibraryFragmentLimit(LOCK_STEP_OUTBOUND_FRAGMENT_LIMIT);
        }
        else
        {
            engineConfig.scheduler(new LowResourceEngineScheduler());
        }
        engineConfig.monitoringFile(new File(fixDir, "engine-counters").getAbsolutePath());
        // the error printer and duplicate-engine checker have no latency to keep: wake once a millisecond
        // instead of spinning and yielding after each check (5% of a core at 10k orders/s, profiled)
        engineConfig.monitoringThreadIdleStrategy(new SleepingMillisIdleStrategy(1));
        engineConfig.aeronContext().aeronDirectoryName(aeronDir);
        engineConfig.aeronArchiveContext()
            .aeronDirectoryName(aeronDir)
            .controlRequestChannel(IPC)
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(IPC);
        engine = FixEngine.launch(engineConfig);
        if (framerPump != null)
        {
            framerPump.start();
        }

        // by CompID, not by connection direction: a client's offline session is not an acceptor session
        final LongConsumer received = config.clientMessageReceived();
        final ClientMessageValidation validation = new ClientMessageValidation();
        final SessionAcquireHandler dispatch = (session, info) -> clientSessions.isClientSession(session) ?
            timed(validation.wrap(clientSessions.onSessionAcquired(session, info), session, clientSessions), received) :
            initiatorSessions.onSessionAcquired(session, info);
        final LibraryConfiguration libraryConfig = new LibraryConfiguration()
            .sessionAcquireHandler(dispatch)
            .libraryAeronChannels(List.of(IPC))
            .libraryName("meridian-core")
            .replyTimeoutInMs(config.replyTimeoutMs());
        libraryConfig.epochNanoClock(clock);
        if (lockStep)
        {
            // a back-pressured library send returns at once instead of retrying 1,200 times with parks (about
            // a second): the publication's consumer is the framer on this same thread, which only the caller's
            // back-pressure handling (whileBackPressured) runs; 93% of the core thread parked there at 5k
            // routed orders/s (profiled) while nothing drained
            libraryConfig.outboundMaxClaimAttempts(1);
        }
        libraryConfig.sessionCustomisationStrategy(new LogonCustomisation().then(logonCustomisation));
        libraryConfig.monitoringFile(new File(fixDir, "library-counters").getAbsolutePath());
        libraryConfig.monitoringThreadIdleStrategy(new SleepingMillisIdleStrategy(1));
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

    /**
     * Binds the client acceptor: until then no client can log on, so a start can set each session's
     * sequence numbers (journal resume, unclean-stop skip) before any Logon is answered. Call once after
     * {@link #start} and before the core thread polls the library.
     */
    public void openAcceptor()
    {
        final long deadlineMs = System.currentTimeMillis() + config.replyTimeoutMs();
        uk.co.real_logic.artio.Reply<?> reply = null;
        while (reply == null)
        {
            if (System.currentTimeMillis() > deadlineMs)
            {
                throw new IllegalStateException("the FIX engine did not take the bind request");
            }
            reply = engine.bind();
        }
        if (!awaitReply(reply, deadlineMs))
        {
            throw new IllegalStateException("cannot bind the FIX acceptor to " + config.bindHost() + ":" +
                config.port() + ": " + (reply.isExecuting() ? "no answer from the engine" : reply.error()));
        }
        LOG.info("event=fix_acceptor_open port={}", config.port());
    }

    /**
     * How far Artio's indexer has indexed (and so archived) what this library sent; waits up to the reply
     * timeout for the engine's answer. Call from the thread that polls the library.
     */
    public org.agrona.concurrent.status.ReadablePosition libraryIndexedPosition()
    {
        final long deadlineMs = System.currentTimeMillis() + config.replyTimeoutMs();
        final uk.co.real_logic.artio.Reply<org.agrona.concurrent.status.ReadablePosition> reply =
            engine.libraryIndexedPosition(library.libraryId());
        if (!awaitReply(reply, deadlineMs))
        {
            throw new IllegalStateException("no indexed position for the library: " +
                (reply.isExecuting() ? "no answer from the engine" : reply.error()));
        }
        return reply.resultIfPresent();
    }

    /** Polls the library until the engine answers or the deadline passes: true when the reply completed. */
    private boolean awaitReply(final uk.co.real_logic.artio.Reply<?> reply, final long deadlineMs)
    {
        while (reply.isExecuting() && System.currentTimeMillis() < deadlineMs)
        {
            library.poll(10);
            Thread.onSpinWait();
        }
        return reply.hasCompleted();
    }

    /** What each session last sent before an unclean stop; empty after a clean one. */
    public SentSequenceFloors sentSequenceFloors()
    {
        return sentSequenceFloors;
    }

    /**
     * The first MsgSeqNum an initiator session (to a venue) may send after an unclean stop, 0 when
     * Artio's own number is safe. Call after {@link #start}, before the core thread polls the library.
     */
    public int nextSafeSentSeqNum(final String localCompId, final String remoteCompId)
    {
        if (sentSequenceFloors.isEmpty())
        {
            return 0;
        }
        final long deadlineMs = System.currentTimeMillis() + config.replyTimeoutMs();
        uk.co.real_logic.artio.Reply<Long> reply = null;
        while (reply == null && System.currentTimeMillis() < deadlineMs)
        {
            // null: the framer's queue was full, retry
            reply = engine.lookupSessionId(localCompId, remoteCompId, null, null, null, null);
        }
        if (reply == null || !awaitReply(reply, deadlineMs))
        {
            // unknown session (never connected) or no answer: nothing was sent on it that we could reuse
            return 0;
        }
        return sentSequenceFloors.nextSafeSeqNum(reply.resultIfPresent());
    }

    public FixLibrary library()
    {
        return library;
    }

    /**
     * Hands the lock-step framer to the thread that calls {@link #poll(int)} from now on (call it
     * before that thread starts); nothing to do with the default scheduler.
     */
    public void framerToPollingThread()
    {
        if (framerPump != null)
        {
            framerPump.stop();
            framerOnPollingThread = true;
        }
    }

    /**
     * Resets both sequence numbers of a session that is not connected (operator action, and the
     * certification profile between conformance scripts). @return the engine's pending reply.
     */
    public uk.co.real_logic.artio.Reply<?> resetSequenceNumber(final long sessionId)
    {
        return engine.resetSequenceNumber(sessionId);
    }

    /**
     * Polls the library (and, lock-step, invokes the framer first): delivers inbound messages and
     * session events on the calling thread.
     */
    public int poll(final int fragmentLimit)
    {
        if (framerOnPollingThread)
        {
            return framerPump.invoke() + library.poll(fragmentLimit);
        }
        return library.poll(fragmentLimit);
    }

    /**
     * Lock-step: runs the framer once more so that what the library just published (reports, child
     * orders) is written to the sockets now, in this duty cycle, instead of after the rest of it.
     * With the default scheduler the framer has its own thread: nothing to do.
     */
    public int flushOutbound()
    {
        return framerOnPollingThread ? framerPump.invoke() : 0;
    }

    /**
     * What a back-pressured send on the core thread does before it tries again: lock-step, run the
     * framer (it drains the library's publication, and it runs on no other thread) and let the media
     * driver and archive threads have the core; otherwise spin.
     */
    public Runnable whileBackPressured()
    {
        return () ->
        {
            if (framerOnPollingThread)
            {
                framerPump.invoke();
                Thread.yield();
            }
            else
            {
                Thread.onSpinWait();
            }
        };
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
        if (framerPump != null)
        {
            // the polling thread has stopped: the engine's close needs its framer to run
            framerOnPollingThread = false;
            framerPump.start();
        }
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
        CloseHelper.quietClose(dataDirLock);
        LOG.info("event=fix_runtime_stopped");
    }

    private static SessionHandler timed(final SessionHandler handler, final LongConsumer received)
    {
        return received == null ? handler : new TimedClientHandler(handler, received);
    }

    /** Reports each client message's engine receive time before handing it on. */
    private static final class TimedClientHandler implements SessionHandler
    {
        private final SessionHandler delegate;
        private final LongConsumer received;

        TimedClientHandler(final SessionHandler delegate, final LongConsumer received)
        {
            this.delegate = delegate;
            this.received = received;
        }

        public Action onMessage(
            final DirectBuffer buffer, final int offset, final int length, final int libraryId,
            final Session session, final int sequenceIndex, final long messageType, final long timestampInNs,
            final long position, final OnMessageInfo messageInfo)
        {
            received.accept(timestampInNs);
            return delegate.onMessage(
                buffer, offset, length, libraryId, session, sequenceIndex, messageType, timestampInNs, position,
                messageInfo);
        }

        public void onTimeout(final int libraryId, final Session session)
        {
            delegate.onTimeout(libraryId, session);
        }

        public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
        {
            delegate.onSlowStatus(libraryId, session, hasBecomeSlow);
        }

        public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
        {
            return delegate.onDisconnect(libraryId, session, reason);
        }

        public void onSessionStart(final Session session)
        {
            delegate.onSessionStart(session);
        }
    }

    /**
     * Drives the lock-step framer from a helper thread while no thread polls. The engine closes the
     * scheduler after its framer finished logging sessions out: the helper stops before that.
     */
    private static final class FramerPump implements Runnable
    {
        private final LockStepFramerEngineScheduler scheduler = new LockStepFramerEngineScheduler()
        {
            public void close()
            {
                FramerPump.this.stop();
                super.close();
            }
        };
        private final CycleWrites writes = new CycleWrites();
        private volatile boolean running;
        private Thread thread;

        /** One framer pass, then what it wrote leaves: one system call per connection. */
        int invoke()
        {
            return scheduler.invokeFramer() + writes.flush();
        }

        synchronized void start()
        {
            if (thread == null)
            {
                running = true;
                thread = new Thread(this, "fix-framer-pump");
                thread.setDaemon(true);
                thread.start();
            }
        }

        synchronized void stop()
        {
            if (thread != null)
            {
                running = false;
                try
                {
                    thread.join();
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                }
                thread = null;
            }
        }

        public void run()
        {
            final IdleStrategy idle = IdleStrategies.of("backoff");
            while (running)
            {
                idle.idle(invoke());
            }
        }
    }
}
