package io.meridian.simulators.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * For seeded random runs (market-maker steps, client limit/market/IOC/FOK/post-only orders,
 * cancels, amends), a book rebuilt from a snapshot plus the depth diffs equals the exchange's book
 * after every diff, the update ids have no gap, and every asset is conserved: the accounts' totals
 * plus the fees charged equal the starting totals.
 */
class DepthReplayPropertyTest {

    @Test
    void bookFromSnapshotPlusDiffsEqualsTheExchangeAfterEveryEvent() {
        for (long seed = 1; seed <= 10; seed++) {
            run(seed);
        }
    }

    private static void run(long seed) {
        AtomicLong clock = new AtomicLong(1_000_000);
        SimulatedExchange exchange = new SimulatedExchange(ExchangeConfig.standard("p", (b, q) -> b + q, seed), clock::get);
        MarketMaker maker = new MarketMaker(exchange, exchange.config().makers(), seed);
        maker.start();
        TreeMap<String, Long> start = totals(exchange);
        TreeMap<String, Long> fees = new TreeMap<>();
        exchange.addListener(new ExchangeListener() {
            @Override
            public void onOrderUpdate(OrderUpdate update) {
                if (update.fill() != null) {
                    fees.merge(update.fill().commissionAsset(), update.fill().commission(), Long::sum);
                }
            }
        });
        DepthSnapshot snapshot = exchange.depth("BTCUSDT", Integer.MAX_VALUE).orElseThrow();
        Replica replica = new Replica(snapshot);
        List<String> checked = new ArrayList<>();
        exchange.addListener(new ExchangeListener() {
            @Override
            public void onDepthDiff(DepthDiff diff) {
                if (!diff.symbol().equals("BTCUSDT")) {
                    return;
                }
                replica.apply(diff);
                DepthSnapshot truth = exchange.depth("BTCUSDT", Integer.MAX_VALUE).orElseThrow();
                assertThat(replica.lastUpdateId).as("seed %d", seed).isEqualTo(truth.lastUpdateId());
                assertThat(replica.bids).as("seed %d bids", seed).isEqualTo(Replica.toMap(truth.bids()));
                assertThat(replica.asks).as("seed %d asks", seed).isEqualTo(Replica.toMap(truth.asks()));
                checked.add(diff.firstUpdateId() + ".." + diff.lastUpdateId());
            }
        });
        SplittableRandom random = new SplittableRandom(seed * 31);
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            clock.addAndGet(1_000_000);
            int action = random.nextInt(10);
            long mid = maker.mid("BTCUSDT");
            long price = mid + (random.nextInt(-40, 41)) * Amounts.of("0.5");
            long qty = Amounts.of("0.01") * random.nextInt(1, 80);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            String account = random.nextBoolean() ? "trader1" : "trader2";
            switch (action) {
                case 0, 1 -> maker.step();
                case 2, 3, 4 -> {
                    SubmitResult r = exchange.submit(NewOrder.limit(account, "BTCUSDT", side, TimeInForce.GTC, price, qty, null));
                    if (r.accepted() && r.order().status().isOpen()) {
                        mine.add(r.order().orderId());
                    }
                }
                case 5 -> exchange.submit(NewOrder.market(account, "BTCUSDT", side, qty, null));
                case 6 -> exchange.submit(NewOrder.limit(account, "BTCUSDT", side, random.nextBoolean() ? TimeInForce.IOC : TimeInForce.FOK,
                    price, qty, null));
                case 7 -> exchange.submit(NewOrder.limitMaker(account, "BTCUSDT", side, price, qty, null));
                case 8 -> {
                    if (!mine.isEmpty()) {
                        long id = mine.remove(random.nextInt(mine.size()));
                        exchange.cancel("trader1", "BTCUSDT", id);
                        exchange.cancel("trader2", "BTCUSDT", id);
                    }
                }
                default -> {
                    if (!mine.isEmpty()) {
                        long id = mine.get(random.nextInt(mine.size()));
                        for (String owner : List.of("trader1", "trader2")) {
                            exchange.order(owner, "BTCUSDT", id).filter(o -> o.status().isOpen())
                                .ifPresent(o -> exchange.amend(owner, "BTCUSDT", id, o.executedQty() + Amounts.of("0.01"), price));
                        }
                    }
                }
            }
        }
        assertThat(checked).as("seed %d diffs", seed).hasSizeGreaterThan(50);
        TreeMap<String, Long> end = totals(exchange);
        fees.forEach((asset, fee) -> end.merge(asset, fee, Long::sum));
        assertThat(end).as("seed %d conservation", seed).isEqualTo(start);
    }

    private static TreeMap<String, Long> totals(SimulatedExchange exchange) {
        TreeMap<String, Long> totals = new TreeMap<>();
        for (String account : List.of("trader1", "trader2", ExchangeConfig.MAKER_ACCOUNT, ExchangeConfig.TAKER_ACCOUNT)) {
            exchange.balances(account).forEach(b -> totals.merge(b.asset(), b.total(), Long::sum));
        }
        return totals;
    }

    /** What a client keeps: levels by price, and the last applied update id. */
    private static final class Replica {
        final TreeMap<Long, Long> bids = new TreeMap<>();
        final TreeMap<Long, Long> asks = new TreeMap<>();
        long lastUpdateId;

        Replica(DepthSnapshot snapshot) {
            lastUpdateId = snapshot.lastUpdateId();
            bids.putAll(toMap(snapshot.bids()));
            asks.putAll(toMap(snapshot.asks()));
        }

        void apply(DepthDiff diff) {
            assertThat(diff.firstUpdateId()).isEqualTo(lastUpdateId + 1);
            lastUpdateId = diff.lastUpdateId();
            apply(bids, diff.bids());
            apply(asks, diff.asks());
        }

        private static void apply(TreeMap<Long, Long> side, List<PriceQty> levels) {
            levels.forEach(l -> {
                if (l.qty() == 0) {
                    side.remove(l.price());
                } else {
                    side.put(l.price(), l.qty());
                }
            });
        }

        static TreeMap<Long, Long> toMap(List<PriceQty> levels) {
            TreeMap<Long, Long> map = new TreeMap<>();
            levels.forEach(l -> map.put(l.price(), l.qty()));
            return map;
        }
    }
}
