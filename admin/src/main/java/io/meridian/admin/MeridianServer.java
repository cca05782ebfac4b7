package io.meridian.admin;

import io.meridian.gateway.ClientAuthenticator;
import io.meridian.gateway.ClientSessions;
import io.meridian.gateway.FixRuntime;
import io.meridian.gateway.FixRuntimeConfig;
import io.meridian.gateway.GatewayMetrics;
import io.meridian.gateway.IdleStrategies;
import io.meridian.oms.Oms;
import io.meridian.oms.OmsConfig;
import io.meridian.oms.ResampledEpochNanoClock;
import io.meridian.oms.TickToTradeProbe;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.api.DepthBooks;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.FillListener;
import io.meridian.oms.api.VenueOrders;
import io.meridian.router.ParentOrderRouter;
import io.meridian.router.RouterConfig;
import io.meridian.oms.api.TopOfBookTable;
import io.meridian.oms.api.TopOfBooks;
import io.meridian.oms.api.TradingRules;
import io.meridian.positions.store.SharedStore;
import io.meridian.positions.store.StoreConfig;
import io.meridian.positions.store.StoreReader;
import io.meridian.positions.store.StoreWriter;
import io.meridian.risk.ExposureEngine;
import io.meridian.venues.ShadowVenues;
import io.meridian.risk.HotRiskGate;
import io.meridian.risk.TradingHalts;
import io.meridian.risk.alerts.Alerts;
import io.meridian.simulators.crypto.BinanceLauncher;
import io.meridian.simulators.crypto.CryptoVenueLauncher;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.net.ControlServer;
import io.meridian.simulators.okx.OkxLauncher;
import io.meridian.venues.VenueRouter;
import io.meridian.venues.crypto.BinanceSpotBridge;
import io.meridian.venues.crypto.BookInstrument;
import io.meridian.venues.crypto.CryptoVenueBridge;
import io.meridian.venues.crypto.CryptoVenueConfig;
import io.meridian.venues.crypto.CryptoVenueStatus;
import io.meridian.venues.crypto.OkxBridge;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.fix.QuoteLadder;
import io.meridian.venues.fix.FixVenueBridge;
import io.meridian.venues.view.VenueViewSource;
import io.meridian.venues.fix.FixVenueConfig;
import io.meridian.venues.fix.VenueBridgeMetrics;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Meridian process, wired: FIX acceptor for clients, OMS sequencer with its journal, hot risk
 * gate, the shared store (positions, fills, balances), FIX venue initiators, and optionally the embedded venue simulator. The Artio
 * library, the venue bridge and the sequencer share one core thread (no hand-off on the order
 * path); the Artio engine and Aeron run on their own threads.
 */
