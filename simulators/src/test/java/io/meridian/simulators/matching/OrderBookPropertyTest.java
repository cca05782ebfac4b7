package io.meridian.simulators.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random command streams through the book and through {@link NaiveMatcher}: same events, same resting book. */
class OrderBookPropertyTest {
    private static final int SEEDS = 300;
    private static final int STEPS = 400;

    @Test
    void bookMatchesNaiveReferenceOnRandomCommandStreams() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            runOne(seed);
        }
    }

    private static void runOne(long seed) {
        Random random = new Random(seed);
        RecordingListener listener = new RecordingListener();
        long[] time = {0};
        OrderBook book = new OrderBook("SYM", listener, () -> ++time[0]);
        NaiveMatcher reference = new NaiveMatcher();
        List<Long> ids = new ArrayList<>();
        long nextId = 1;

        for (int step = 0; step < STEPS; step++) {
            int action = random.nextInt(10);
            String command;
            if (action < 6 || ids.isEmpty()) {
                OrderRequest request = randomOrder(random, nextId++);
                ids.add(request.orderId());
                command = request.toString();
                book.submit(request);
                reference.submit(request);
            } else if (action < 8) {
                long id = random.nextInt(10) == 0 ? 999_999 : ids.get(random.nextInt(ids.size()));
                command = "cancel " + id;
                book.cancel(id);
                reference.cancel(id);
            } else {
                long id = ids.get(random.nextInt(ids.size()));
                long qty = random.nextInt(12);
                long price = random.nextBoolean() ? book.liveOrder(id).map(OrderState::price).orElse(100L) : randomPrice(random);
                command = "replace " + id + " qty=" + qty + " px=" + price;
                book.replace(id, qty, price);
                reference.replace(id, qty, price);
            }
            String context = "seed " + seed + " step " + step + ": " + command;
            assertThat(listener.drain()).as(context).isEqualTo(reference.drain());
            for (Side side : Side.values()) {
                assertThat(book.restingOrders(side).stream().map(o -> o.orderId() + "@" + o.price() + ":" + o.leavesQty()).toList())
                    .as(context + " " + side).isEqualTo(reference.resting(side));
            }
            assertLevelsConsistent(book, context);
        }
    }

    private static void assertLevelsConsistent(OrderBook book, String context) {
        BookSnapshot snapshot = book.snapshot();
        for (Side side : Side.values()) {
            List<BookSnapshot.Level> levels = side == Side.BUY ? snapshot.bids() : snapshot.asks();
            long total = levels.stream().mapToLong(BookSnapshot.Level::qty).sum();
            long orders = levels.stream().mapToInt(BookSnapshot.Level::orderCount).sum();
            List<OrderState> resting = book.restingOrders(side);
            assertThat(total).as(context).isEqualTo(resting.stream().mapToLong(OrderState::leavesQty).sum());
            assertThat(orders).as(context).isEqualTo(resting.size());
        }
        if (!snapshot.bids().isEmpty() && !snapshot.asks().isEmpty()) {
            assertThat(snapshot.bids().get(0).price()).as(context + " book crossed").isLessThan(snapshot.asks().get(0).price());
        }
    }

    private static OrderRequest randomOrder(Random random, long id) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        TimeInForce tif = TimeInForce.values()[random.nextInt(TimeInForce.values().length)];
        long qty = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(10);
        int kind = random.nextInt(10);
        if (kind == 0) {
            return OrderRequest.market(id, "acct", "SYM", side, tif, qty);
        }
        long price = random.nextInt(40) == 0 ? 0 : randomPrice(random);
        boolean postOnly = kind == 1 || (kind == 2 && random.nextInt(4) == 0);
        return new OrderRequest(id, "acct", "SYM", side, OrderType.LIMIT, tif, postOnly, price, qty);
    }

    private static long randomPrice(Random random) {
        return 95 + random.nextInt(11);
    }
}
