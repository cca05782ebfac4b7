package io.meridian.simulators.fix;

import io.meridian.simulators.exchange.MarketMakerConfig;
import io.meridian.simulators.matching.DecimalScale;
import io.meridian.simulators.matching.MatchingEngine;
import io.meridian.simulators.matching.OrderRequest;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.seed.SeedBook;
import io.meridian.simulators.seed.SeedOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The FIX venue's seeded house market maker, as the crypto simulators have one: it keeps the seed
 * book's shape (each seeded level as an offset from the seeded mid, with its quantity) quoted around
 * a mid that moves by a seeded random walk of up to {@code walkTicks} ticks per step (0: the mid
 * stays and every step restores the seeded book). Consumed liquidity is replaced at each step; the
 * quotes are post-only, so a level that would trade with a resting client order is left out. Same
 * seed, same steps, same quotes. {@link QuoteLadder} symbols are quoted as the crypto exchanges' maker
 * quotes them (its ladder, walk and tick) from the same random source, after the seed book's symbols.
 * Called under the venue lock.
 */
final class VenueMarketMaker {
    private record Quote(Side side, long offset, long qty) {
    }

    private final MatchingEngine engine;
    private final String houseAccount;
    private final int walkTicks;
    private final SplittableRandom random;
    private final Map<String, List<Quote>> shapes = new LinkedHashMap<>();
    private final Map<String, Long> mids = new LinkedHashMap<>();
    private final Map<String, Long> ticks = new LinkedHashMap<>();
    private final Map<String, List<Long>> quoted = new LinkedHashMap<>();

    private final List<QuoteLadder> ladders;

    VenueMarketMaker(MatchingEngine engine, SeedBook seed, List<QuoteLadder> ladders, DecimalScale scale, String houseAccount,
                     int walkTicks, long randomSeed) {
        this.ladders = List.copyOf(ladders);
        this.engine = engine;
        this.houseAccount = houseAccount;
        this.walkTicks = walkTicks;
        this.random = new SplittableRandom(randomSeed);
        Map<String, List<SeedOrder>> bySymbol = new LinkedHashMap<>();
        for (SeedOrder order : seed.orders()) {
            if (scale.isRepresentable(order.price()) && scale.isRepresentable(order.qty())) {
                bySymbol.computeIfAbsent(order.symbol(), s -> new ArrayList<>()).add(order);
            }
        }
        bySymbol.forEach((symbol, orders) -> {
            long bestBid = Long.MIN_VALUE;
            long bestAsk = Long.MAX_VALUE;
            List<Long> prices = new ArrayList<>();
            for (SeedOrder order : orders) {
                long price = scale.toScaled(order.price());
                prices.add(price);
                if (order.side() == Side.BUY) {
                    bestBid = Math.max(bestBid, price);
                } else {
                    bestAsk = Math.min(bestAsk, price);
                }
            }
            long mid = bestBid == Long.MIN_VALUE ? bestAsk : bestAsk == Long.MAX_VALUE ? bestBid : (bestBid + bestAsk) / 2;
            List<Quote> shape = new ArrayList<>();
            for (SeedOrder order : orders) {
                shape.add(new Quote(order.side(), scale.toScaled(order.price()) - mid, scale.toScaled(order.qty())));
            }
            shapes.put(symbol, shape);
            mids.put(symbol, mid);
            ticks.put(symbol, smallestGap(prices));
            quoted.put(symbol, new ArrayList<>());
        });
        for (QuoteLadder ladder : this.ladders) {
            if (shapes.containsKey(ladder.symbol())) {
                throw new IllegalArgumentException("symbol both seeded and laddered: " + ladder.symbol());
            }
            mids.put(ladder.symbol(), ladder.maker().startMid() / ladder.tickSize() * ladder.tickSize());
            quoted.put(ladder.symbol(), new ArrayList<>());
        }
    }

    /** The ladders' first quotes (the seed book's are the seed orders, {@link #adopt adopted}). */
    void start() {
        for (QuoteLadder ladder : ladders) {
            requote(ladder);
        }
    }

    /** The seed orders the venue placed are the maker's first quotes. */
    void adopt(String symbol, long engineOrderId) {
        List<Long> ids = quoted.get(symbol);
        if (ids != null) {
            ids.add(engineOrderId);
        }
    }

    /** One tick: move every mid, withdraw the quotes left, and quote the shape again. */
    void step() {
        shapes.forEach((symbol, shape) -> {
            long move = walkTicks == 0 ? 0 : random.nextInt(-walkTicks, walkTicks + 1) * ticks.get(symbol);
            long mid = mids.get(symbol) + move;
            long lowestOffset = shape.stream().mapToLong(Quote::offset).min().orElse(0);
            if (mid + lowestOffset > 0) {
                mids.put(symbol, mid);
            }
            withdraw(symbol);
            for (Quote quote : shape) {
                place(symbol, quote.side(), mids.get(symbol) + quote.offset(), quote.qty());
            }
        });
        for (QuoteLadder ladder : ladders) {
            MarketMakerConfig config = ladder.maker();
            int move = config.maxStepTicks() == 0 ? 0 : random.nextInt(-config.maxStepTicks(), config.maxStepTicks() + 1);
            mids.put(ladder.symbol(), Math.max(config.floorMid(ladder.tickSize()), mids.get(ladder.symbol()) + move * ladder.tickSize()));
            requote(ladder);
        }
    }

    private void requote(QuoteLadder ladder) {
        String symbol = ladder.symbol();
        withdraw(symbol);
        ladder.maker().forEachQuote(mids.get(symbol), ladder.tickSize(), (side, price, qty) -> place(symbol, side, price, qty));
    }

    private void withdraw(String symbol) {
        List<Long> ids = quoted.get(symbol);
        for (long id : ids) {
            engine.cancel(symbol, id);
        }
        ids.clear();
    }

    private void place(String symbol, Side side, long price, long qty) {
        long id = engine.nextOrderId();
        if (engine.submit(OrderRequest.postOnly(id, houseAccount, symbol, side, price, qty))) {
            quoted.get(symbol).add(id);
        }
    }

    private static long smallestGap(List<Long> prices) {
        List<Long> sorted = prices.stream().distinct().sorted().toList();
        long gap = Long.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) {
            gap = Math.min(gap, sorted.get(i) - sorted.get(i - 1));
        }
        return gap == Long.MAX_VALUE ? 1 : gap;
    }
}
