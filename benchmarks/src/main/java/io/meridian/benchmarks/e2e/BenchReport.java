package io.meridian.benchmarks.e2e;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the measured points into the Markdown report (tables, ratios, HdrHistogram percentile
 * output) and the SVG percentile-distribution plot. Pure: no I/O, no clock.
 */
public final class BenchReport
{
    /** One measured point of one system. {@code acked} and {@code tickToTrade} may be null. */
    public record Row(
        String system,
        String idle,
        int targetRate,
        double achievedRate,
        long sent,
        long lost,
        long late,
        long mismatched,
        long refused,
        Histogram first,
        Histogram acked,
        Histogram tickToTrade,
        double cores,
        double cpuNanosPerOrder,
        double coreAllocBytesPerOrder)
    {
        public boolean sustained()
        {
            return lost == 0 && late == 0 && mismatched == 0 && refused == 0 && achievedRate >= 0.95 * targetRate;
        }

        String label()
        {
            return system + " (" + idle + ")";
        }
    }

    /** A search for the highest rate sustained with zero loss: every rate tried and its verdict. */
    public record Search(String label, int standardBest, List<Row> tries)
    {
        /** The highest sustained rate, among the standard rates and the tries, or 0. */
        public int best()
        {
            int best = standardBest;
            for (final Row row : tries)
            {
                if (row.sustained())
                {
                    best = Math.max(best, row.targetRate());
                }
            }
            return best;
        }
    }

    public static final String FLOOR = "NIO floor";
    public static final String QFJ = "QuickFIX/J echo";
    public static final String ARTIO = "Artio echo";
    public static final String MERIDIAN = "Meridian";
    public static final String ROUTED = "Meridian routed, 3 venues";
    /** the idle label's suffix of Meridian rows with every risk check on */
    public static final String EVERY_RISK_CHECK = ", every risk check";

    private BenchReport()
    {
    }

