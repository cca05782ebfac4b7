package io.meridian.simulators.fix;

import static io.meridian.simulators.fix.FixTestClient.limit;
import static io.meridian.simulators.fix.FixVenueSimulatorTest.f;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.field.Side;
import quickfix.field.TimeInForce;

/**
 * The FIX venue's seeded market maker: it restores the seed book's levels that clients traded
 * away, never trades with a resting client order, walks its mid reproducibly from its seed, and
 * steps on its own when given a period. Seeded AAPL: bids 100@189.90, 200@189.80, 300@189.70;
 * asks 100@190.10, 200@190.20, 300@190.30.
 */
@Timeout(60)
class FixVenueMarketMakerTest {
    private static FixVenueSimulator venue(long stepMs, int walkTicks, long seed) {
        return new FixVenueSimulator(FixVenueSimulatorConfig.builder().port(0).idPrefix("M").marketMaker(stepMs, walkTicks, seed)
            .build()).start();
    }

    @Test
    void tradedLiquidityIsRestoredWithoutTradingAgainstRestingClientOrders() throws Exception {
        try (FixVenueSimulator venue = venue(0, 0, 1); FixTestClient client = FixTestClient.connect(venue.port())) {
            VenueBook seeded = venue.control().book("AAPL");
            client.send(limit("O1", "AAPL", Side.BUY, "150", "190.10", TimeInForce.GOOD_TILL_CANCEL));
            assertThat(f(client.next(), 150)).isEqualTo("0");
            assertThat(f(client.next(), 150)).isEqualTo("F");
            assertThat(venue.control().book("AAPL").asks().get(0).price()).isEqualByComparingTo("190.20");

            venue.control().stepMarketMaker();

            VenueBook book = venue.control().book("AAPL");
            assertThat(book.asks()).as("190.10 would trade with the client's resting 50, so it stays out")
                .extracting(VenueBook.Level::price).containsExactly(new BigDecimal("190.2"), new BigDecimal("190.3"));
            assertThat(book.asks().get(0).qty()).isEqualByComparingTo("200");
            assertThat(book.bids().get(0)).isEqualTo(new VenueBook.Level(new BigDecimal("190.1"), new BigDecimal("50"), 1));
            assertThat(book.bids().subList(1, 4)).isEqualTo(seeded.bids());
            assertThat(client.poll(Duration.ofMillis(200))).as("no fill for the resting client order").isNull();

            client.send(FixTestClient.cancel("C1", "O1", "AAPL", Side.BUY));
            assertThat(f(client.next(), 150)).isEqualTo("4");
            venue.control().stepMarketMaker();
            assertThat(venue.control().book("AAPL")).isEqualTo(seeded);
            assertThat(venue.control().book("BTC-USD")).isEqualTo(venueSeedBook("BTC-USD"));
        }
    }

    @Test
    void theWalkIsReproducibleFromItsSeedAndMovesTheWholeShape() {
        List<VenueBook> first = walk(42);
        List<VenueBook> second = walk(42);
        assertThat(first).isEqualTo(second);
        VenueBook seeded = venueSeedBook("AAPL");
        assertThat(first).anySatisfy(book -> assertThat(book).isNotEqualTo(seeded));
        for (VenueBook book : first) {
            BigDecimal spread = book.asks().get(0).price().subtract(book.bids().get(0).price());
            assertThat(spread).as("the shape moves as a whole").isEqualByComparingTo("0.20");
            assertThat(book.asks()).extracting(VenueBook.Level::qty).containsExactly(new BigDecimal("100"), new BigDecimal("200"),
                new BigDecimal("300"));
        }
    }

    private static List<VenueBook> walk(long seed) {
        List<VenueBook> books = new ArrayList<>();
        try (FixVenueSimulator venue = venue(0, 3, seed)) {
            for (int i = 0; i < 8; i++) {
                venue.control().stepMarketMaker();
                books.add(venue.control().book("AAPL"));
            }
        }
        return books;
    }

