package io.meridian.simulators.fix;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import org.apache.mina.core.service.IoAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileStoreFactory;
import quickfix.LogFactory;
import quickfix.MemoryStoreFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.mina.acceptor.DynamicAcceptorSessionProvider;

/**
 * A FIX 4.4 venue on a QuickFIX/J {@link SocketAcceptor} (one message-processing thread) and the
 * simulators' matching engine. Typical use:
 * <pre>
 * try (FixVenueSimulator venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults()).start()) {
 *     int port = venue.port();
 *     venue.control().addLiquidity("AAPL", Side.SELL, "100", "190.05");
 * }
 * </pre>
 * Starts once; {@link #stop()} disconnects clients, releases the port and ends the threads it
 * started (QuickFIX/J's shared "QFJ Timer" daemon thread is JVM-wide and stays).
 */
public final class FixVenueSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FixVenueSimulator.class);

    private final FixVenueSimulatorConfig config;
    private SocketAcceptor acceptor;
    private ReportSender sender;
    private VenueDictionary dictionary;
    private java.util.concurrent.ScheduledExecutorService makerTimer;
    private VenueControl control;
    private int port = -1;
    private boolean stopped;

    public FixVenueSimulator(FixVenueSimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Seeds the books, binds the port and accepts sessions. Returns this, for chaining. */
    public synchronized FixVenueSimulator start() {
        if (acceptor != null || stopped) {
            throw new IllegalStateException("a simulator starts once");
        }
        String idPrefix = config.idPrefix().orElseGet(() -> Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));
        sender = new ReportSender();
        try {
            dictionary = VenueDictionary.write(config.dataDictionary());
            VenueCore core = new VenueCore(config, sender, idPrefix);
            control = new VenueControl(core);
            acceptor = createAcceptor(new VenueApplication(core));
            acceptor.start();
            port = boundPort(acceptor);
            if (config.marketMakerStepMs() > 0) {
                makerTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "fix-venue-market-maker");
                    thread.setDaemon(true);
                    return thread;
                });
                VenueControl maker = control;
                makerTimer.scheduleWithFixedDelay(() -> {
                    try {
                        maker.stepMarketMaker();
                    } catch (RuntimeException e) {
                        LOG.warn("event=market_maker_step_failed", e);
                    }
                }, config.marketMakerStepMs(), config.marketMakerStepMs(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (ConfigError | RuntimeException e) {
            stop();
            throw new IllegalStateException("FIX venue simulator failed to start: " + e.getMessage(), e);
        }
        LOG.info("FIX venue simulator listening on port {} as {}", port, config.senderCompId());
        return this;
    }

    /** The bound TCP port (the real one when configured with 0). */
    public synchronized int port() {
        requireStarted();
        return port;
    }

    /** The control API. */
    public synchronized VenueControl control() {
        requireStarted();
        return control;
    }

    public FixVenueSimulatorConfig config() {
        return config;
    }

    /** Disconnects sessions, unbinds and ends the simulator's threads. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (makerTimer != null) {
            makerTimer.shutdownNow();
        }
        if (acceptor != null) {
            acceptor.stop(true);
        }
        if (sender != null) {
            sender.close();
        }
        if (dictionary != null) {
            dictionary.close();
        }
        if (port >= 0) {
            LOG.info("FIX venue simulator on port {} stopped", port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private SocketAcceptor createAcceptor(VenueApplication application) throws ConfigError {
        SessionSettings settings = AcceptorSettings.build(config, dictionary.location());
        MessageStoreFactory stores = config.fileStoreDir().isPresent() ? new FileStoreFactory(settings) : new MemoryStoreFactory();
        LogFactory logs = new FixLogFactory();
        MessageFactory messages = new DefaultMessageFactory();
        SocketAcceptor socketAcceptor = new SocketAcceptor(application, stores, settings, logs, messages);
        if (config.acceptAnyTargetCompId()) {
            socketAcceptor.setSessionProvider(new InetSocketAddress(config.bindAddress(), config.port()),
                new DynamicAcceptorSessionProvider(settings, AcceptorSettings.templateSession(config), application, stores,
                    logs, messages));
        }
        return socketAcceptor;
    }

    private static int boundPort(SocketAcceptor acceptor) {
        for (IoAcceptor endpoint : acceptor.getEndpoints()) {
            if (endpoint.getLocalAddress() instanceof InetSocketAddress address) {
                return address.getPort();
            }
        }
        throw new IllegalStateException("acceptor is not bound");
    }

    private void requireStarted() {
        if (acceptor == null) {
            throw new IllegalStateException("simulator not started");
        }
    }
}
