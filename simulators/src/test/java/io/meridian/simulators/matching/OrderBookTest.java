package io.meridian.simulators.matching;

import static io.meridian.simulators.matching.Side.BUY;
import static io.meridian.simulators.matching.Side.SELL;
import static io.meridian.simulators.matching.TimeInForce.FOK;
import static io.meridian.simulators.matching.TimeInForce.GTC;
import static io.meridian.simulators.matching.TimeInForce.IOC;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {
    private final RecordingListener events = new RecordingListener();
    private long time = 1_000;
    private final OrderBook book = new OrderBook("AAPL", events, () -> time);

    private void limit(long id, Side side, long price, long qty) {
        book.submit(OrderRequest.limit(id, "acct", "AAPL", side, GTC, price, qty));
    }

    private List<String> resting(Side side) {
        return book.restingOrders(side).stream().map(o -> o.orderId() + "@" + o.price() + ":" + o.leavesQty()).toList();
    }

    @Test
    void matchesBestPriceFirstThenOldestAtThatPrice() {
        limit(1, SELL, 101, 5);
        limit(2, SELL, 100, 5);
        limit(3, SELL, 100, 5);
        events.drain();

        limit(4, BUY, 101, 12);

        assertThat(events.drain()).containsExactly(
            "ACCEPTED 4",
            "TRADE maker=2 taker=4 px=100 qty=5",
            "TRADE maker=3 taker=4 px=100 qty=5",
            "TRADE maker=1 taker=4 px=101 qty=2");
        assertThat(resting(SELL)).containsExactly("1@101:3");
        assertThat(resting(BUY)).isEmpty();
    }

    @Test
    void tradesAtTheMakerPriceAndRestsTheRemainder() {
        limit(1, SELL, 100, 3);
        events.drain();

        limit(2, BUY, 105, 10);

        assertThat(events.trades).singleElement().satisfies(trade -> {
            assertThat(trade.price()).isEqualTo(100);
            assertThat(trade.maker().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(trade.maker().side()).isEqualTo(SELL);
            assertThat(trade.taker().side()).isEqualTo(BUY);
            assertThat(trade.taker().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(trade.taker().leavesQty()).isEqualTo(7);
            assertThat(trade.tradeId()).isEqualTo(1);
        });
        assertThat(resting(BUY)).containsExactly("2@105:7");
        assertThat(book.liveOrder(2)).get().extracting(OrderState::status).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void iocFillsWhatItCanAndExpiresTheRest() {
        limit(1, SELL, 100, 3);
        events.drain();

        book.submit(OrderRequest.limit(2, "acct", "AAPL", BUY, IOC, 100, 10));

        assertThat(events.drain()).containsExactly("ACCEPTED 2", "TRADE maker=1 taker=2 px=100 qty=3", "EXPIRED 2 qty=7");
        assertThat(resting(BUY)).isEmpty();
    }

    @Test
    void fokThatCannotFillExpiresWithNothingFilledAndLeavesTheBookAlone() {
        limit(1, SELL, 100, 3);
        limit(2, SELL, 102, 10);
        events.drain();

        book.submit(OrderRequest.limit(3, "acct", "AAPL", BUY, FOK, 101, 5));

        assertThat(events.drain()).containsExactly("ACCEPTED 3", "EXPIRED 3 qty=5");
        assertThat(resting(SELL)).containsExactly("1@100:3", "2@102:10");
    }

    @Test
    void fokThatCanFillSweepsLevels() {
        limit(1, SELL, 100, 3);
        limit(2, SELL, 101, 10);
        events.drain();

        book.submit(OrderRequest.limit(3, "acct", "AAPL", BUY, FOK, 101, 5));

        assertThat(events.drain()).containsExactly(
            "ACCEPTED 3", "TRADE maker=1 taker=3 px=100 qty=3", "TRADE maker=2 taker=3 px=101 qty=2");
    }

    @Test
    void postOnlyIsRejectedWhenItWouldCrossAndRestsOtherwise() {
        limit(1, SELL, 100, 3);
        events.drain();

        assertThat(book.submit(OrderRequest.postOnly(2, "acct", "AAPL", BUY, 100, 1))).isFalse();
        assertThat(book.submit(OrderRequest.postOnly(3, "acct", "AAPL", BUY, 99, 1))).isTrue();

        assertThat(events.drain()).containsExactly("REJECTED NEW_ORDER 2 POST_ONLY_WOULD_CROSS", "ACCEPTED 3");
        assertThat(resting(BUY)).containsExactly("3@99:1");
    }

    @Test
    void marketOrderSweepsAndExpiresWhatIsLeft() {
        limit(1, BUY, 99, 2);
        limit(2, BUY, 98, 2);
        events.drain();

        book.submit(OrderRequest.market(3, "acct", "AAPL", SELL, IOC, 5));

        assertThat(events.drain()).containsExactly(
            "ACCEPTED 3", "TRADE maker=1 taker=3 px=99 qty=2", "TRADE maker=2 taker=3 px=98 qty=2", "EXPIRED 3 qty=1");
    }

    @Test
    void marketOrderAgainstAnEmptySideExpiresWithNothingFilled() {
        book.submit(OrderRequest.market(1, "acct", "AAPL", BUY, GTC, 5));

        assertThat(events.drain()).containsExactly("ACCEPTED 1", "EXPIRED 1 qty=5");
        assertThat(book.snapshot().bids()).isEmpty();
    }

    @Test
    void rejectsInvalidOrders() {
        book.submit(OrderRequest.limit(1, "acct", "AAPL", BUY, GTC, 100, 0));
        book.submit(OrderRequest.limit(2, "acct", "AAPL", BUY, GTC, 0, 1));
        book.submit(OrderRequest.limit(3, "acct", "MSFT", BUY, GTC, 100, 1));
        book.submit(new OrderRequest(4, "acct", "AAPL", BUY, OrderType.LIMIT, IOC, true, 100, 1));
        limit(5, BUY, 100, 1);
        limit(5, BUY, 100, 1);

        assertThat(events.drain()).containsExactly(
            "REJECTED NEW_ORDER 1 INVALID_QUANTITY",
            "REJECTED NEW_ORDER 2 INVALID_PRICE",
            "REJECTED NEW_ORDER 3 UNKNOWN_SYMBOL",
            "REJECTED NEW_ORDER 4 UNSUPPORTED_ORDER",
            "ACCEPTED 5",
            "REJECTED NEW_ORDER 5 DUPLICATE_ORDER_ID");
    }

    @Test
    void cancelRemovesALiveOrderAndRejectsUnknownOrDoneOnes() {
        limit(1, BUY, 100, 5);
        limit(2, SELL, 101, 1);
        limit(3, BUY, 101, 1);
        events.drain();

        assertThat(book.cancel(1)).isTrue();
        assertThat(book.cancel(1)).isFalse();
        assertThat(book.cancel(2)).isFalse();
        assertThat(book.cancel(42)).isFalse();

        assertThat(events.drain()).containsExactly(
            "CANCELED 1 qty=5",
            "REJECTED CANCEL 1 UNKNOWN_ORDER",
            "REJECTED CANCEL 2 UNKNOWN_ORDER",
            "REJECTED CANCEL 42 UNKNOWN_ORDER");
        assertThat(book.snapshot().bids()).isEmpty();
    }

    @Test
    void replaceQtyDownKeepsPriority() {
        limit(1, BUY, 100, 5);
        limit(2, BUY, 100, 5);

        book.replace(1, 3, 100);

        assertThat(resting(BUY)).containsExactly("1@100:3", "2@100:5");
        assertThat(book.snapshot().bids()).containsExactly(new BookSnapshot.Level(100, 8, 2));
    }

    @Test
    void replaceQtyUpOrPriceChangeLosesPriority() {
        limit(1, BUY, 100, 5);
        limit(2, BUY, 100, 5);
        limit(3, BUY, 99, 5);

        book.replace(1, 6, 100);
        assertThat(resting(BUY)).containsExactly("2@100:5", "1@100:6", "3@99:5");

        book.replace(2, 5, 99);
        assertThat(resting(BUY)).containsExactly("1@100:6", "3@99:5", "2@99:5");
    }

    @Test
    void replaceToAQtyNotAboveFilledIsRejected() {
        limit(1, BUY, 100, 5);
        limit(2, SELL, 100, 2);
        events.drain();

        assertThat(book.replace(1, 2, 100)).isFalse();
        assertThat(book.replace(1, 3, 100)).isTrue();

        assertThat(events.drain()).containsExactly("REJECTED REPLACE 1 QUANTITY_NOT_ABOVE_FILLED", "REPLACED 1 qty=3 px=100");
        assertThat(resting(BUY)).containsExactly("1@100:1");
    }

    @Test
    void replaceToACrossingPriceTrades() {
        limit(1, SELL, 101, 2);
        limit(2, BUY, 100, 5);
        events.drain();

        book.replace(2, 5, 101);

        assertThat(events.drain()).containsExactly("REPLACED 2 qty=5 px=101", "TRADE maker=1 taker=2 px=101 qty=2");
        assertThat(resting(BUY)).containsExactly("2@101:3");
    }

    @Test
    void snapshotAggregatesLevelsBestFirst() {
        limit(1, BUY, 99, 1);
        limit(2, BUY, 100, 2);
        limit(3, BUY, 100, 3);
        limit(4, SELL, 102, 4);
        limit(5, SELL, 101, 5);

        BookSnapshot snapshot = book.snapshot();

        assertThat(snapshot.bids()).containsExactly(new BookSnapshot.Level(100, 5, 2), new BookSnapshot.Level(99, 1, 1));
        assertThat(snapshot.asks()).containsExactly(new BookSnapshot.Level(101, 5, 1), new BookSnapshot.Level(102, 4, 1));
    }

    @Test
    void cancelAllEmptiesTheBook() {
        limit(1, BUY, 99, 1);
        limit(2, SELL, 101, 1);
        events.drain();

        book.cancelAll();

        assertThat(events.drain()).containsExactly("CANCELED 1 qty=1", "CANCELED 2 qty=1");
        assertThat(book.snapshot().bids()).isEmpty();
        assertThat(book.snapshot().asks()).isEmpty();
    }

    @Test
    void eventsCarryTheInjectedClockTime() {
        time = 5;
        limit(1, SELL, 100, 1);
        time = 7;
        limit(2, BUY, 100, 1);

        assertThat(events.timestamps).containsExactly(5L, 7L, 7L);
    }

    @Test
    void engineRejectsUnknownSymbolsAndRoutesByListedSymbol() {
        RecordingListener engineEvents = new RecordingListener();
        MatchingEngine engine = new MatchingEngine(engineEvents, () -> 0);
        engine.addSymbol("AAPL");
        long id = engine.nextOrderId();

        engine.submit(OrderRequest.limit(id, "acct", "AAPL", BUY, GTC, 100, 1));
        engine.submit(OrderRequest.limit(engine.nextOrderId(), "acct", "TSLA", BUY, GTC, 100, 1));
        engine.cancel("TSLA", id);
        engine.cancel("AAPL", id);

        assertThat(engineEvents.drain()).containsExactly(
            "ACCEPTED 1", "REJECTED NEW_ORDER 2 UNKNOWN_SYMBOL", "REJECTED CANCEL 1 UNKNOWN_ORDER", "CANCELED 1 qty=1");
        assertThat(engine.symbols()).containsExactly("AAPL");
    }
}