    @Test
    void withAPeriodItReplenishesOnItsOwn() throws Exception {
        try (FixVenueSimulator venue = venue(20, 0, 1); FixTestClient client = FixTestClient.connect(venue.port())) {
            client.send(limit("O1", "MSFT", Side.BUY, "100", "420.10", TimeInForce.DAY));
            Message ack = client.next();
            assertThat(f(ack, 150)).isEqualTo("0");
            assertThat(f(client.next(), 150)).isEqualTo("F");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!venue.control().book("MSFT").asks().get(0).price().equals(new BigDecimal("420.1")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(venue.control().book("MSFT").asks().get(0))
                .isEqualTo(new VenueBook.Level(new BigDecimal("420.1"), new BigDecimal("100"), 1));
        }
    }

    @Test
    void cryptoLaddersQuoteLikeTheCryptoSimulatorsAndReplenish() throws Exception {
        try (FixVenueSimulator venue = ladderVenue(5); FixTestClient client = FixTestClient.connect(venue.port())) {
            VenueBook btc = venue.control().book("BTC-USDT");
            assertThat(btc.bids()).hasSize(10).allSatisfy(level -> assertThat(level.qty()).isEqualByComparingTo("0.5"));
            assertThat(btc.asks()).hasSize(10);
            assertThat(btc.bids().get(0).price()).isEqualByComparingTo("59999.50");
            assertThat(btc.asks().get(0).price()).isEqualByComparingTo("60000.50");
            assertThat(btc.asks().get(9).price()).isEqualByComparingTo("60005.00");
            VenueBook eth = venue.control().book("ETH-USDT");
            assertThat(eth.bids().get(0).price()).isEqualByComparingTo("2999.90");
            assertThat(eth.asks().get(0)).isEqualTo(new VenueBook.Level(new BigDecimal("3000.1"), new BigDecimal("5"), 1));

            client.send(limit("O1", "BTC-USDT", Side.BUY, "1.2", "60001.50", TimeInForce.IMMEDIATE_OR_CANCEL));
            assertThat(f(client.next(), 150)).isEqualTo("0");
            for (int fill = 0; fill < 3; fill++) {
                assertThat(f(client.next(), 150)).isEqualTo("F");
            }
            assertThat(venue.control().book("BTC-USDT").asks()).hasSize(8);

            venue.control().stepMarketMaker();

            VenueBook replenished = venue.control().book("BTC-USDT");
            assertThat(replenished.asks()).hasSize(10).allSatisfy(level -> assertThat(level.qty()).isEqualByComparingTo("0.5"));
            assertThat(replenished.bids()).hasSize(10);
            assertThat(replenished.asks().get(0).price().subtract(replenished.bids().get(0).price()))
                .as("the ladder's spread around its mid").isEqualByComparingTo("1.00");
        }
    }

    @Test
    void cryptoLaddersWalkReproduciblyFromTheSeed() {
        List<VenueBook> first = ladderWalk(42);
        assertThat(ladderWalk(42)).isEqualTo(first);
        assertThat(ladderWalk(43)).isNotEqualTo(first);
        assertThat(first.stream().map(book -> book.bids().get(0).price()).distinct().count()).as("the mid walks").isGreaterThan(1);
    }

    private static List<VenueBook> ladderWalk(long seed) {
        List<VenueBook> books = new ArrayList<>();
        try (FixVenueSimulator venue = ladderVenue(seed)) {
            for (int i = 0; i < 8; i++) {
                venue.control().stepMarketMaker();
                books.add(venue.control().book("BTC-USDT"));
                books.add(venue.control().book("ETH-USDT"));
            }
        }
        return books;
    }

    private static FixVenueSimulator ladderVenue(long seed) {
        return new FixVenueSimulator(FixVenueSimulatorConfig.builder().port(0).idPrefix("L")
            .quoteLadders(QuoteLadder.cryptoStandard()).marketMaker(0, 0, seed).build()).start();
    }

    private static VenueBook venueSeedBook(String symbol) {
        try (FixVenueSimulator untouched = venue(0, 0, 1)) {
            return untouched.control().book(symbol);
        }
    }
}
