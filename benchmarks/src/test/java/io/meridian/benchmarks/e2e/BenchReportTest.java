package io.meridian.benchmarks.e2e;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest
{
    private static Histogram constant(final long nanos, final int count)
    {
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        histogram.recordValueWithCount(nanos, count);
        return histogram;
    }

    private static BenchReport.Row row(final String system, final String idle, final Histogram first,
        final Histogram acked, final long lost)
    {
        return new BenchReport.Row(system, idle, 1000, 1000, 5000, lost, 0, 0, 0, first, acked,
            acked == null ? null : constant(5_000, 10), 1.0, 20_000, acked == null ? -1 : 0);
    }

    @Test
    void cryptoSectionOnlyWithCryptoRows()
    {
        final BenchReport.Row row = new BenchReport.Row(CryptoSut.system(CryptoSut.BINANCE), "backoff (default config)",
            1000, 1000, 5000, 0, 0, 0, 0, constant(80_000, 100), constant(900_000, 100), constant(15_000, 100), 0.9,
            50_000, 480);
        final BenchReport.CryptoRow crypto = new BenchReport.CryptoRow(row, constant(4_000, 100), row.tickToTrade(), 0,
            5000, 0, 38_000, 10_000, 0.2, 0.15, 0.05, 0.5, 0.1);

        assertThat(BenchReport.cryptoMarkdown(List.of())).isEmpty();
        final String md = BenchReport.cryptoMarkdown(List.of(crypto));
        assertThat(md).contains("| Meridian -> Binance sim (WebSocket) | 1000 | yes | 5000 | 0 | 15.0 | 15.0 | 15.0 | 15.0 |" +
            " 4.0 | 4.0 | 480 | 38000 | 10000 |");
        assertThat(md).contains("| Meridian -> Binance sim (WebSocket) | 1000 | 0.90 | 0.20 | 0.15 | 0.05 | 0.50 | 0.10 |");
        assertThat(md).contains("at 1000/s, to-socket");
    }

    @Test
    void tablesRatiosAndSearchFromTheRows()
    {
        final List<BenchReport.Row> rows = List.of(
            row(BenchReport.FLOOR, "busy-spin", constant(10_000, 100), null, 0),
            row(BenchReport.QFJ, "blocking I/O", constant(100_000, 100), null, 0),
            row(BenchReport.ARTIO, "busy-spin", constant(40_000, 100), null, 0),
            row(BenchReport.MERIDIAN, "busy-spin", constant(50_000, 100), constant(60_000, 100), 0));
        final BenchReport.Search search = new BenchReport.Search("Meridian (busy-spin, lock-step)", 50_000, List.of(
            new BenchReport.Row(BenchReport.MERIDIAN, "busy-spin", 70_000, 70_000, 1, 0, 0, 0, 0, constant(1, 1), null,
                null, 1, 1, 0),
            new BenchReport.Row(BenchReport.MERIDIAN, "busy-spin", 98_000, 80_000, 1, 3, 0, 0, 0, constant(1, 1), null,
                null, 1, 1, 0)));

        final String md = BenchReport.markdown("# header", rows,
            List.of(search, new BenchReport.Search("Nothing", 0, List.of()), new BenchReport.Search("Standard only", 10_000, List.of())), "closing note");

        assertThat(md).startsWith("# header").endsWith("closing note\n");
        assertThat(md).contains("| Meridian | busy-spin | 1000 | 1000 | 5000 | 0 | 0 | 0 | 50.0 | 50.0 | 50.0 | 50.0 |" +
            " 60.0 | 60.0 | 60.0 | 60.0 | 5.0 | 5.0 | 5.0 | 5.0 |");
        // one-hop 50 us against QFJ 100 us and Artio 40 us; two-hop 60 us against 2 x 10 us
        assertThat(md).contains("| busy-spin | 1000 | 0.50 | 0.50 | 1.25 | 1.25 | 3.00 | 3.00 |");
        assertThat(md).contains("| Meridian | busy-spin | 1000 | yes | 1.00 | 20.00 | 0 |");
        assertThat(md).contains("| NIO floor | busy-spin | 1000 | yes | 1.00 | 20.00 | - |");
        assertThat(md).contains("Meridian (busy-spin, lock-step): **70000/s** (tried 70000 ok, 98000 FAILED (lost 3");
        assertThat(md).contains("- Nothing: **0/s** (not searched: no standard rate was sustained)");
        assertThat(md).as("a standard rate sustained counts when no try did").contains("- Standard only: **10000/s**");
        assertThat(md).contains("Value     Percentile TotalCount 1/(1-Percentile)");
    }

    @Test
    void lostOrSlowSenderIsNotSustained()
    {
        assertThat(row(BenchReport.FLOOR, "busy-spin", constant(1, 1), null, 1).sustained()).isFalse();
        assertThat(new BenchReport.Row(BenchReport.FLOOR, "x", 1000, 900, 1, 0, 0, 0, 0, constant(1, 1), null, null,
            0, 0, 0).sustained()).isFalse();
        assertThat(new BenchReport.Row(BenchReport.MERIDIAN, "x", 1000, 1000, 10, 0, 0, 0, 2, constant(1, 1), null, null,
            0, 0, 0).sustained()).as("orders shed with a reject: not sustained").isFalse();
        assertThat(row(BenchReport.FLOOR, "busy-spin", constant(1, 1), null, 0).sustained()).isTrue();
    }

    @Test
    void svgIsWellFormedWithOneLinePerSeries() throws Exception
    {
        final String svg = BenchReport.svg("plot <title>", List.of("a", "b", "empty"),
            java.util.Arrays.asList(constant(10_000, 1000), constant(2_000_000, 1000), null));
        final Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg).contains("plot &lt;title&gt;").contains(">empty<");
    }
}
