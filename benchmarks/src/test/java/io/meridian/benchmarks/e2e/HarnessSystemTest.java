package io.meridian.benchmarks.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness pieces against real servers on loopback, in-process and briefly (no timing
 * asserted): every order gets its reports, matched by ClOrdID and session.
 */
@Timeout(120)
class HarnessSystemTest
{
    private static final long LATE_NANOS = 60_000_000_000L;

    @Test
    void loadClientAgainstMeridianAndTheAckFillVenue(@TempDir final Path dir) throws Exception
    {
        try (AckFillVenue venue = new AckFillVenue("VENUE");
            SutMain.Sut meridian = SutMain.meridian("backoff", "lock-step", venue.port(), 2);
            FixLoadClient client = new FixLoadClient(dir.resolve("client").toFile(), "localhost", meridian.port(),
                List.of("CLIENT1", "CLIENT2"), "MERIDIAN"))
        {
            final FixLoadClient.PointResult result = client.run(500, 0.2, 0.4, true, LATE_NANOS, 20_000);
            final OrderTracker tracker = result.tracker();
            assertThat(tracker.sent()).isEqualTo(300);
            assertThat(tracker.lost()).isZero();
            assertThat(tracker.mismatched()).isZero();
            assertThat(tracker.firstReport().getTotalCount()).isEqualTo(200);
            assertThat(tracker.ackedReport().getTotalCount()).isEqualTo(200);
            assertThat(result.rejects()).isZero();
            assertThat(venue.ordersAcked()).isEqualTo(300);

            // ClOrdIDs go on from the last point: Meridian would reject a duplicate
            final FixLoadClient.PointResult second = client.run(500, 0, 0.1, true, LATE_NANOS, 20_000);
            assertThat(second.tracker().lost()).isZero();
            assertThat(second.tracker().mismatched()).isZero();
            final org.HdrHistogram.Histogram tickToTrade = new org.HdrHistogram.Histogram(3);
            meridian.drainTickToTrade(tickToTrade);
            assertThat(tickToTrade.getTotalCount()).isEqualTo(350);
        }
    }

    @Test
    void everyRiskCheckOnRefusesNoOrderOfTheHarness(@TempDir final Path dir) throws Exception
    {
        try (AckFillVenue venue = new AckFillVenue("VENUE");
            SutMain.Sut meridian = SutMain.meridian("backoff", "lock-step", venue.port(), 2, true);
            FixLoadClient client = new FixLoadClient(dir.resolve("client").toFile(), "localhost", meridian.port(),
                List.of("CLIENT1", "CLIENT2"), "MERIDIAN"))
        {
            final FixLoadClient.PointResult result = client.run(1_000, 0, 0.5, true, LATE_NANOS, 20_000);
            assertThat(result.tracker().sent()).isEqualTo(500);
            assertThat(result.tracker().lost()).isZero();
            assertThat(result.rejects()).isZero();
            assertThat(venue.ordersAcked()).isEqualTo(500);
        }
    }

    @Test
    void routedOrdersAreSweptAcrossThreeVenuesAndCompleteWhenFilled(@TempDir final Path dir) throws Exception
    {
        final String book = AckFillVenue.ladder(20, new java.math.BigDecimal("190.00"), new java.math.BigDecimal("0.01"), 40);
        try (AckFillVenue venue0 = new AckFillVenue("VENUE0", book);
            AckFillVenue venue1 = new AckFillVenue("VENUE1", book);
            AckFillVenue venue2 = new AckFillVenue("VENUE2", book);
            SutMain.Sut meridian = SutMain.routed("backoff", "lock-step",
                new int[] {venue0.port(), venue1.port(), venue2.port()}, 2);
            FixLoadClient client = new FixLoadClient(dir.resolve("client").toFile(), "localhost", meridian.port(),
                List.of("CLIENT1", "CLIENT2"), "MERIDIAN").ackedWhenFilled())
        {
            final FixLoadClient.PointResult result = client.run(200, 0.5, 0.5, true, LATE_NANOS, 20_000);
            final OrderTracker tracker = result.tracker();
            assertThat(tracker.sent()).isEqualTo(200);
            assertThat(tracker.lost()).isZero();
            assertThat(tracker.mismatched()).isZero();
            assertThat(tracker.ackedReport().getTotalCount()).as("Filled, after the measured warm-up").isEqualTo(100);
            assertThat(result.rejects()).isZero();
            // 100 at 190.00 against 40 at the best ask of each venue: three children per parent, one fill each
            assertThat(result.fills()).isEqualTo(3 * 200);
            assertThat(venue0.ordersAcked() + venue1.ordersAcked() + venue2.ordersAcked()).isEqualTo(3 * 200);
            assertThat(List.of(venue0.ordersAcked(), venue1.ordersAcked(), venue2.ordersAcked()))
                .allSatisfy(n -> assertThat(n).isEqualTo(200));
            final org.HdrHistogram.Histogram tickToTrade = new org.HdrHistogram.Histogram(3);
            meridian.drainTickToTrade(tickToTrade);
            assertThat(tickToTrade.getTotalCount()).as("one sample per parent: its first child").isEqualTo(200);
        }
    }

    @Test
    void floorClientAgainstTheNioEcho() throws Exception
    {
        try (NioEchoServer server = new NioEchoServer(false);
            NioFloorClient client = new NioFloorClient("localhost", server.port(), 200))
        {
            final FixLoadClient.PointResult result = client.run(2_000, 0.1, 0.2, LATE_NANOS, 20_000);
            assertThat(result.tracker().sent()).isEqualTo(600);
            assertThat(result.tracker().lost()).isZero();
            assertThat(result.tracker().firstReport().getTotalCount()).isEqualTo(400);
        }
    }

    @Test
    void venueParsesFramedMessages()
    {
        final String message = "8=FIX.4.4\u00019=5\u000135=D\u000110=000\u0001";
        final byte[] bytes = (message + "8=FIX.4.4\u00019=").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final int end = AckFillVenue.FixFields.messageEnd(bytes, 0, bytes.length);
        assertThat(end).isEqualTo(message.length());
        assertThat(AckFillVenue.FixFields.messageEnd(bytes, end, bytes.length)).isEqualTo(-1);
        final AckFillVenue.FixFields fields = new AckFillVenue.FixFields();
        fields.parse(bytes, 0, end);
        assertThat(fields.get(35)).isEqualTo("D");
        assertThat(fields.getOr(11, "none")).isEqualTo("none");
    }
}
