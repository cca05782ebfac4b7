package io.meridian.benchmarks.e2e;

import io.meridian.admin.InstrumentSettings;
import io.meridian.admin.LimitSettings;
import io.meridian.admin.MeridianServer;
import io.meridian.admin.RiskSettings;
import io.meridian.admin.RouterSettings;
import io.meridian.admin.ServerConfig;
import io.meridian.gateway.ClientSessionConfig;
import io.meridian.oms.api.DepthBooks;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.risk.RiskScope;
import io.meridian.venues.fix.FixVenueConfig;
import io.meridian.venues.fix.VenueStatus;
import org.HdrHistogram.Histogram;
import org.agrona.IoUtil;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One system under test, in its own JVM (started by the harness): prints {@code READY <port>},
 * then answers on stdin {@code MARK} (start of a measurement), {@code STATS} (one line: process
 * CPU, core-thread CPU and allocated bytes since MARK, internal tick-to-trade histogram) and
 * {@code STOP}.
 * <pre>
 *   floor busy-spin|blocking
 *   qfj &lt;sessions&gt;
 *   artio busy-spin|backoff
 *   meridian busy-spin|backoff lock-step|low-resource &lt;venuePort&gt; &lt;sessions&gt; [risk|no-risk]
 *   routed busy-spin|backoff lock-step|low-resource &lt;venuePort,venuePort,...&gt; &lt;sessions&gt;
 *   crypto-sim binance|okx, crypto binance|okx ... ({@link CryptoSut})
 * </pre>
 * {@code routed} is Meridian with AAPL a routed instrument (venue SOR) over one leg per venue, each
 * venue serving a book by FIX market data.
 */
public final class SutMain
{
    private SutMain()
    {
    }

    /** What a server exposes to the stats protocol. */
    interface Sut extends AutoCloseable
    {
        int port();

        /** The thread doing the work, for per-thread CPU and allocation; null when there is none. */
        default Thread coreThread()
        {
            return null;
        }

        /** Meridian's venue books. */
        default DepthBooks depth()
        {
            throw new UnsupportedOperationException();
        }

        /** Drains internal tick-to-trade samples into {@code histogram} (Meridian only). */
        default void drainTickToTrade(final Histogram histogram)
        {
        }

        /** At MARK: the start of this system's own extra numbers (crypto: bridge threads, tick-to-socket). */
        default void markExtra()
        {
        }

        /** At STATS: this system's own extra numbers since MARK, as {@code " key=value"} pairs; empty when none. */
        default String extraStats()
        {
            return "";
        }

        void close();
    }

