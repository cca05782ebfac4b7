package io.meridian.benchmarks.e2e;

import io.meridian.admin.CryptoSimulatorSettings;
import io.meridian.admin.InstrumentSettings;
import io.meridian.admin.MeridianServer;
import io.meridian.admin.ServerConfig;
import io.meridian.gateway.ClientSessionConfig;
import io.meridian.oms.VenueWriteProbe;
import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.okx.OkxFrontEnd;
import io.meridian.simulators.okx.OkxSimulator;
import io.meridian.venues.crypto.CryptoVenueBridge;
import io.meridian.venues.crypto.CryptoVenueConfig;
import io.meridian.venues.crypto.CryptoVenueKind;
import io.meridian.venues.crypto.VenueCredentials;
import org.HdrHistogram.Histogram;
import org.agrona.IoUtil;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crypto systems of the harness, each in its own JVM ({@link SutMain}):
 * <pre>
 *   crypto-sim binance|okx                                     the venue simulator alone
 *   crypto binance|okx busy-spin|backoff lock-step|low-resource &lt;simulatorPort&gt; &lt;sessions&gt; [bridge idle: backoff]
 * </pre>
 * Meridian trades one instrument on the venue (BTC-USDT on Binance, BTC-USDT@OKX on OKX) over the
 * WebSocket order entry API, with the venue's market data on, as {@code bin/meridian} configures a
 * crypto venue (reconciliation off, as in the FIX rows). The simulator runs in a JVM of its own, so
 * its CPU is measured apart from Meridian's and its threads do not sit in Meridian's process; its
 * rate limits are lifted (Binance's are 100 orders per 10 s) and its market maker requotes 10 levels
 * of 0.5 BTC a side every 100 ms, so the load client's orders (buys above and sells below the book)
 * fill at once against it: matching is immediate and the book never runs dry.
 * <p>
 * Beyond the FIX rows' numbers Meridian reports the internal tick-to-trade to the socket (client NOS
 * received -> the venue request's bytes written to the WebSocket, {@link VenueWriteProbe}) and CPU and
 * allocation of the crypto bridge's I/O thread and of the JDK HttpClient threads that carry the
 * WebSocket (found by name).
 */
final class CryptoSut
{
    static final String BINANCE = "binance";
    static final String OKX = "okx";
    static final long MAKER_STEP_MS = 100;
    private static final long MAX_SAMPLE_NANOS = 60_000_000_000L;
    private static final String JDK_HTTP_THREADS = "HttpClient-";

    private CryptoSut()
    {
    }

    /** The instrument Meridian trades on the venue. */
    static String symbol(final String venue)
    {
        return OKX.equals(venue) ? "BTC-USDT@OKX" : "BTC-USDT";
    }

    /** The report's name of the system. */
    static String system(final String venue)
    {
        return BenchReport.MERIDIAN + " -> " + (OKX.equals(venue) ? "OKX" : "Binance") + " sim (WebSocket)";
    }

    /**
     * What the load client sends: 0.0001 BTC, buys at 61000 and sells at 59000 alternately (one side per
     * session), both through the simulated book around 60000: every order fills at once, the account
     * stays flat.
     */
    static FixLoadClient.OrderSpec orders(final String venue)
    {
        return new FixLoadClient.OrderSpec(symbol(venue), 1, 4, 6_100_000, 5_900_000, 2, true);
    }

    // ------------------------------------------------------------------ the simulator

    static SutMain.Sut simulator(final String venue)
    {
        final int port;
        final AutoCloseable sim;
        final String loopThread;
        if (OKX.equals(venue))
        {
            final OkxSimulator okx = OkxSimulator.start(OkxSimulator.Config.defaults(0, 1).withMakerStepMs(MAKER_STEP_MS));
            port = okx.port();
            sim = okx;
            loopThread = "okx-exchange";
        }
        else
        {
            final BinanceSimulatorConfig defaults = BinanceSimulatorConfig.defaults(0, 1);
            final BinanceSimulator binance = BinanceSimulator.start(new BinanceSimulatorConfig(defaults.host(), 0,
                defaults.exchange(), defaults.apiKeys(), defaults.clock(), MAKER_STEP_MS, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 0));
            port = binance.port();
            sim = binance;
            loopThread = "binance-exchange";
        }
        return new SutMain.Sut()
        {
            public int port()
            {
                return port;
            }

            /** The exchange loop (matching, market maker): its CPU is the simulator's core figure. */
            public Thread coreThread()
            {
                return threadNamed(loopThread);
            }

            public void close()
            {
                try
                {
                    sim.close();
                }
                catch (final Exception e)
                {
                    // stopping anyway
                }
            }
        };
    }

    static Thread threadNamed(final String name)
    {
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().equals(name))
            {
                return thread;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ Meridian

    static SutMain.Sut meridian(final String venue, final String coreIdle, final String scheduler, final int simPort,
        final int sessions, final String bridgeIdle) throws Exception
    {
        final Path dir = Files.createTempDirectory("meridian-crypto-bench");
        final int port = SutMain.freePort();
        final List<ClientSessionConfig> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++)
        {
            clients.add(new ClientSessionConfig(i, "CLIENT" + (i + 1), "MERIDIAN", null, null));
        }
        final String http = "http://127.0.0.1:" + simPort;
        final String ws = "ws://127.0.0.1:" + simPort;
        final CryptoVenueConfig venueConfig = OKX.equals(venue) ?
            new CryptoVenueConfig(0, "OKX", CryptoVenueKind.OKX_V5, http, ws + OkxFrontEnd.WS_PRIVATE,
                ws + OkxFrontEnd.WS_PUBLIC, VenueCredentials.hmac("okx-trader1-key", "okx-trader1-secret",
                "okx-trader1-pass"), Map.of(symbol(venue), "BTC-USDT"), 5_000, 5_000, 250, 10_000, true) :
            new CryptoVenueConfig(0, "BINANCE", CryptoVenueKind.BINANCE_SPOT, http, ws + "/ws-api/v3", ws,
                VenueCredentials.hmac(BinanceSimulatorConfig.TRADER1_KEY, BinanceSimulatorConfig.TRADER1_SECRET, null),
                Map.of(symbol(venue), "BTCUSDT"), 5_000, 5_000, 250, 10_000, true);
        final ServerConfig config = new ServerConfig(
            dir, "localhost", port, coreIdle, "backoff", clients, List.of(),
            List.of(new InstrumentSettings(symbol(venue), venueConfig.name(), 2, 8, new BigDecimal("60000.00"),
                new BigDecimal("50"), new BigDecimal("5000000"), 500)),
            false, 0, "VENUE", scheduler)
            .withCrypto(List.of(venueConfig), CryptoSimulatorSettings.disabled(), bridgeIdle);
        final MeridianServer server = new MeridianServer(config);
        server.cryptoWriteProbes(true);
        server.start();
        final CryptoVenueBridge bridge = server.cryptoBridges().get(0);
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (!bridge.isConnected() || (bridge.hasMarketData() && bridge.booksSynced() < 1))
        {
            if (System.nanoTime() > deadline)
            {
                server.close();
                throw new IllegalStateException("crypto venue not connected or its book not synced: " + bridge.status());
            }
            Thread.sleep(10);
        }
        return new MeridianCrypto(server, bridge, dir, port);
    }

    /** Meridian on one crypto venue, with the extra stats of the bridge threads and the socket probe. */
    private static final class MeridianCrypto implements SutMain.Sut
    {
        private final MeridianServer server;
        private final VenueWriteProbe writes;
        private final Path dir;
        private final int port;
        private final Histogram toSocket = new Histogram(MAX_SAMPLE_NANOS, 3);
        private final Thread drainer;
        private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        private long markBridgeCpu;
        private long markBridgeAlloc;
        private Map<Long, long[]> markJdk = new HashMap<>();
        private long markDropped;

        MeridianCrypto(final MeridianServer server, final CryptoVenueBridge bridge, final Path dir, final int port)
        {
            this.port = port;
            this.server = server;
            this.writes = server.tickToTrade().venueWritesOf(bridge.venueId());
            this.dir = dir;
            drainer = new Thread(() ->
            {
                while (!Thread.currentThread().isInterrupted())
                {
                    drainWrites();
                    try
                    {
                        Thread.sleep(5);
                    }
                    catch (final InterruptedException e)
                    {
                        return;
                    }
                }
            }, "tick-to-socket-drain");
            drainer.setDaemon(true);
            drainer.start();
        }

        private void drainWrites()
        {
            synchronized (toSocket)
            {
                drainWritesLocked();
            }
        }

        public int port()
        {
            return port;
        }

        public Thread coreThread()
        {
            return server.coreThread();
        }

        public void drainTickToTrade(final Histogram histogram)
        {
            server.tickToTrade().drain(nanos -> histogram.recordValue(Math.min(Math.max(nanos, 0), MAX_SAMPLE_NANOS)));
        }

        public void markExtra()
        {
            final Thread bridgeThread = server.cryptoThread();
            markBridgeCpu = threads.getThreadCpuTime(bridgeThread.getId());
            markBridgeAlloc = threads.getThreadAllocatedBytes(bridgeThread.getId());
            markJdk = jdkThreads();
            markDropped = writes.droppedSamples();
            synchronized (toSocket)
            {
                drainWritesLocked();
                toSocket.reset();
            }
        }

        private void drainWritesLocked()
        {
            writes.drain(nanos -> toSocket.recordValue(Math.min(Math.max(nanos, 0), MAX_SAMPLE_NANOS)));
        }

        public String extraStats()
        {
            final Thread bridgeThread = server.cryptoThread();
            final long bridgeCpu = threads.getThreadCpuTime(bridgeThread.getId()) - markBridgeCpu;
            final long bridgeAlloc = threads.getThreadAllocatedBytes(bridgeThread.getId()) - markBridgeAlloc;
            long jdkCpu = 0;
            long jdkAlloc = 0;
            for (final Map.Entry<Long, long[]> now : jdkThreads().entrySet())
            {
                final long[] before = markJdk.getOrDefault(now.getKey(), new long[2]);
                jdkCpu += now.getValue()[0] - before[0];
                jdkAlloc += now.getValue()[1] - before[1];
            }
            final String encoded;
            synchronized (toSocket)
            {
                drainWritesLocked();
                encoded = SutMain.encode(toSocket);
            }
            return " bridgeCpuNanos=" + bridgeCpu + " bridgeAllocBytes=" + bridgeAlloc +
                " jdkHttpCpuNanos=" + jdkCpu + " jdkHttpAllocBytes=" + jdkAlloc +
                " toSocketDropped=" + (writes.droppedSamples() - markDropped) + " toSocket=" + encoded;
        }

        /** CPU and allocated bytes of each live JDK HttpClient thread (selector, workers), by thread id. */
        private Map<Long, long[]> jdkThreads()
        {
            final Map<Long, long[]> byId = new HashMap<>();
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                if (thread.getName().startsWith(JDK_HTTP_THREADS))
                {
                    byId.put(thread.getId(), new long[] {threads.getThreadCpuTime(thread.getId()),
                        threads.getThreadAllocatedBytes(thread.getId())});
                }
            }
            return byId;
        }

        public void close()
        {
            drainer.interrupt();
            server.close();
            IoUtil.delete(new File(dir.toString()), true);
        }
    }
}