    /**
     * @param header free text put first (date, machine, load, settings).
     * @param footer free text put last (targets, JFR findings).
     */
    public static String markdown(final String header, final List<Row> rows, final List<Search> searches,
        final String footer)
    {
        final StringBuilder md = new StringBuilder();
        md.append(header).append("\n\n");

        md.append("## Latency (microseconds, from the intended send time: coordinated-omission corrected)\n\n");
        md.append("| system | idle | rate/s | achieved/s | sent | lost | refused | late | p50 | p99 | p99.9 | max |")
            .append(" two-hop p50 | two-hop p99 | two-hop p99.9 | two-hop max |")
            .append(" tick-to-trade p50 | p99 | p99.9 | max |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Row row : rows)
        {
            md.append("| ").append(row.system()).append(" | ").append(row.idle()).append(" | ")
                .append(row.targetRate()).append(" | ").append(fmt0(row.achievedRate())).append(" | ")
                .append(row.sent()).append(" | ").append(row.lost()).append(" | ").append(row.refused()).append(" | ")
                .append(row.late()).append(" | ")
                .append(percentiles(row.first())).append(" | ")
                .append(percentiles(row.acked())).append(" | ")
                .append(percentiles(row.tickToTrade())).append(" |\n");
        }
        md.append("\nOne-hop is client NOS -> first ExecutionReport (Meridian: PendingNew on its own acceptance; ")
            .append("echoes: their only report; floor: the echoed message). Two-hop is client NOS -> ")
            .append("ExecutionReport(New) after the venue acked. Tick-to-trade is inside Meridian: engine receive ")
            .append("time of the client NOS -> venue NOS handed to the venue session. Late = a report slower than ")
            .append("the late threshold. Refused = an order answered with a reject (Meridian over capacity sheds ")
            .append("new orders that waited longer than `max-inbound-delay-ms` with OrdRejReason 99, \"server ")
            .append("overloaded\"): answered, not lost, and kept out of the latency columns.\n\n");
        if (rows.stream().anyMatch(row -> row.system().equals(ROUTED)))
        {
            md.append("Routed rows: the client's order is a parent for the smart order router, which sweeps it ")
                .append("across three venues with the same book (40 + 40 + 20 at the best ask). Their two-hop is ")
                .append("client NOS -> the parent's Filled report, after all three child orders were filled; their ")
                .append("tick-to-trade ends when the first child is handed to its venue session.\n\n");
        }

        md.append("## Ratios\n\n");
        md.append("| idle | rate/s | one-hop p50 / QFJ p50 | one-hop p99 / QFJ p99 | one-hop p50 / Artio p50 |")
            .append(" one-hop p99 / Artio p99 | two-hop p50 / 2x floor p50 | two-hop p99 / 2x floor p99 |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Row meridian : rows)
        {
            if (!meridian.system().equals(MERIDIAN) || meridian.first() == null)
            {
                continue;
            }
            final Row qfj = find(rows, QFJ, null, meridian.targetRate());
            final Row artio = find(rows, ARTIO, baseIdle(meridian.idle()), meridian.targetRate());
            final Row floor = find(rows, FLOOR, floorIdle(meridian.idle()), meridian.targetRate());
            md.append("| ").append(meridian.idle()).append(" | ").append(meridian.targetRate()).append(" | ")
                .append(ratio(meridian.first(), qfj == null ? null : qfj.first(), 50, 1)).append(" | ")
                .append(ratio(meridian.first(), qfj == null ? null : qfj.first(), 99, 1)).append(" | ")
                .append(ratio(meridian.first(), artio == null ? null : artio.first(), 50, 1)).append(" | ")
                .append(ratio(meridian.first(), artio == null ? null : artio.first(), 99, 1)).append(" | ")
                .append(ratio(meridian.acked(), floor == null ? null : floor.first(), 50, 2)).append(" | ")
                .append(ratio(meridian.acked(), floor == null ? null : floor.first(), 99, 2)).append(" |\n");
        }
        md.append("\nArtio echo and floor are compared in the same idle mode (floor: busy-spin or blocking reads ")
            .append("for backoff); QuickFIX/J has one mode (its I/O thread blocks).\n\n");

        if (rows.stream().anyMatch(row -> row.system().equals(ROUTED)))
        {
            md.append("## Routed vs direct (same idle mode and rate)\n\n");
            md.append("| idle | rate/s | one-hop p50 routed / direct | routed Filled p50 / direct New p50 |")
                .append(" routed Filled p99 / direct New p99 | tick-to-trade p50 routed / direct |\n");
            md.append("|---|---:|---:|---:|---:|---:|\n");
            for (final Row routed : rows)
            {
                if (!routed.system().equals(ROUTED))
                {
                    continue;
                }
                final Row direct = rows.stream().filter(row -> row.system().equals(MERIDIAN) &&
                    row.idle().equals(routed.idle()) && row.targetRate() == routed.targetRate()).findFirst().orElse(null);
                md.append("| ").append(routed.idle()).append(" | ").append(routed.targetRate()).append(" | ")
                    .append(ratio(routed.first(), direct == null ? null : direct.first(), 50, 1)).append(" | ")
                    .append(ratio(routed.acked(), direct == null ? null : direct.acked(), 50, 1)).append(" | ")
                    .append(ratio(routed.acked(), direct == null ? null : direct.acked(), 99, 1)).append(" | ")
                    .append(ratio(routed.tickToTrade(), direct == null ? null : direct.tickToTrade(), 50, 1))
                    .append(" |\n");
            }
            md.append("\nDirect is the Meridian row to one venue. A routed order does more: a routing decision over ")
                .append("three books, three child orders through the sequencer and three venue round trips.\n\n");
        }

        if (rows.stream().anyMatch(row -> row.idle().endsWith(EVERY_RISK_CHECK)))
        {
            md.append("## Every risk check on vs none (same idle mode and rate)\n\n");
            md.append("| idle | rate/s | one-hop p50 on / off | one-hop p99 on / off | tick-to-trade p50 on / off |")
                .append(" tick-to-trade p99 on / off | CPU us/order on / off |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (final Row on : rows)
            {
                if (!on.system().equals(MERIDIAN) || !on.idle().endsWith(EVERY_RISK_CHECK))
                {
                    continue;
                }
                // the same layout without the limits: lock-step, no comma in its label
                final Row off = rows.stream().filter(row -> row.system().equals(MERIDIAN) &&
                    row.targetRate() == on.targetRate() && !row.idle().contains(",") &&
                    baseIdle(row.idle()).equals(baseIdle(on.idle()))).findFirst().orElse(null);
                md.append("| ").append(on.idle()).append(" | ").append(on.targetRate()).append(" | ")
                    .append(ratio(on.first(), off == null ? null : off.first(), 50, 1)).append(" | ")
                    .append(ratio(on.first(), off == null ? null : off.first(), 99, 1)).append(" | ")
                    .append(ratio(on.tickToTrade(), off == null ? null : off.tickToTrade(), 50, 1)).append(" | ")
                    .append(ratio(on.tickToTrade(), off == null ? null : off.tickToTrade(), 99, 1)).append(" | ")
                    .append(off == null || off.cpuNanosPerOrder() <= 0 ? "-" :
                        fmt2(on.cpuNanosPerOrder() / off.cpuNanosPerOrder())).append(" |\n");
            }
            md.append("\nOn: the firm's and each session's limits, every one (open orders, order rate, order ")
                .append("notional and quantity, position with open orders, daily loss, gross exposure by lease, ")
                .append("drawdown, losing streak, loss rate), set so high that no order reaches one. Off: the ")
                .append("instrument checks only (quantity, notional, collar), as every other Meridian row.\n\n");
        }

        md.append("## Throughput, CPU and allocation\n\n");
        md.append("| system | idle | rate/s | sustained | cores burnt | CPU us/order | core-thread alloc B/order |\n");
        md.append("|---|---|---:|---|---:|---:|---:|\n");
        for (final Row row : rows)
        {
            md.append("| ").append(row.system()).append(" | ").append(row.idle()).append(" | ")
                .append(row.targetRate()).append(" | ").append(row.sustained() ? "yes" : "**no**").append(" | ")
                .append(fmt2(row.cores())).append(" | ").append(fmt2(row.cpuNanosPerOrder() / 1000.0)).append(" | ")
                .append(row.coreAllocBytesPerOrder() < 0 ? "-" : fmt0(row.coreAllocBytesPerOrder())).append(" |\n");
        }
        md.append("\nCores burnt = process CPU time / wall time of the point (the server process only; the ")
            .append("load client spins one more core). CPU per order = process CPU time / orders. Core-thread ")
            .append("allocation = bytes allocated by the thread running the order path / orders.\n\n");

        if (!searches.isEmpty())
        {
            md.append("## Highest rate sustained with zero loss\n\n");
            for (final Search search : searches)
            {
                md.append("- ").append(search.label()).append(": **").append(search.best()).append("/s** ");
                if (search.tries().isEmpty())
                {
                    md.append(search.standardBest() > 0 ? "(a standard rate; no higher rate tried)\n" :
                        "(not searched: no standard rate was sustained)\n");
                    continue;
                }
                md.append("(tried");
                for (final Row row : search.tries())
                {
                    md.append(' ').append(row.targetRate()).append(row.sustained() ? " ok," : " FAILED (lost " +
                        row.lost() + ", refused " + row.refused() + ", late " + row.late() + ", achieved " +
                        fmt0(row.achievedRate()) + "/s),");
                }
                md.setLength(md.length() - 1);
                md.append(")\n");
            }
            md.append('\n');
        }

        md.append("## HdrHistogram percentile output (microseconds)\n\n");
        for (final Row row : rows)
        {
            appendDistribution(md, row.label() + " at " + row.targetRate() + "/s, one-hop", row.first());
            appendDistribution(md, row.label() + " at " + row.targetRate() + "/s, two-hop", row.acked());
            appendDistribution(md, row.label() + " at " + row.targetRate() + "/s, tick-to-trade", row.tickToTrade());
        }
        md.append(footer).append('\n');
        return md.toString();
    }

    /** Percentile distribution plot (log latency over log 1/(1-percentile)) of the given series. */
    public static String svg(final String title, final List<String> names, final List<Histogram> series)
    {
        final int width = 900;
        final int height = 520;
        final int left = 70;
        final int right = 230;
        final int top = 40;
        final int bottom = 60;
        final double maxX = 5; // up to 99.999%
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        final List<List<double[]>> points = new ArrayList<>();
        for (final Histogram histogram : series)
        {
            final List<double[]> line = new ArrayList<>();
            if (histogram != null && histogram.getTotalCount() > 0)
            {
                for (final HistogramIterationValue value : histogram.percentiles(5))
                {
                    final double percentile = value.getPercentileLevelIteratedTo();
                    final double x = percentile >= 100.0 ? maxX : Math.min(maxX, Math.log10(100.0 / (100.0 - percentile)));
                    final double us = Math.max(1, histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1000.0);
                    line.add(new double[] {x, us});
                    minY = Math.min(minY, us);
                    maxY = Math.max(maxY, us);
                }
            }
            points.add(line);
        }
        if (maxY == 0)
        {
            minY = 1;
            maxY = 10;
        }
        final double logMin = Math.floor(Math.log10(minY));
        final double logMax = Math.ceil(Math.log10(maxY));
        final double spanY = Math.max(1, logMax - logMin);
        final int plotW = width - left - right;
        final int plotH = height - top - bottom;
        final String[] colours = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};

        final StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
            .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"").append(left).append("\" y=\"24\" font-size=\"15\">").append(escape(title))
            .append("</text>\n");
        for (int decade = (int)logMin; decade <= (int)logMax; decade++)
        {
            final double y = top + plotH - (decade - logMin) / spanY * plotH;
            svg.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"")
                .append(fmt1(y)).append("\" y2=\"").append(fmt1(y)).append("\" stroke=\"#ddd\"/>\n");
            svg.append("<text x=\"").append(left - 6).append("\" y=\"").append(fmt1(y + 4))
                .append("\" text-anchor=\"end\">").append(decadeLabel(decade)).append("</text>\n");
        }
        final String[] xLabels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int i = 0; i <= (int)maxX; i++)
        {
            final double x = left + i / maxX * plotW;
            svg.append("<line x1=\"").append(fmt1(x)).append("\" x2=\"").append(fmt1(x)).append("\" y1=\"").append(top)
                .append("\" y2=\"").append(top + plotH).append("\" stroke=\"#ddd\"/>\n");
            svg.append("<text x=\"").append(fmt1(x)).append("\" y=\"").append(top + plotH + 18)
                .append("\" text-anchor=\"middle\">").append(xLabels[i]).append("</text>\n");
        }
        svg.append("<text x=\"").append(left + plotW / 2).append("\" y=\"").append(height - 12)
            .append("\" text-anchor=\"middle\">percentile</text>\n");
        svg.append("<text x=\"16\" y=\"").append(top + plotH / 2).append("\" transform=\"rotate(-90 16 ")
            .append(top + plotH / 2).append(")\" text-anchor=\"middle\">latency (us, log)</text>\n");
        for (int s = 0; s < points.size(); s++)
        {
            final String colour = colours[s % colours.length];
            final List<double[]> line = points.get(s);
            if (!line.isEmpty())
            {
                svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
                for (final double[] point : line)
                {
                    final double x = left + point[0] / maxX * plotW;
                    final double y = top + plotH - (Math.log10(point[1]) - logMin) / spanY * plotH;
                    svg.append(fmt1(x)).append(',').append(fmt1(y)).append(' ');
                }
                svg.setLength(svg.length() - 1);
                svg.append("\"/>\n");
            }
            final int legendY = top + 10 + s * 20;
            svg.append("<line x1=\"").append(width - right + 15).append("\" x2=\"").append(width - right + 40)
                .append("\" y1=\"").append(legendY).append("\" y2=\"").append(legendY).append("\" stroke=\"")
                .append(colour).append("\" stroke-width=\"3\"/>\n");
            svg.append("<text x=\"").append(width - right + 46).append("\" y=\"").append(legendY + 4).append("\">")
                .append(escape(names.get(s))).append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static Row find(final List<Row> rows, final String system, final String idle, final int rate)
    {
        for (final Row row : rows)
        {
            if (row.system().equals(system) && row.targetRate() == rate && (idle == null || baseIdle(row.idle()).equals(idle)))
            {
                return row;
            }
        }
        return null;
    }

    /** "backoff (default config)" and "backoff, low-resource" compare with the echoes' "backoff" */
    static String baseIdle(final String idle)
    {
        int end = idle.length();
        final int comma = idle.indexOf(',');
        final int paren = idle.indexOf(" (");
        if (comma >= 0)
        {
            end = comma;
        }
        if (paren >= 0 && paren < end)
        {
            end = paren;
        }
        return idle.substring(0, end);
    }

    private static String floorIdle(final String idle)
    {
        return idle.contains("busy-spin") ? "busy-spin" : "blocking";
    }

    static String percentiles(final Histogram histogram)
    {
        if (histogram == null || histogram.getTotalCount() == 0)
        {
            return "- | - | - | -";
        }
        return us(histogram.getValueAtPercentile(50)) + " | " + us(histogram.getValueAtPercentile(99)) + " | " +
            us(histogram.getValueAtPercentile(99.9)) + " | " + us(histogram.getMaxValue());
    }

    /** {@code ours / (factor x theirs)} at a percentile, or "-". */
    static String ratio(final Histogram ours, final Histogram theirs, final double percentile, final int factor)
    {
        if (ours == null || theirs == null || ours.getTotalCount() == 0 || theirs.getTotalCount() == 0)
        {
            return "-";
        }
        final double denominator = factor * (double)theirs.getValueAtPercentile(percentile);
        return denominator <= 0 ? "-" : fmt2(ours.getValueAtPercentile(percentile) / denominator);
    }

    private static void appendDistribution(final StringBuilder md, final String title, final Histogram histogram)
    {
        if (histogram == null || histogram.getTotalCount() == 0)
        {
            return;
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(out, 5, 1000.0);
        }
        md.append("<details><summary>").append(title).append("</summary>\n\n```\n")
            .append(bytes.toString(StandardCharsets.UTF_8)).append("```\n</details>\n\n");
    }

    private static String us(final long nanos)
    {
        final double us = nanos / 1000.0;
        return us >= 100 ? fmt0(us) : fmt1(us);
    }

    private static String decadeLabel(final int decade)
    {
        final double value = Math.pow(10, decade);
        return value >= 1000 ? fmt0(value / 1000) + " ms" : fmt0(value) + " us";
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String fmt0(final double value)
    {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static String fmt1(final double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String fmt2(final double value)
    {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * One point of the crypto path (client -> Meridian -> simulator order entry socket): its {@link Row} of the
     * main tables (whose tick-to-trade is {@code toSocket}) and what only the crypto path has.
     *
     * @param handOff  client NOS received -> the child order handed to the bridge's ring (core thread).
     * @param toSocket client NOS received -> the venue request's bytes written to the WebSocket (bridge thread).
     * @param cores    CPU time / wall time of: the core thread, the bridge I/O thread, the JDK HttpClient
     *                 threads, the simulator process and its exchange (matching) thread.
     */
    public record CryptoRow(Row row, Histogram handOff, Histogram toSocket, long toSocketDropped, long fills, long rejects,
        double bridgeAllocBytesPerOrder, double jdkHttpAllocBytesPerOrder, double coreThreadCores, double bridgeCores,
        double jdkHttpCores, double simulatorCores, double simulatorLoopCores)
    {
    }

    /** The crypto path's own section: empty when there is no crypto row. */
    public static String cryptoMarkdown(final List<CryptoRow> rows)
    {
        if (rows.isEmpty())
        {
            return "";
        }
        final StringBuilder md = new StringBuilder();
        md.append("## Crypto path: client -> Meridian -> simulator order entry WebSocket\n\n");
        md.append("| system | rate/s | sustained | fills | rejects | to-socket p50 | p99 | p99.9 | max |")
            .append(" hand-off p50 | p99 | core alloc B/order | bridge alloc B/order | JDK HTTP alloc B/order |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final CryptoRow crypto : rows)
        {
            final Row row = crypto.row();
            md.append("| ").append(row.system()).append(" | ").append(row.targetRate()).append(" | ")
                .append(row.sustained() ? "yes" : "**no**").append(" | ").append(crypto.fills()).append(" | ")
                .append(crypto.rejects()).append(" | ").append(percentiles(crypto.toSocket())).append(" | ")
                .append(twoPercentiles(crypto.handOff())).append(" | ")
                .append(row.coreAllocBytesPerOrder() < 0 ? "-" : fmt0(row.coreAllocBytesPerOrder())).append(" | ")
                .append(fmt0(crypto.bridgeAllocBytesPerOrder())).append(" | ")
                .append(fmt0(crypto.jdkHttpAllocBytesPerOrder())).append(" |\n");
        }
        md.append("\nTo-socket: inside Meridian, engine receive time of the client NOS -> the venue request's bytes ")
            .append("written to the order entry WebSocket by the bridge's I/O thread (the JDK's send completed). ")
            .append("Hand-off: the same start -> the child order copied into the bridge's ring by the core thread ")
            .append("(what the FIX rows' tick-to-trade measures). Latencies in microseconds. Allocation per order: ")
            .append("bytes allocated by the core thread, the crypto bridge's I/O thread and the JDK HttpClient threads ")
            .append("(WebSocket reads) / orders sent.\n\n");
        md.append("| system | rate/s | Meridian cores | core thread | bridge thread | JDK HTTP threads |")
            .append(" simulator cores | simulator exchange thread |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final CryptoRow crypto : rows)
        {
            md.append("| ").append(crypto.row().system()).append(" | ").append(crypto.row().targetRate()).append(" | ")
                .append(fmt2(crypto.row().cores())).append(" | ").append(fmt2(crypto.coreThreadCores())).append(" | ")
                .append(fmt2(crypto.bridgeCores())).append(" | ").append(fmt2(crypto.jdkHttpCores())).append(" | ")
                .append(fmt2(crypto.simulatorCores())).append(" | ").append(fmt2(crypto.simulatorLoopCores()))
                .append(" |\n");
        }
        md.append("\nCPU time / wall time of the point (1.00 = one core busy). The simulator runs in a JVM of its own; ")
            .append("its exchange thread does the matching and the market maker.\n\n");
        for (final CryptoRow crypto : rows)
        {
            appendDistribution(md, crypto.row().label() + " at " + crypto.row().targetRate() + "/s, to-socket",
                crypto.toSocket());
        }
        return md.toString();
    }

    private static String twoPercentiles(final Histogram histogram)
    {
        if (histogram == null || histogram.getTotalCount() == 0)
        {
            return "- | -";
        }
        return us(histogram.getValueAtPercentile(50)) + " | " + us(histogram.getValueAtPercentile(99));
    }
}
