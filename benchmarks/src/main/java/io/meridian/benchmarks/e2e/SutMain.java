package io.meridian.benchmarks.e2e;

import io.meridian.admin.InstrumentSettings;
import io.meridian.admin.MeridianServer;
import io.meridian.admin.ServerConfig;
import io.meridian.gateway.ClientSessionConfig;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One system under test, in its own JVM (started by the harness): prints {@code READY <port>},
 * then answers on stdin {@code MARK} (start of a measurement), {@code STATS} (one line: process
 * CPU, core-thread CPU and allocated bytes since MARK, internal tick-to-trade histogram) and
 * {@code STOP}.
 * <pre>
 *   floor busy-spin|blocking
 *   qfj &lt;sessions&gt;
 *   artio busy-spin|backoff
 *   meridian busy-spin|backoff lock-step|low-resource &lt;venuePort&gt; &lt;sessions&gt;
 *   crypto-sim binance|okx, crypto binance|okx ... ({@link CryptoSut})
 * </pre>
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
                sut = meridian(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
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
        final Path dir = Files.createTempDirectory("meridian-bench");
        final int port = freePort();
        final List<ClientSessionConfig> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++)
        {
            clients.add(new ClientSessionConfig(i, "CLIENT" + (i + 1), "MERIDIAN", null, null));
        }
        final ServerConfig config = new ServerConfig(
            dir, "localhost", port, coreIdle, "backoff", clients,
            List.of(new FixVenueConfig(0, "BENCHVENUE", "localhost", venuePort, "MERIDIAN", "VENUE", null, null, 200)),
            List.of(new InstrumentSettings("AAPL", "BENCHVENUE", 4, 0, new BigDecimal("190.00"),
                new BigDecimal("1000000"), new BigDecimal("1000000000000"), 1000)),
            false, 0, "VENUE", scheduler);
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
