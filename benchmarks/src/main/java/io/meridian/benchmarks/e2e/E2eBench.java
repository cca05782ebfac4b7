package io.meridian.benchmarks.e2e;

import org.HdrHistogram.Histogram;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The end-to-end benchmark: every system under test in its own JVM, driven by the same load
 * client at the same open-loop rates, in one run; writes the Markdown report and the SVG plot.
 * <pre>
 *   E2eBench --out benchmarks/results --stem 2026-11-23 [--rates 1000,10000,50000] [--seconds 5]
 *            [--warmup 2] [--jit-warmup 15] [--sessions 2] [--systems floor,qfj,artio,meridian,routed] [--no-search]
 *            [--layouts busy-spin:lock-step,backoff:lock-step,backoff:low-resource,backoff:lock-step:risk]
 *            (crypto systems, not run by default: crypto = crypto-binance + crypto-okx) [--crypto-idle backoff]
 *            [--header-file f] [--footer-file f] [--jvm-options-file bin/jvm.options]...
 * </pre>
 */
public final class E2eBench
{
    private static final int MESSAGE_BYTES = 200;
    private static final long LATE_NANOS = 50_000_000L;
    private static final long DRAIN_MS = 3_000;
    private static final int JIT_WARMUP_RATE = 2_000;
    private static final long ROUTED_LEVEL_QTY = 40;
    private static final int ROUTED_JIT_WARMUP_RATE = 500;
    private static final int CRYPTO_JIT_WARMUP_RATE = 500;

    private final List<String> jvmOptions;
    private final int sessions;
    private final double warmupSeconds;
    private final double seconds;
    private final double jitWarmupSeconds;
    private final File workDir;

    private E2eBench(final List<String> jvmOptions, final int sessions, final double warmupSeconds,
        final double seconds, final double jitWarmupSeconds, final File workDir)
    {
        this.jitWarmupSeconds = jitWarmupSeconds;
        this.jvmOptions = jvmOptions;
        this.sessions = sessions;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.workDir = workDir;
    }

