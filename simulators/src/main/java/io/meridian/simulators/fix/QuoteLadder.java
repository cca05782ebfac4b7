package io.meridian.simulators.fix;

import io.meridian.simulators.exchange.ExchangeConfig;
import io.meridian.simulators.exchange.MarketMakerConfig;
import io.meridian.simulators.exchange.SymbolRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A symbol the FIX venue's market maker quotes as the crypto exchanges' maker does: a ladder of
 * {@link MarketMakerConfig#levels()} a side around a mid that walks up to
 * {@link MarketMakerConfig#maxStepTicks()} ticks a step. Scaled by 10^8, as the venue's books are.
 *
 * @param maker    the ladder and walk (the taker fields are not used: the venue has no taker account)
 * @param tickSize the price tick, scaled
 */
public record QuoteLadder(MarketMakerConfig maker, long tickSize) {

    public QuoteLadder {
        Objects.requireNonNull(maker, "maker");
        if (tickSize <= 0) {
            throw new IllegalArgumentException("tickSize must be positive: " + tickSize);
        }
    }

    public String symbol() {
        return maker.symbol();
    }

    /**
     * BTC-USDT around 60000 and ETH-USDT around 3000, exactly the ladders (levels, spacing, quantity,
     * walk) and ticks of the Binance and OKX simulators' standard listing, named as OKX names them.
     */
    public static List<QuoteLadder> cryptoStandard() {
        ExchangeConfig standard = ExchangeConfig.standard("FIX", (base, quote) -> base + "-" + quote, 0);
        List<QuoteLadder> ladders = new ArrayList<>();
        for (MarketMakerConfig maker : standard.makers()) {
            SymbolRules rules = standard.symbols().stream().filter(r -> r.symbol().equals(maker.symbol())).findFirst()
                .orElseThrow();
            ladders.add(new QuoteLadder(maker, rules.tickSize()));
        }
        return List.copyOf(ladders);
    }
}
