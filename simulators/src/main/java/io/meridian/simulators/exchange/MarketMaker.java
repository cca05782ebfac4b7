package io.meridian.simulators.exchange;

import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded house market maker: quotes {@code levels} per side around a mid that moves by a random
 * walk, and now and then lets a taker account hit the book, so that depth, trade and book-ticker
 * streams are alive. Runs on the exchange's thread; {@link #step()} is one tick (a loop schedules it,
 * tests call it directly). Same seed, same steps: same orders.
 */
public final class MarketMaker {
    private final SimulatedExchange exchange;
    private final SplittableRandom random;
    private final Map<String, MarketMakerConfig> configs = new LinkedHashMap<>();
    private final Map<String, Long> mids = new LinkedHashMap<>();

    public MarketMaker(SimulatedExchange exchange, List<MarketMakerConfig> configs, long seed) {
        this.exchange = exchange;
        this.random = new SplittableRandom(seed);
        for (MarketMakerConfig config : configs) {
            SymbolRules rules = exchange.rules(config.symbol())
                .orElseThrow(() -> new IllegalArgumentException("market maker for unknown symbol " + config.symbol()));
            this.configs.put(config.symbol(), config);
            mids.put(config.symbol(), rules.roundPriceDown(config.startMid()));
        }
        ensureAccounts();
    }

    /** Creates the maker and taker accounts (no fees, deep balances) if the exchange lacks them. */
    private void ensureAccounts() {
        Map<String, Long> deep = new LinkedHashMap<>();
        for (SymbolRules rules : exchange.allRules()) {
            deep.put(rules.baseAsset(), Amounts.of("1000000"));
            deep.put(rules.quoteAsset(), Amounts.of("1000000000"));
        }
        for (String id : List.of(ExchangeConfig.MAKER_ACCOUNT, ExchangeConfig.TAKER_ACCOUNT)) {
            if (!exchange.hasAccount(id)) {
                exchange.addAccount(new AccountConfig(id, deep, 0, 0, false));
            }
        }
    }

    /** Current mid of a symbol. */
    public long mid(String symbol) {
        return mids.get(symbol);
    }

    /** Places the first quotes. */
    public void start() {
        exchange.batch(() -> configs.values().forEach(this::requote));
    }

    /** One tick: move every mid, requote, and maybe trade. */
    public void step() {
        for (MarketMakerConfig config : configs.values()) {
            SymbolRules rules = exchange.rules(config.symbol()).orElseThrow();
            int move = config.maxStepTicks() == 0 ? 0 : random.nextInt(-config.maxStepTicks(), config.maxStepTicks() + 1);
            long floor = config.floorMid(rules.tickSize());
            mids.put(config.symbol(), Math.max(floor, mids.get(config.symbol()) + move * rules.tickSize()));
            exchange.batch(() -> requote(config));
            if (random.nextDouble() < config.tradeProbability()) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                exchange.submit(NewOrder.market(ExchangeConfig.TAKER_ACCOUNT, config.symbol(), side, config.takerQty(), null));
            }
        }
    }

    private void requote(MarketMakerConfig config) {
        String symbol = config.symbol();
        exchange.cancelAll(ExchangeConfig.MAKER_ACCOUNT, symbol);
        SymbolRules rules = exchange.rules(symbol).orElseThrow();
        List<NewOrder> quotes = new ArrayList<>();
        config.forEachQuote(mids.get(symbol), rules.tickSize(), (side, price, qty) ->
            quotes.add(NewOrder.limit(ExchangeConfig.MAKER_ACCOUNT, symbol, side, TimeInForce.GTC, price, qty, null)));
        quotes.forEach(exchange::submit);
    }
}