    public static void main(final String[] args) throws Exception
    {
        final Sut sut;
        switch (args[0])
        {
            case "floor":
                sut = new NioEchoServer("busy-spin".equals(args[1]));
                break;
            case "qfj":
                sut = new QfjEchoServer(Integer.parseInt(args[1]));
                break;
            case "artio":
                sut = new ArtioEchoServer(args[1]);
                break;
            case "meridian":
                sut = meridian(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args.length > 5 && args[5].equals("risk"));
                break;
            case "routed":
                sut = routed(args[1], args[2], java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt)
                    .toArray(), Integer.parseInt(args[4]));
                break;
            case "crypto-sim":
                sut = CryptoSut.simulator(args[1]);
                break;
            case "crypto":
                sut = CryptoSut.meridian(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    args.length > 6 ? args[6] : "backoff");
                break;
            default:
                throw new IllegalArgumentException("unknown system " + args[0]);
        }
        System.out.println("READY " + sut.port());
        System.out.flush();
        serve(sut);
        System.exit(0);
    }

    private static void serve(final Sut sut) throws Exception
    {
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Histogram tickToTrade = new Histogram(60_000_000_000L, 3);
        final Thread drainer = new Thread(() ->
        {
            while (!Thread.currentThread().isInterrupted())
            {
                synchronized (tickToTrade)
                {
                    sut.drainTickToTrade(tickToTrade);
                }
                try
                {
                    Thread.sleep(5);
                }
                catch (final InterruptedException e)
                {
                    return;
                }
            }
        }, "tick-to-trade-drain");
        drainer.setDaemon(true);
        drainer.start();

        long markCpu = 0;
        long markWall = 0;
        long markCoreCpu = 0;
        long markCoreAlloc = 0;
        final BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = stdin.readLine()) != null)
        {
            final Thread core = sut.coreThread();
            final long coreId = core == null ? -1 : core.getId();
            switch (line.trim())
            {
                case "MARK":
                    markCpu = os.getProcessCpuTime();
                    markWall = System.nanoTime();
                    markCoreCpu = coreId < 0 ? 0 : threads.getThreadCpuTime(coreId);
                    markCoreAlloc = coreId < 0 ? 0 : threads.getThreadAllocatedBytes(coreId);
                    synchronized (tickToTrade)
                    {
                        sut.drainTickToTrade(tickToTrade);
                        tickToTrade.reset();
                    }
                    sut.markExtra();
                    System.out.println("MARKED");
                    break;
                case "STATS":
                    final String encoded;
                    synchronized (tickToTrade)
                    {
                        sut.drainTickToTrade(tickToTrade);
                        encoded = encode(tickToTrade);
                    }
                    System.out.println("STATS cpuNanos=" + (os.getProcessCpuTime() - markCpu) +
                        " wallNanos=" + (System.nanoTime() - markWall) +
                        " coreCpuNanos=" + (coreId < 0 ? -1 : threads.getThreadCpuTime(coreId) - markCoreCpu) +
                        " coreAllocBytes=" + (coreId < 0 ? -1 : threads.getThreadAllocatedBytes(coreId) - markCoreAlloc) +
                        " tickToTrade=" + encoded + sut.extraStats());
                    break;
                case "STOP":
                    drainer.interrupt();
                    sut.close();
                    System.out.println("STOPPED");
                    System.out.flush();
                    return;
                default:
                    System.out.println("ERROR unknown command " + line);
                    break;
            }
            System.out.flush();
        }
        sut.close();
    }

    static String encode(final Histogram histogram)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        final int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(final String base64)
    {
        try
        {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        }
        catch (final java.util.zip.DataFormatException e)
        {
            throw new IllegalArgumentException("bad histogram", e);
        }
    }

    static Sut meridian(final String coreIdle, final String scheduler, final int venuePort, final int sessions)
        throws Exception
    {
        return meridian(coreIdle, scheduler, venuePort, sessions, false);
    }

    /** @param risk every risk check of the firm and of each session on ({@link #everyRiskCheck}). */
    static Sut meridian(final String coreIdle, final String scheduler, final int venuePort, final int sessions,
        final boolean risk) throws Exception
    {
        final Path dir = Files.createTempDirectory("meridian-bench");
        final int port = freePort();
        final ServerConfig config = new ServerConfig(
            dir, "localhost", port, coreIdle, "backoff", clients(sessions),
            List.of(new FixVenueConfig(0, "BENCHVENUE", "localhost", venuePort, "MERIDIAN", "VENUE", null, null, 200)),
            List.of(aapl("AAPL", "BENCHVENUE")),
            false, 0, "VENUE", scheduler);
        return start(risk ? config.withRisk(everyRiskCheck(sessions)) : config, dir, port);
    }

    /**
     * Every limit the hot gate checks, for the firm and for each session (gross exposure: the firm's, by lease),
     * set so high that no order of the harness reaches one: the gate does all its work and refuses nothing. The exposure lease is granted by
     * the cold path every 250 ms, the sequencer watched for stalls, as application.yml configures them.
     */
    static RiskSettings everyRiskCheck(final int sessions)
    {
        final BigDecimal huge = new BigDecimal("1000000000000");
        final List<RiskSettings.ScopeSettings> scopes = new ArrayList<>();
        scopes.add(new RiskSettings.ScopeSettings(RiskScope.Kind.FIRM, "firm", new LimitSettings(
            100_000_000, null, huge, huge, huge, null, null, huge, 1_000_000_000, 300L, 3, huge, 60L)));
        for (int i = 0; i < sessions; i++)
        {
            scopes.add(new RiskSettings.ScopeSettings(RiskScope.Kind.SESSION, "CLIENT" + (i + 1), new LimitSettings(
                100_000_000, 10_000_000, huge, huge, null, Map.of("AAPL", new BigDecimal("1000000")),
                Map.of("AAPL", huge), huge, 1_000_000_000, 300L, 3, huge, 60L)));
        }
        return new RiskSettings(scopes, LocalTime.MIDNIGHT, Duration.ofMillis(250), Duration.ofMillis(2000),
            new RiskSettings.HealthSettings(2000, 5000, 0));
    }

    /** Venue i is BENCH&lt;i&gt; (TargetCompID VENUE&lt;i&gt;), its leg AAPL@BENCH&lt;i&gt;; no fees, so the legs tie on price. */
    static Sut routed(final String coreIdle, final String scheduler, final int[] venuePorts, final int sessions)
        throws Exception
    {
        final Path dir = Files.createTempDirectory("meridian-bench");
        final int port = freePort();
        final List<FixVenueConfig> venues = new ArrayList<>();
        final List<InstrumentSettings> instruments = new ArrayList<>();
        final List<String> legs = new ArrayList<>();
        for (int i = 0; i < venuePorts.length; i++)
        {
            final String venue = "BENCH" + i;
            venues.add(new FixVenueConfig(i, venue, "localhost", venuePorts[i], "MERIDIAN", "VENUE" + i, null, null, 200)
                .withMarketData(true));
            instruments.add(aapl("AAPL@" + venue, venue));
            legs.add("AAPL@" + venue);
        }
        instruments.add(aapl("AAPL", RouterSettings.DEFAULT_VENUE_NAME));
        final ServerConfig config = new ServerConfig(
            dir, "localhost", port, coreIdle, "backoff", clients(sessions), venues, instruments,
            false, 0, "VENUE", scheduler)
            // one workload in every run: a venue slow to ack while the JIT warms up (or under a loaded machine) is
            // not skipped, so each order is always the same three children, one per venue
            .withRouter(new RouterSettings(RouterSettings.DEFAULT_VENUE_NAME, Map.of("AAPL", legs), Map.of())
                .withHealth(new RouterSettings.Health(TimeUnit.HOURS.toMillis(1), new BigDecimal("5"),
                    new BigDecimal("10"))));
        final Sut sut = start(config, dir, port);
        // the legs are instruments 0..n-1: every venue's book must be in before the first order
        final DepthSnapshot book = new DepthSnapshot(20);
        final long deadline = System.nanoTime() + 20_000_000_000L;
        for (int leg = 0; leg < venuePorts.length; leg++)
        {
            while (!sut.depth().read(leg, book) || book.asks() == 0)
            {
                if (System.nanoTime() > deadline)
                {
                    sut.close();
                    throw new IllegalStateException("no book from venue " + leg);
                }
                Thread.sleep(10);
            }
        }
        return sut;
    }

    private static List<ClientSessionConfig> clients(final int sessions)
    {
        final List<ClientSessionConfig> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++)
        {
            clients.add(new ClientSessionConfig(i, "CLIENT" + (i + 1), "MERIDIAN", null, null));
        }
        return clients;
    }

    private static InstrumentSettings aapl(final String symbol, final String venue)
    {
        return new InstrumentSettings(symbol, venue, 4, 0, new BigDecimal("190.00"),
            new BigDecimal("1000000"), new BigDecimal("1000000000000"), 1000);
    }

    private static Sut start(final ServerConfig config, final Path dir, final int port) throws Exception
    {
        final MeridianServer server = new MeridianServer(config).start();
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (!server.venueBridge().status().stream().allMatch(VenueStatus::connected))
        {
            if (System.nanoTime() > deadline)
            {
                server.close();
                throw new IllegalStateException("venue not connected");
            }
            Thread.sleep(10);
        }
        return new Sut()
        {
            public int port()
            {
                return port;
            }

            public Thread coreThread()
            {
                return server.coreThread();
            }

            public DepthBooks depth()
            {
                return server.depthBooks();
            }

            public void drainTickToTrade(final Histogram histogram)
            {
                server.tickToTrade().drain(nanos -> histogram.recordValue(Math.min(Math.max(nanos, 0), 60_000_000_000L)));
            }

            public void close()
            {
                server.close();
                IoUtil.delete(new File(dir.toString()), true);
            }
        };
    }

    static int freePort() throws java.io.IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