public final class MeridianServer implements AutoCloseable
{
    /** meridian.fix.max-inbound-delay-ms by default: an order that waited two seconds inside Meridian is stale */
    public static final double DEFAULT_MAX_INBOUND_DELAY_MS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(MeridianServer.class);
    private static final int FRAGMENT_LIMIT = 64;
    /** levels a side kept per venue book for the router */
    private static final int DEPTH_LEVELS = 20;
    private static final long FIX_REPLY_TIMEOUT_MS = 5_000;
    private static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(3);
    /** restatements after an unclean stop, sent and indexed before the acceptor opens: at most this long */
    private static final long RESTATE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);
    private static final long DRAIN_QUIET_NS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int CORE_CLOSE_TIMEOUT_MS = 20_000;
    /** fills this much older than a store read are still counted by the gate (the store may lag that much) */
    private static final long EXPOSURE_STORE_LAG_NS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ServerConfig config;
    private final EpochNanoClock clock = new ResampledEpochNanoClock();
    private final InstrumentRegistry instruments;
    private final GatewayMetrics gatewayMetrics = new GatewayMetrics();
    private final VenueBridgeMetrics venueMetrics = new VenueBridgeMetrics();
    private final TickToTradeProbe tickToTrade = new TickToTradeProbe(clock, 1 << 16);
    private FixVenueSimulator simulator;
    private final List<CryptoVenueLauncher.Running> cryptoSimulators = new ArrayList<>();
    private ControlServer cryptoControl;
    private final List<CryptoVenueBridge> cryptoBridges = new ArrayList<>();
    private final TopOfBookTable topOfBook;
    /** the top levels of every venue book (the router's market data), written by the bridge owning each instrument */
    private final DepthTable depth;
    private final TradingRules tradingRules;
    private AgentRunner cryptoRunner;
    private FixRuntime fixRuntime;
    private ClientSessions clientSessions;
    private FixVenueBridge venueBridge;
    private TradingHalts halts;
    private HotRiskGate riskGate;
    private ExposureEngine exposureEngine;
    private java.util.concurrent.ScheduledExecutorService exposureThread;
    private Alerts alerts;
    private VenueSessionAlerts venueSessionAlerts;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean cancelOpenOrdersOnShutdown;
    private volatile long drainTimeoutMs = 10_000;
    private SharedStore store;
    private ParentOrderRouter parentRouter;
    private StoreWriter storeWriter;
    private StoreReader storeReader;
    private Oms oms;
    private AgentRunner coreRunner;
    private AgentRunner storeRunner;
    private boolean storeWriterThread;
    private long storeReports = new StoreConfig().reports();
    private long maxInboundDelayNanos = Math.round(DEFAULT_MAX_INBOUND_DELAY_MS * 1_000_000);
    private boolean cryptoWriteProbes;
    private boolean shadow;
    private ShadowVenues shadowVenues;
    private int recoveredRecords;
    private RiskLimitFile riskLimitFile;

    public MeridianServer(final ServerConfig config)
    {
        this.config = config;
        this.instruments = buildInstruments(config);
        this.topOfBook = new TopOfBookTable(instruments.size());
        this.depth = new DepthTable(instruments.size(), DEPTH_LEVELS);
        this.tradingRules = new TradingRules(instruments.size());
    }

    /** The smart order router, null when no instrument is routed. */
    public ParentOrderRouter parentRouter()
    {
        return parentRouter;
    }

    /** Starts everything; returns once the FIX acceptor is listening and the core thread runs. */
    public MeridianServer start()
    {
        try
        {
            startComponents();
        }
        catch (final RuntimeException e)
        {
            LOG.error("event=meridian_start_failed", e);
            close();
            throw e;
        }
        return this;
    }

    private void startComponents()
    {
        // first up, last down: a problem while starting or stopping can still be told
        alerts = Alerts.start(config.alerts(), SystemEpochClock.INSTANCE);
        if (config.simulatorEnabled())
        {
            // file store beside Meridian's state: both sides resume sequence numbers after a restart
            simulator = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder()
                .port(config.simulatorPort())
                .senderCompId(config.simulatorCompId())
                .resetOnLogon(false)
                .fileStoreDir(config.dataDir().resolve("venue-simulator"))
                .marketMaker(FixVenueSimulatorConfig.EMBEDDED_MARKET_MAKER_STEP_MS, 0, 1)
                .quoteLadders(QuoteLadder.cryptoStandard())
                .build());
            simulator.start();
            LOG.info("event=embedded_venue_simulator_started port={}", simulator.port());
        }

        startCryptoSimulators();
        ConfiguredTradingRules.publish(instruments, config.instruments(), tradingRules);
        final boolean[] marketDataFed = new boolean[instruments.size()];
        for (final CryptoVenueConfig venue : config.cryptoVenues())
        {
            final CryptoVenueBridge bridge = switch (venue.kind())
            {
                case BINANCE_SPOT -> new BinanceSpotBridge(venue, SystemEpochClock.INSTANCE, clock);
                case OKX_V5 -> new OkxBridge(venue, SystemEpochClock.INSTANCE, clock);
            };
            final List<BookInstrument> books = bookInstruments(venue);
            bridge.marketData(topOfBook, depth, books);
            bridge.tradingRules(tradingRules, books);
            if (venue.marketData())
            {
                books.forEach(book -> marketDataFed[book.instrumentId()] = true);
            }
            if (cryptoWriteProbes)
            {
                bridge.writeProbe(tickToTrade.venueWrites(venue.venueId()));
            }
            cryptoBridges.add(bridge);
        }

        final List<String> clientCompIds = clientCompIds(config);
        riskGate = new HotRiskGate(instruments, config.risk().toRiskConfig(instruments, clientCompIds));
        riskGate.marketData(topOfBook);
        riskGate.requireMarketData(marketDataFed, config.risk().marketDataStaleMs());
        halts = new TradingHalts(riskGate, config.venueIds().size(), instruments.size(), clientCompIds.size(),
            riskGate.accountNames().size());
        TradingHaltFile.restore(config.dataDir(), this, alerts);
        BreakerPauseFile.restore(config.dataDir(), riskGate, alerts);
        BreakerStateFile.restore(config.dataDir(), riskGate);
        riskLimitFile = RiskLimitFile.restore(config.dataDir(), riskGate, instruments);
        fixRuntime = new FixRuntime(new FixRuntimeConfig()
            .dataDir(config.dataDir())
            .bindHost(config.fixBindHost())
            .port(config.fixPort())
            .engineIdleStrategy(config.engineIdleStrategy())
            .engineScheduler(config.engineScheduler() == null ? FixRuntimeConfig.LOCK_STEP : config.engineScheduler())
            .clientMessageReceived(tickToTrade), clock);
        venueBridge = new FixVenueBridge(
            config.venues(), instruments, fixRuntime::library, SystemEpochClock.INSTANCE, clock, venueMetrics);
        // FIX venues with market-data feed the same tables; a quiet FIX book is no stale one, so they do not
        // gate orders by staleness as the crypto streams do (the session state says whether the venue is up)
        venueBridge.marketData(topOfBook, depth);

        final OmsConfig omsConfig = new OmsConfig()
            .journalDir(config.dataDir().resolve("journal"))
            .orderIdPrefix(InstanceId.of(config.dataDir(), TimeUnit.NANOSECONDS.toSeconds(clock.nanoTime())))
            .errorHandler(error -> LOG.error("event=oms_error", error));
        // the sequencer needs the client sessions for reports and the sessions need the sequencer's
        // order entry: build the OMS with a forwarding reference resolved before anything runs
        final ClientReportsForwarder reports = new ClientReportsForwarder();
        final VenueRouter router = new VenueRouter(venueBridge, cryptoBridges);
        shadowVenues = shadow ? new ShadowVenues(router) : null;
        final VenueOrders venueSide = shadow ? shadowVenues : router;
        parentRouter = config.router().enabled() ? new ParentOrderRouter(
            config.routerVenueId(), config.venueNamesById(), instruments, depth,
            new RouterLegConditions(venueSide, halts, tradingRules, config.venueIds(), config.router().fees(),
                cryptoBridges),
            config.router().health().routerConfig(), clock) : null;
        omsConfig.venueNames(config.venueNamesById());
        if (shadow)
        {
            LOG.warn("event=shadow_mode: the full pipeline runs but NOTHING is sent to any venue; orders are " +
                "acknowledged by a shadow venue and never filled");
        }
        oms = new Oms(omsConfig, instruments, halts, reports,
            parentRouter == null ? tickToTrade.venueOrders(venueSide) : tickToTrade.venueOrders(
                new RoutedVenues(venueSide, parentRouter.venueId(), parentRouter.venueOrders()), parentRouter.venueId()),
            FillListener.NONE, clock);
        if (shadow)
        {
            shadowVenues.venueEvents(oms.venueEvents());
        }
        oms.tickToTrade(tickToTrade);
        // a projection of the journal: kept from the last run when it projects this journal (the replay below
        // then applies only what it lacks), else recreated and refilled by the replay
        store = SharedStore.openForWriter(new StoreConfig().dir(config.dataDir().resolve("store")).reports(storeReports),
            oms.journalCreatedAtMillis(), oms.journalLastSequence());
        LOG.info("event=store_opened {}", store.openedAs());
        storeWriter = new StoreWriter(store).clientAccount(
            clientId -> clientId >= 0 && clientId < clientCompIds.size() ? clientCompIds.get(clientId) : "");
        storeReader = new StoreReader(store);
        oms.stateListener(storeWriter);
        clientSessions = new ClientSessions(
            config.clients(), instruments, tickToTrade.orderEntry(oms.orderEntry()), gatewayMetrics);
        clientSessions.maxInboundDelay(maxInboundDelayNanos, clock);
        reports.target(clientSessions);
        if (parentRouter != null)
        {
            reports.router(parentRouter.childReports());
        }
        clientSessions.whileBackPressured(fixRuntime.whileBackPressured());
        venueBridge.whileBackPressured(fixRuntime.whileBackPressured());
        venueBridge.venueEvents(oms.venueEvents());
        for (final CryptoVenueBridge bridge : cryptoBridges)
        {
            bridge.venueEvents(oms.venueEvents());
        }

        recoveredRecords = oms.recover();
        if (parentRouter != null)
        {
            parentRouter.recover(oms.recoveredOrders());
            parentRouter.outputs(oms.orderEntry(), oms.venueEvents());
        }
        // the replayed state, to compare with the one the previous run logged when it stopped
        LOG.info("event=journal_recovered records={} lastSequence={} oms={} store={}", recoveredRecords,
            oms.metrics().lastSequence(), Long.toHexString(oms.stateHash()), Long.toHexString(storeReader.stateHash()));

        fixRuntime.start(
            new ClientAuthenticator(config.clients(), gatewayMetrics), clientSessions, venueBridge,
            FixVenueBridge.logonCustomisation(config.venues()));
        clientSessions.acquireOfflineSessions(fixRuntime.library(), FIX_REPLY_TIMEOUT_MS);
        clientSessions.resumeFromJournal(oms.clientSessionPositions());
        final OrderRestatements restatements = OrderRestatements.afterSkip(
            clientSessions.skipPossiblySentSequenceNumbers(fixRuntime.sentSequenceFloors(), fixRuntime.library()),
            oms.recoveredOrders());
        venueBridge.firstSentSeqNumAfterUncleanStop(
            venue -> fixRuntime.nextSafeSentSeqNum(venue.senderCompId(), venue.targetCompId()));
        // the first leases before the first order can arrive: the store holds the replayed positions
        startExposureEngine();
        if (config.reconciliation().enabled())
        {
            // fail closed until each venue's first reconciliation pass (Reconciliation clears these)
            phase = Phase.RECONCILING;
            for (final VenueViewSource source : viewSources())
            {
                halts.notReconciled(source.venueId(), true);
            }
        }
        if (storeWriterThread)
        {
            // the shared store written on a thread of its own, waking each millisecond (Oms.stateListenerAgent)
            storeRunner = new AgentRunner(
                IdleStrategies.of("sleeping"), error -> LOG.error("event=store_error", error), null,
                oms.stateListenerAgent());
            AgentRunner.startOnThread(storeRunner);
        }
        restateBeforeLogon(restatements);
        fixRuntime.openAcceptor();

        final Agent libraryPoller = new Agent()
        {
            public int doWork()
            {
                return clientSessions.sendBacklogs() + clientSessions.sendKillSwitchReports() +
                    clientSessions.requestOwedMessages() +
                    restatements.offer(oms.orderEntry()) + fixRuntime.poll(FRAGMENT_LIMIT);
            }

            public void onClose()
            {
                // the library belongs to this thread: log out and close here, not from the closing thread
                clientSessions.logoutAll();
                venueBridge.logoutAll();
                drainCore(this);
                fixRuntime.closeLibrary();
            }

            public String roleName()
            {
                return "fix-library";
            }
        };
        fixRuntime.framerToPollingThread();
        coreRunner = new AgentRunner(
            IdleStrategies.of(config.coreIdleStrategy()),
            error -> LOG.error("event=core_error", error),
            null,
            new CoreAgent(libraryPoller, parentRouter == null ? venueBridge :
            new org.agrona.concurrent.CompositeAgent(venueBridge, parentRouter), oms, fixRuntime));
        AgentRunner.startOnThread(coreRunner);
        if (!cryptoBridges.isEmpty())
        {
            // the crypto bridges' own I/O thread: requests from the sequencer arrive through rings
            cryptoRunner = new AgentRunner(
                IdleStrategies.of(config.cryptoIdleStrategy()),
                error -> LOG.error("event=crypto_bridge_error", error),
                null,
                new CompositeAgent(cryptoBridges));
            AgentRunner.startOnThread(cryptoRunner);
        }
        venueSessionAlerts = new VenueSessionAlerts(this, alerts).start(1_000);
        LOG.info("event=meridian_started fixPort={} clients={} venues={} instruments={}",
            config.fixPort(), config.clients().size(), config.venues().size(), instruments.size());
    }

    /**
     * After an unclean stop, the restatements go out on the offline sessions before any client can log on,
     * and the acceptor opens only once Artio has indexed all of them. A client logging on in the middle of
     * that burst made Artio answer its ResendRequest from an index and archive behind the live sends: its
     * gap fill ran past numbers the library then sent, and the client logged out ("MsgSeqNum too low").
     * Runs the sequencer and the library on this thread, before the core thread owns them; bounded.
     */
    private void restateBeforeLogon(final OrderRestatements restatements)
    {
        if (restatements.size() == 0 && clientSessions.lastSentPosition() == 0)
        {
            return;
        }
        final long startNs = System.nanoTime();
        final long deadlineNs = startNs + RESTATE_TIMEOUT_NS;
        final Agent sequencer = oms.sequencer();
        final int restated = restatements.size();
        while (restatements.size() > 0 || oms.metrics().queueDepth() > 0 || clientSessions.backlogged() > 0)
        {
            if (System.nanoTime() > deadlineNs)
            {
                LOG.warn("event=restatements_unfinished_at_logon pending={} backlogged={}", restatements.size(),
                    clientSessions.backlogged());
                return;
            }
            try
            {
                final int work = restatements.offer(oms.orderEntry()) + sequencer.doWork() +
                    oms.publishStateChanges() + clientSessions.sendBacklogs() + fixRuntime.poll(FRAGMENT_LIMIT);
                if (work == 0)
                {
                    Thread.onSpinWait();
                }
            }
            catch (final Exception e)
            {
                throw new IllegalStateException("restating orders after an unclean stop", e);
            }
        }
        final long sent = clientSessions.lastSentPosition();
        final org.agrona.concurrent.status.ReadablePosition indexed = fixRuntime.libraryIndexedPosition();
        while (indexed.getVolatile() < sent)
        {
            if (System.nanoTime() > deadlineNs)
            {
                LOG.warn("event=restatements_not_indexed_at_logon sent={} indexed={}", sent, indexed.getVolatile());
                return;
            }
            fixRuntime.poll(FRAGMENT_LIMIT);
            Thread.onSpinWait();
        }
        LOG.info("event=restated_before_logon orders={} indexedPosition={} tookMs={}", restated, indexed.getVolatile(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
    }

    /**
     * What the engine has already received (and counted in its sequence numbers) must reach the
     * journal before the library closes, or a clean restart would skip it: keep polling the library
     * and the sequencer, while the Logouts complete, until both are quiet.
     */
    private void drainCore(final Agent libraryPoller)
    {
        final long deadlineNs = System.nanoTime() + DRAIN_TIMEOUT_NS;
        long quietSinceNs = System.nanoTime();
        final Agent sequencer = oms.sequencer();
        while (System.nanoTime() < deadlineNs && System.nanoTime() - quietSinceNs < DRAIN_QUIET_NS)
        {
            int work = 0;
            try
            {
                work = libraryPoller.doWork() + sequencer.doWork();
            }
            catch (final Exception e)
            {
                LOG.error("event=drain_error", e);
            }
            if (work > 0 || oms.metrics().queueDepth() > 0)
            {
                quietSinceNs = System.nanoTime();
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * The risk gate's cold path: a thread of its own that grants exposure leases from the store's positions
     * (a pass returns at once while no scope has a gross exposure limit, which admin may add at any time).
     */
    private void startExposureEngine()
    {
        final RiskSettings risk = config.risk();
        exposureEngine = new ExposureEngine(riskGate, consumer -> storeReader.forEachTotalPosition(consumer::position),
            clock, risk.leaseTtl().toNanos(), EXPOSURE_STORE_LAG_NS);
        exposureThread = DaemonTimers.single("exposure-engine");
        final long intervalMs = Math.max(1, risk.leaseInterval().toMillis());
        exposureEngine.run();
        exposureThread.scheduleWithFixedDelay(() ->
        {
            try
            {
                exposureEngine.run();
            }
            catch (final RuntimeException e)
            {
                LOG.error("event=exposure_engine_failed (leases run out unless a later pass succeeds)", e);
                alerts.raise(io.meridian.risk.alerts.Severity.YELLOW, "risk", "EXPOSURE_ENGINE_FAILED",
                    "exposure engine pass failed (" + e + "): leases run out, then new risk fails closed");
            }
        }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** Before the store closes: the engine reads it. Its leases then run out: new risk fails closed. */
    private void stopExposureEngine()
    {
        if (exposureThread == null)
        {
            return;
        }
        exposureThread.shutdownNow();
        try
        {
            if (!exposureThread.awaitTermination(5, TimeUnit.SECONDS))
            {
                LOG.warn("event=exposure_engine_stop_timeout");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void startCryptoSimulators()
    {
        final CryptoSimulatorSettings settings = config.cryptoSimulators();
        if (!settings.enabled())
        {
            return;
        }
        cryptoSimulators.add(new BinanceLauncher().launch(
            settings.host(), settings.binancePort(), settings.seed(), settings.makerStepMs()));
        cryptoSimulators.add(new OkxLauncher().launch(
            settings.host(), settings.okxPort(), settings.seed(), settings.makerStepMs()));
        if (settings.controlPort() > 0)
        {
            cryptoControl = ControlServer.start(List.copyOf(cryptoSimulators), settings.host(), settings.controlPort());
        }
        for (final CryptoVenueLauncher.Running running : cryptoSimulators)
        {
            LOG.info("event=embedded_crypto_simulator_started {}", running.summary().replace('\n', ' '));
        }
    }

    /**
     * Where the shared store is written (call before {@link #start()}): false (default), on the core
     * thread after each cycle's outputs were written to the sockets, so one thread carries the whole
     * order path (best on 2 cores); true, on a thread of its own that wakes each millisecond, taking
     * the store's cost (about 10 us per fill) off the core thread where cores are spare.
     */
    /**
     * Internal tick-to-trade to the crypto venues up to the request bytes written to their order entry socket
     * (before {@link #start()}; off by default): {@link TickToTradeProbe#venueWritesOf(int)} per venue id.
     */
    public void cryptoWriteProbes(final boolean enabled)
    {
        this.cryptoWriteProbes = enabled;
    }

    /** Shadow mode (before {@link #start()}): run everything, send nothing to the venues. */
    public void shadow(final boolean enabled)
    {
        this.shadow = enabled;
    }

    /** The shadow venue when in shadow mode, else null. */
    public ShadowVenues shadowVenues()
    {
        return shadowVenues;
    }

    public void storeWriterThread(final boolean ownThread)
    {
        this.storeWriterThread = ownThread;
    }

    /**
     * A client's NewOrderSingle that waited longer than this in Meridian (from the engine reading it to its
     * decoding on the core thread) is refused with {@code STALE_ORDER} instead of joining a backlog: over
     * capacity, new orders are shed with a reason and cancels still go through. 0: off. Set before start.
     */
    public void maxInboundDelayMs(final double millis)
    {
        if (!(millis >= 0) || Double.isInfinite(millis))
        {
            throw new IllegalArgumentException("meridian.fix.max-inbound-delay-ms must be 0 or positive: " + millis);
        }
        this.maxInboundDelayNanos = Math.round(millis * 1_000_000);
    }

    /** How many ExecutionReports the store's report history keeps (docs/store.md); set before {@link #start()}. */
    public void storeReports(final long reports)
    {
        if (reports < 1)
        {
            throw new IllegalArgumentException("meridian.store.reports must be positive: " + reports);
        }
        this.storeReports = reports;
    }

    /**
     * What a graceful stop (SIGTERM) does before closing: with {@code cancelOpenOrders} every open order is
     * cancelled at its venue, otherwise they stay working there (GTC orders rest; the journal and the
     * next start know them); {@code drainTimeoutMs} bounds the wait for requests in flight.
     */
    public void shutdownPolicy(final boolean cancelOpenOrders, final long drainTimeoutMs)
    {
        this.cancelOpenOrdersOnShutdown = cancelOpenOrders;
        this.drainTimeoutMs = drainTimeoutMs;
    }

    /** Waits until {@link #close} has finished (the JVM's exit waits for it after SIGTERM). */
    public boolean awaitClosed(final long timeoutMs) throws InterruptedException
    {
        return closed.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * The first step of a graceful stop: new orders and replaces are refused, open orders are cancelled
     * if so configured, and the stop waits (bounded) until no order is in flight at a venue (pending
     * new, cancel or replace), so nothing sent is left without its answer.
     */
    private void drain()
    {
        if (oms == null || coreRunner == null || halts == null)
        {
            return;
        }
        halts.shuttingDown();
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainTimeoutMs);
        if (cancelOpenOrdersOnShutdown)
        {
            while (!oms.massCancel(io.meridian.oms.model.MassCancelScope.ALL, 0) && System.nanoTime() < deadlineNs)
            {
                Thread.onSpinWait();
            }
        }
        long inFlight = -1;
        int open = -1;
        while (System.nanoTime() < deadlineNs)
        {
            try
            {
                final List<io.meridian.oms.OrderSnapshot> orders = oms.queries().openOrders().get(1, TimeUnit.SECONDS);
                open = orders.size();
                inFlight = orders.stream().filter(o -> o.ordStatus() == io.meridian.oms.model.OrdStatus.PENDING_NEW ||
                    o.ordStatus() == io.meridian.oms.model.OrdStatus.PENDING_CANCEL ||
                    o.ordStatus() == io.meridian.oms.model.OrdStatus.PENDING_REPLACE).count();
                if (inFlight == 0 && (!cancelOpenOrdersOnShutdown || open == 0))
                {
                    break;
                }
                Thread.sleep(50);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                break;
            }
            catch (final Exception e)
            {
                LOG.warn("event=drain_query_failed error={}", e.toString());
                break;
            }
        }
        if (inFlight == 0)
        {
            LOG.info("event=drain_complete inFlight=0 openOrders={} cancelOpenOrders={}", open, cancelOpenOrdersOnShutdown);
        }
        else
        {
            LOG.warn("event=drain_timeout inFlight={} openOrders={} timeoutMs={} note=\"journaled; settled by status " +
                "queries at the next start\"", inFlight, open, drainTimeoutMs);
        }
    }

    public void close()
    {
        CloseHelper.quietClose(venueSessionAlerts);
        stopExposureEngine();
        drain();
        CloseHelper.quietClose(cryptoRunner);
        if (coreRunner != null)
        {
            // Agrona interrupts a thread that has not stopped within the timeout, and an interrupt in a file
            // operation closes the shared store's channel: every later store write then fails (thousands of
            // errors in one overloaded stop, seen in the benchmark). The core thread's close (logouts, the drain,
            // bounded by DRAIN_TIMEOUT_NS) gets time to finish instead.
            coreRunner.close(CORE_CLOSE_TIMEOUT_MS,
                thread -> LOG.warn("event=core_thread_close_slow thread={} waitedMs={}", thread.getName(),
                    CORE_CLOSE_TIMEOUT_MS));
        }
        CloseHelper.quietClose(storeRunner);
        if (oms != null && storeReader != null && coreRunner != null)
        {
            // the sequencer has stopped: what the journal holds, which the next start must replay to
            LOG.info("event=final_state lastSequence={} oms={} store={}", oms.metrics().lastSequence(),
                Long.toHexString(oms.stateHash()), Long.toHexString(storeReader.stateHash()));
        }
        CloseHelper.quietClose(fixRuntime);
        CloseHelper.quietClose(oms);
        CloseHelper.quietClose(store);
        CloseHelper.quietClose(simulator);
        CloseHelper.quietClose(cryptoControl);
        for (final CryptoVenueLauncher.Running running : cryptoSimulators)
        {
            CloseHelper.quietClose(running);
        }
        CloseHelper.quietClose(alerts);
        LOG.info("event=meridian_stopped");
        closed.countDown();
    }

    public ServerConfig config()
    {
        return config;
    }

    /** Where a start is: reconciling the venues (new orders to them refused), or open. */
    public enum Phase
    {
        RECONCILING, OPEN
    }

    private volatile Phase phase = Phase.OPEN;

    public Phase phase()
    {
        return phase;
    }

    void phase(final Phase phase)
    {
        this.phase = phase;
    }

    /** Every venue reconciliation can ask for its own view: the FIX venues, then the crypto venues. */
    public List<VenueViewSource> viewSources()
    {
        final List<VenueViewSource> sources = new ArrayList<>(venueBridge.viewSources());
        sources.addAll(cryptoBridges);
        return sources;
    }

    public InstrumentRegistry instruments()
    {
        return instruments;
    }

    public Oms oms()
    {
        return oms;
    }

    public ClientSessions clientSessions()
    {
        return clientSessions;
    }

    public FixVenueBridge venueBridge()
    {
        return venueBridge;
    }

    /**
     * Top of book per instrument id from the venues' market data (crypto streams, FIX venues with
     * market-data; thread-safe, allocation-free reads); an instrument without market data, or whose book
     * is out of sync, reads false.
     */
    public TopOfBooks topOfBook()
    {
        return topOfBook;
    }

    /**
     * The top 20 levels a side of each instrument's venue book, by instrument id, from the venues' market
     * data, crypto streams and FIX venues with market-data (thread-safe, allocation-free reads); an instrument without market data, or whose book is out of
     * sync, reads false.
     */
    public DepthBooks depthBooks()
    {
        return depth;
    }

    /**
     * Each instrument's venue trading rules in its scales, by instrument id: the crypto venues' own (once
     * their instrument lists are loaded), else the configured ones; thread-safe, allocation-free reads.
     */
    public TradingRules tradingRules()
    {
        return tradingRules;
    }

    /** The instruments routed to a crypto venue, with the venue's symbol for each. */
    private List<BookInstrument> bookInstruments(final CryptoVenueConfig venue)
    {
        final List<BookInstrument> books = new ArrayList<>();
        for (int id = 0; id < instruments.size(); id++)
        {
            final Instrument instrument = instruments.byId(id);
            final String venueSymbol = venue.venueSymbol(instrument.symbol());
            if (instrument.venueId() == venue.venueId() && venueSymbol != null)
            {
                books.add(new BookInstrument(id, instrument.symbol(), venueSymbol, instrument.priceScale(),
                    instrument.qtyScale()));
            }
        }
        return books;
    }

    /** The crypto venue bridges (Binance spot, OKX), in venueId order. */
    public List<CryptoVenueBridge> cryptoBridges()
    {
        return cryptoBridges;
    }

    public List<CryptoVenueStatus> cryptoStatus()
    {
        final List<CryptoVenueStatus> status = new ArrayList<>(cryptoBridges.size());
        for (final CryptoVenueBridge bridge : cryptoBridges)
        {
            status.add(bridge.status());
        }
        return status;
    }

    /** The embedded crypto simulators (Binance, OKX), empty when disabled. */
    public List<CryptoVenueLauncher.Running> cryptoSimulators()
    {
        return cryptoSimulators;
    }

    /** Reads the shared store (positions, fills, balances, venue views) from any thread; null before start. */
    public StoreReader store()
    {
        return storeReader;
    }

    /**
     * The state hash over orders, fills, positions, balances and venue views: the OMS's hash and the
     * store's, taken together on the core thread between two inputs once the store's thread has caught
     * up (a consistent cut; it scans the
     * store, so it is a diagnostic, not for a hot loop). A replay of the same journal gives the same
     * hash.
     */
    public java.util.concurrent.CompletableFuture<StateHash> stateHash()
    {
        return oms.onSequencer(() ->
        {
            oms.awaitStateListener();
            return new StateHash(oms.metrics().lastSequence(), Long.toHexString(oms.stateHash()),
                Long.toHexString(storeReader.stateHash()));
        });
    }

    /** The state hashes at one sequence number. */
    public record StateHash(long lastSequence, String oms, String store)
    {
    }

    /**
     * The store's writer, for its counters; one thread runs it: the core thread after each cycle's outputs
     * left, or the store's own thread with {@link #storeWriterThread(boolean)}.
     */
    public StoreWriter storeWriter()
    {
        return storeWriter;
    }

    /** Alerts for ops (log and the configured sinks); {@code raise} never blocks. Null before start. */
    public Alerts alerts()
    {
        return alerts;
    }

    /** Client CompIDs by client id (the sessions the kill switch and risk limits name). */
    public List<String> sessionCompIds()
    {
        return clientCompIds(config);
    }

    /** The hot risk gate: its scopes, limits, exposure and leases. */
    public HotRiskGate riskGate()
    {
        return riskGate;
    }

    /** The cold path that grants the gate's exposure leases. */
    public ExposureEngine exposureEngine()
    {
        return exposureEngine;
    }

    /** The limits changed at runtime, kept in {@code <data-dir>/risk-limits}. */
    RiskLimitFile riskLimitFile()
    {
        return riskLimitFile;
    }

    /** The operator's kill switch and venue halts, in front of the hot risk gate. */
    public TradingHalts halts()
    {
        return halts;
    }

    public GatewayMetrics gatewayMetrics()
    {
        return gatewayMetrics;
    }

    public VenueBridgeMetrics venueMetrics()
    {
        return venueMetrics;
    }

    /** Internal tick-to-trade samples (client NOS received -> venue NOS sent); one thread drains them. */
    public TickToTradeProbe tickToTrade()
    {
        return tickToTrade;
    }

    /** The core thread (FIX library, venues, sequencer), for per-thread CPU and allocation; null before start. */
    public Thread coreThread()
    {
        return coreRunner == null ? null : coreRunner.thread();
    }

    /** The crypto bridges' I/O thread, null when there is no crypto venue or it has not started. */
    public Thread cryptoThread()
    {
        return cryptoRunner == null ? null : cryptoRunner.thread();
    }

    /** The embedded simulator, or null when disabled. */
    public FixVenueSimulator simulator()
    {
        return simulator;
    }

    public int recoveredRecords()
    {
        return recoveredRecords;
    }

    /** client id -> CompID: the account of orders sent without Account (1) */
    private static List<String> clientCompIds(final ServerConfig config)
    {
        final List<String> compIds = new ArrayList<>();
        for (final io.meridian.gateway.ClientSessionConfig client : config.clients())
        {
            while (compIds.size() <= client.clientId())
            {
                compIds.add("");
            }
            compIds.set(client.clientId(), client.clientCompId());
        }
        return compIds;
    }

    static InstrumentRegistry buildInstruments(final ServerConfig config)
    {
        final Map<String, Integer> ids = new HashMap<>();
        for (final InstrumentSettings settings : config.instruments())
        {
            ids.put(settings.symbol(), ids.size());
        }
        final RouterSettings router = config.router();
        final List<Instrument> instruments = new ArrayList<>();
        for (final InstrumentSettings settings : config.instruments())
        {
            final boolean routed = router.enabled() && settings.venue().equals(router.venueName());
            final int venueId = routed ? config.routerVenueId() : venueId(config, settings.venue());
            instruments.add(new Instrument(
                instruments.size(),
                settings.symbol(),
                settings.priceScale(),
                settings.qtyScale(),
                venueId,
                scaled(settings.referencePrice(), settings.priceScale()),
                scaled(settings.maxOrderQty(), settings.qtyScale()),
                settings.maxNotional() == null ? Long.MAX_VALUE : settings.maxNotional().longValueExact(),
                settings.collarBps(),
                routed ? legs(config, settings, ids) : new int[0]));
        }
        return new InstrumentRegistry(instruments);
    }

    private static int[] legs(final ServerConfig config, final InstrumentSettings routed, final Map<String, Integer> ids)
    {
        final List<String> legs = config.router().routes().get(routed.symbol());
        if (legs == null)
        {
            throw new IllegalArgumentException("routed instrument " + routed.symbol() + " has no meridian.router.routes entry");
        }
        final int[] legIds = new int[legs.size()];
        for (int i = 0; i < legIds.length; i++)
        {
            final Integer id = ids.get(legs.get(i));
            final InstrumentSettings leg = id == null ? null : config.instruments().get(id);
            if (leg == null || leg.venue().equals(config.router().venueName()))
            {
                throw new IllegalArgumentException(routed.symbol() + ": leg " + legs.get(i) + " is no venue instrument");
            }
            if (leg.priceScale() != routed.priceScale() || leg.qtyScale() != routed.qtyScale())
            {
                throw new IllegalArgumentException(routed.symbol() + ": leg " + legs.get(i) + " has other scales");
            }
            legIds[i] = id;
        }
        return legIds;
    }

    private static int venueId(final ServerConfig config, final String name)
    {
        for (final FixVenueConfig venue : config.venues())
        {
            if (venue.name().equals(name))
            {
                return venue.venueId();
            }
        }
        for (final CryptoVenueConfig venue : config.cryptoVenues())
        {
            if (venue.name().equals(name))
            {
                return venue.venueId();
            }
        }
        throw new IllegalArgumentException("instrument routed to unknown venue: " + name);
    }

    private static long scaled(final BigDecimal value, final int scale)
    {
        return value == null ? 0 : value.setScale(scale).unscaledValue().longValueExact();
    }
}