    public static void main(final String[] args) throws Exception
    {
        Path out = Path.of("benchmarks/results");
        String stem = "e2e";
        int[] rates = {1_000, 10_000, 50_000};
        double seconds = 5;
        double warmup = 2;
        double jitWarmup = 15;
        int sessions = 2;
        List<String> systems = List.of("floor", "qfj", "artio", "meridian", "routed");
        boolean search = true;
        List<String> layouts = List.of("busy-spin:lock-step", "backoff:lock-step", "backoff:low-resource",
            "backoff:lock-step:risk");
        String cryptoIdle = "backoff";
        String header = "# End-to-end benchmark";
        String footer = "";
        final List<String> jvmOptions = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--out" -> out = Path.of(args[++i]);
                case "--stem" -> stem = args[++i];
                case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--jit-warmup" -> jitWarmup = Double.parseDouble(args[++i]);
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--systems" -> systems = List.of(args[++i].split(","));
                case "--no-search" -> search = false;
                case "--layouts" -> layouts = List.of(args[++i].split(","));
                case "--crypto-idle" -> cryptoIdle = args[++i];
                case "--header-file" -> header = Files.readString(Path.of(args[++i]));
                case "--footer-file" -> footer = Files.readString(Path.of(args[++i]));
                case "--jvm-options-file" -> jvmOptions.addAll(Files.readAllLines(Path.of(args[++i])).stream()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
                case "--jvm-option" -> jvmOptions.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        final File work = Files.createTempDirectory("meridian-e2e").toFile();
        final E2eBench bench = new E2eBench(jvmOptions, sessions, warmup, seconds, jitWarmup, work);

        final List<BenchReport.Row> rows = new ArrayList<>();
        final List<BenchReport.Search> searches = new ArrayList<>();
        if (systems.contains("floor"))
        {
            rows.addAll(bench.floor("busy-spin", rates));
            rows.addAll(bench.floor("blocking", rates));
        }
        if (systems.contains("qfj"))
        {
            rows.addAll(bench.fix(BenchReport.QFJ, "blocking I/O", rates, "qfj", String.valueOf(sessions)));
        }
        if (systems.contains("artio"))
        {
            rows.addAll(bench.fix(BenchReport.ARTIO, "busy-spin", rates, "artio", "busy-spin"));
            rows.addAll(bench.fix(BenchReport.ARTIO, "backoff", rates, "artio", "backoff"));
            if (search)
            {
                searches.add(search("Artio echo (backoff)", BenchReport.ARTIO, "backoff", rows,
                    rate -> bench.fix(BenchReport.ARTIO, "backoff", new int[] {rate}, "artio", "backoff").get(0)));
            }
        }
        if (systems.contains("meridian"))
        {
            for (final String layout : layouts)
            {
                final String[] idleAndScheduler = layout.split(":");
                rows.addAll(bench.meridian(idleAndScheduler[0], idleAndScheduler[1],
                    idleAndScheduler.length > 2 && idleAndScheduler[2].equals("risk"), rates));
            }
            if (search)
            {
                searches.add(search("Meridian (default config: backoff, lock-step)", BenchReport.MERIDIAN,
                    label("backoff", "lock-step"), rows, rate -> bench.meridian("backoff", "lock-step", new int[] {rate}).get(0)));
            }
        }

        if (systems.contains("routed"))
        {
            rows.addAll(bench.routed("backoff", "lock-step", rates));
        }
        final List<BenchReport.CryptoRow> cryptoRows = new ArrayList<>();
        for (final String venue : List.of(CryptoSut.BINANCE, CryptoSut.OKX))
        {
            if (systems.contains("crypto") || systems.contains("crypto-" + venue))
            {
                cryptoRows.addAll(bench.crypto(venue, rates, cryptoIdle));
            }
        }
        cryptoRows.forEach(crypto -> rows.add(crypto.row()));
        footer = BenchReport.cryptoMarkdown(cryptoRows) + footer;

        final String markdown = BenchReport.markdown(header, rows, searches, footer);
        final Path report = out.resolve(stem + ".md");
        Files.writeString(report, markdown, StandardCharsets.UTF_8);
        final int plotRate = rates[Math.min(1, rates.length - 1)];
        final List<String> names = new ArrayList<>();
        final List<Histogram> series = new ArrayList<>();
        for (final BenchReport.Row row : rows)
        {
            final String idle = BenchReport.baseIdle(row.idle());
            if (row.targetRate() != plotRate || idle.equals("backoff") || idle.equals("blocking"))
            {
                continue;
            }
            names.add(row.label() + (row.acked() != null && row.acked().getTotalCount() > 0 ? " one-hop" : ""));
            series.add(row.first());
            if (row.acked() != null && row.acked().getTotalCount() > 0)
            {
                names.add(row.label() + " two-hop");
                series.add(row.acked());
            }
            if (row.tickToTrade() != null && row.tickToTrade().getTotalCount() > 0)
            {
                names.add("Meridian internal tick-to-trade");
                series.add(row.tickToTrade());
            }
        }
        Files.writeString(out.resolve(stem + ".svg"), BenchReport.svg(
            "Latency by percentile at " + plotRate + "/s, busy-spin (QuickFIX/J blocking)", names, series),
            StandardCharsets.UTF_8);
        org.agrona.IoUtil.delete(work, true);
        System.out.println("report: " + report);
    }

    private List<BenchReport.Row> floor(final String idle, final int[] rates) throws Exception
    {
        final List<BenchReport.Row> rows = new ArrayList<>();
        try (SutProcess sut = new SutProcess(jvmOptions, "floor", idle);
            NioFloorClient client = new NioFloorClient("localhost", sut.port(), MESSAGE_BYTES))
        {
            for (final int rate : rates)
            {
                progress(BenchReport.FLOOR, idle, rate);
                client.run(rate, 0, warmupSeconds, LATE_NANOS, DRAIN_MS);
                sut.mark();
                final FixLoadClient.PointResult result = client.run(rate, 0, seconds, LATE_NANOS, DRAIN_MS);
                rows.add(row(BenchReport.FLOOR, idle, result, sut.stats(), false));
            }
        }
        return rows;
    }

    private List<BenchReport.Row> fix(final String system, final String idle, final int[] rates, final String... args)
        throws Exception
    {
        final List<BenchReport.Row> rows = new ArrayList<>();
        try (SutProcess sut = new SutProcess(jvmOptions, args);
            FixLoadClient client = client(sut.port()))
        {
            warmUpJit(system, idle, client, false);
            for (final int rate : rates)
            {
                rows.add(point(system, idle, sut, client, rate, false));
            }
        }
        return rows;
    }

    /** The configuration bin/meridian starts is backoff + lock-step (application.yml). */
    static String label(final String idle, final String scheduler)
    {
        final boolean defaultConfig = idle.equals("backoff") && scheduler.equals("lock-step");
        return idle + (scheduler.equals("lock-step") ? "" : ", " + scheduler) + (defaultConfig ? " (default config)" : "");
    }

    private List<BenchReport.Row> meridian(final String idle, final String scheduler, final int[] rates)
        throws Exception
    {
        return meridian(idle, scheduler, false, rates);
    }

    /** @param risk every risk check of the firm and the sessions on, with limits no order reaches. */
    private List<BenchReport.Row> meridian(final String idle, final String scheduler, final boolean risk,
        final int[] rates) throws Exception
    {
        final List<BenchReport.Row> rows = new ArrayList<>();
        final String label = risk ? idle + (scheduler.equals("lock-step") ? "" : ", " + scheduler) +
            BenchReport.EVERY_RISK_CHECK : label(idle, scheduler);
        try (AckFillVenue venue = new AckFillVenue("VENUE");
            SutProcess sut = new SutProcess(jvmOptions, "meridian", idle, scheduler, String.valueOf(venue.port()),
                String.valueOf(sessions), risk ? "risk" : "no-risk");
            FixLoadClient client = client(sut.port()))
        {
            warmUpJit(BenchReport.MERIDIAN, label, client, true);
            for (final int rate : rates)
            {
                rows.add(point(BenchReport.MERIDIAN, label, sut, client, rate, true));
            }
        }
        return rows;
    }

    /**
     * Meridian as configured by default, with AAPL routed over three in-harness venues that each serve the
     * same book by FIX market data: {@value #ROUTED_LEVEL_QTY} at every level, so an order for 100 at the
     * best ask is swept across all three (40 + 40 + 20) and filled by three child orders.
     */
    private List<BenchReport.Row> routed(final String idle, final String scheduler, final int[] rates)
        throws Exception
    {
        final List<BenchReport.Row> rows = new ArrayList<>();
        final String label = label(idle, scheduler);
        final String book = AckFillVenue.ladder(20, new BigDecimal("190.00"), new BigDecimal("0.01"), ROUTED_LEVEL_QTY);
        try (AckFillVenue venue0 = new AckFillVenue("VENUE0", book);
            AckFillVenue venue1 = new AckFillVenue("VENUE1", book);
            AckFillVenue venue2 = new AckFillVenue("VENUE2", book);
            SutProcess sut = new SutProcess(jvmOptions, "routed", idle, scheduler,
                venue0.port() + "," + venue1.port() + "," + venue2.port(), String.valueOf(sessions));
            FixLoadClient client = client(sut.port()).ackedWhenFilled())
        {
            // a routed order is four orders and three fills inside: the others' 2k/s would be over its capacity
            warmUpJit(BenchReport.ROUTED, label, client, true, ROUTED_JIT_WARMUP_RATE);
            for (final int rate : rates)
            {
                rows.add(point(BenchReport.ROUTED, label, sut, client, rate, true));
            }
        }
        return rows;
    }

    /**
     * The crypto path: Meridian (default config: backoff, lock-step) trading on one venue simulator in a JVM of
     * its own ({@link CryptoSut}), the load client sending that venue's instrument. Rates the simulator or
     * Meridian cannot sustain are still reported (not sustained), with the CPU of each side.
     */
    private List<BenchReport.CryptoRow> crypto(final String venue, final int[] rates, final String bridgeIdle)
        throws Exception
    {
        final List<BenchReport.CryptoRow> rows = new ArrayList<>();
        final String system = CryptoSut.system(venue);
        final String label = bridgeIdle.equals("backoff") ? label("backoff", "lock-step") :
            "backoff, bridge " + bridgeIdle;
        try (SutProcess simulator = new SutProcess(jvmOptions, "crypto-sim", venue);
            SutProcess sut = new SutProcess(jvmOptions, "crypto", venue, "backoff", "lock-step",
                String.valueOf(simulator.port()), String.valueOf(sessions), bridgeIdle);
            FixLoadClient client = client(sut.port(), CryptoSut.orders(venue)))
        {
            // slower than the FIX rows' 2k/s: a backlog the crypto path cannot clear would spill into the point
            warmUpJit(system, label, client, true, CRYPTO_JIT_WARMUP_RATE);
            for (final int rate : rates)
            {
                progress(system, label, rate);
                client.run(rate, 0, warmupSeconds, true, LATE_NANOS, DRAIN_MS);
                simulator.mark();
                sut.mark();
                final FixLoadClient.PointResult result = client.run(rate, 0, seconds, true, LATE_NANOS, DRAIN_MS);
                final SutProcess.Stats stats = sut.stats();
                final SutProcess.Stats simulatorStats = simulator.stats();
                final BenchReport.Row measured = row(system, label, result, stats, true);
                final Histogram toSocket = sut.extraHistogram("toSocket");
                final BenchReport.Row row = new BenchReport.Row(measured.system(), measured.idle(), measured.targetRate(),
                    measured.achievedRate(), measured.sent(), measured.lost(), measured.late(), measured.mismatched(),
                    measured.refused(), measured.first(), measured.acked(), toSocket, measured.cores(), measured.cpuNanosPerOrder(),
                    measured.coreAllocBytesPerOrder());
                final double orders = Math.max(1, result.tracker().sent());
                final double wall = Math.max(1, stats.wallNanos());
                final double simulatorWall = Math.max(1, simulatorStats.wallNanos());
                final BenchReport.CryptoRow crypto = new BenchReport.CryptoRow(row, stats.tickToTrade(), toSocket,
                    sut.extraLong("toSocketDropped"), result.fills(), result.rejects(),
                    sut.extraLong("bridgeAllocBytes") / orders, sut.extraLong("jdkHttpAllocBytes") / orders,
                    stats.coreCpuNanos() / wall, sut.extraLong("bridgeCpuNanos") / wall,
                    sut.extraLong("jdkHttpCpuNanos") / wall, simulatorStats.cores(),
                    simulatorStats.coreCpuNanos() / simulatorWall);
                System.err.printf("  to-socket p50=%.1fus p99=%.1fus (%d samples, %d dropped) fills=%d rejects=%d " +
                    "bridge alloc/order=%.0fB jdk-http alloc/order=%.0fB cores: meridian=%.2f core=%.2f bridge=%.2f " +
                    "jdk-http=%.2f simulator=%.2f (exchange thread %.2f)%n",
                    toSocket.getValueAtPercentile(50) / 1000.0, toSocket.getValueAtPercentile(99) / 1000.0,
                    toSocket.getTotalCount(), crypto.toSocketDropped(), crypto.fills(), crypto.rejects(),
                    crypto.bridgeAllocBytesPerOrder(), crypto.jdkHttpAllocBytesPerOrder(), row.cores(),
                    crypto.coreThreadCores(), crypto.bridgeCores(), crypto.jdkHttpCores(), crypto.simulatorCores(),
                    crypto.simulatorLoopCores());
                rows.add(crypto);
            }
        }
        return rows;
    }

    private FixLoadClient client(final int port, final FixLoadClient.OrderSpec orders)
    {
        final List<String> compIds = new ArrayList<>();
        for (int i = 1; i <= sessions; i++)
        {
            compIds.add("CLIENT" + i);
        }
        return new FixLoadClient(new File(workDir, "client-" + System.nanoTime()), "localhost", port, compIds,
            "MERIDIAN", orders);
    }

    /** Runs one point on a fresh server. */
    private interface Point
    {
        BenchReport.Row run(int rate) throws Exception;
    }

    /**
     * The highest rate a system sustains with zero loss: up from its best standard rate while it holds,
     * or halving the gap down when the top standard rate failed. A fresh server per try (Meridian's
     * OMS keeps every order).
     */
    private static BenchReport.Search search(
        final String title, final String system, final String idle, final List<BenchReport.Row> rows,
        final Point point) throws Exception
    {
        int low = 0;
        int high = Integer.MAX_VALUE;
        for (final BenchReport.Row row : rows)
        {
            if (row.system().equals(system) && row.idle().equals(idle))
            {
                if (row.sustained())
                {
                    low = Math.max(low, row.targetRate());
                }
                else
                {
                    high = Math.min(high, row.targetRate());
                }
            }
        }
        final int standardBest = low;
        final List<BenchReport.Row> tries = new ArrayList<>();
        for (int attempt = 0; attempt < 3 && low > 0; attempt++)
        {
            final int rate = high == Integer.MAX_VALUE ? (int)(low * 1.4) : (low + high) / 2;
            if (high != Integer.MAX_VALUE && high - low <= low / 10)
            {
                break;
            }
            final BenchReport.Row row = point.run(rate);
            tries.add(row);
            if (row.sustained())
            {
                low = rate;
            }
            else
            {
                high = rate;
            }
        }
        return new BenchReport.Search(title, standardBest, tries);
    }

    private FixLoadClient client(final int port)
    {
        return client(port, FixLoadClient.OrderSpec.AAPL);
    }

    /**
     * Before its first point every FIX system gets the same JIT warm-up at a moderate rate (2k/s):
     * without it the point's own warm-up at 10k/s or more runs interpreted code, falls behind while the
     * compiler takes a core from it, and the backlog spills into the measured run.
     */
    private void warmUpJit(final String system, final String idle, final FixLoadClient client, final boolean meridian)
        throws IOException
    {
        warmUpJit(system, idle, client, meridian, JIT_WARMUP_RATE);
    }

    private void warmUpJit(final String system, final String idle, final FixLoadClient client, final boolean meridian,
        final int rate) throws IOException
    {
        if (jitWarmupSeconds > 0)
        {
            System.err.printf("%s (%s): JIT warm-up, %.0f s at %d/s%n", system, idle, jitWarmupSeconds, rate);
            client.run(rate, 0, jitWarmupSeconds, meridian, LATE_NANOS, DRAIN_MS);
        }
    }

    private BenchReport.Row point(final String system, final String idle, final SutProcess sut,
        final FixLoadClient client, final int rate, final boolean meridian) throws IOException
    {
        progress(system, idle, rate);
        client.run(rate, 0, warmupSeconds, meridian, LATE_NANOS, DRAIN_MS);
        sut.mark();
        final FixLoadClient.PointResult result = client.run(rate, 0, seconds, meridian, LATE_NANOS, DRAIN_MS);
        return row(system, idle, result, sut.stats(), meridian);
    }

    private static BenchReport.Row row(final String system, final String idle, final FixLoadClient.PointResult result,
        final SutProcess.Stats stats, final boolean meridian)
    {
        final OrderTracker tracker = result.tracker();
        final long orders = Math.max(1, tracker.sent());
        final BenchReport.Row row = new BenchReport.Row(system, idle, result.ratePerSecond(), result.achievedRate(),
            tracker.sent(), tracker.lost(), tracker.late(), tracker.mismatched(), tracker.refused(), tracker.firstReport(),
            meridian ? tracker.ackedReport() : null, meridian ? stats.tickToTrade() : null, stats.cores(),
            (double)stats.cpuNanos() / orders,
            stats.coreAllocBytes() < 0 ? -1 : (double)stats.coreAllocBytes() / orders);
        System.err.printf("  sent=%d lost=%d refused=%d late=%d mismatched=%d p50=%.1fus p99=%.1fus cores=%.2f%s%n",
            tracker.sent(), tracker.lost(), tracker.refused(), tracker.late(), tracker.mismatched(),
            tracker.firstReport().getValueAtPercentile(50) / 1000.0,
            tracker.firstReport().getValueAtPercentile(99) / 1000.0, stats.cores(),
            meridian ? String.format(" two-hop p50=%.1fus ttt p50=%.1fus alloc/order=%.0fB",
                tracker.ackedReport().getValueAtPercentile(50) / 1000.0,
                stats.tickToTrade().getValueAtPercentile(50) / 1000.0, row.coreAllocBytesPerOrder()) : "");
        return row;
    }

    private static void progress(final String system, final String idle, final int rate)
    {
        System.err.printf("%s (%s) at %d/s%n", system, idle, rate);
    }
}
