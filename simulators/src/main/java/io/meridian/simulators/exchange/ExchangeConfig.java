package io.meridian.simulators.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * Everything an exchange starts from: listed symbols, accounts, market-maker quoting and the seed
 * that makes its random walk reproducible.
 */
public record ExchangeConfig(String venue, List<SymbolRules> symbols, List<AccountConfig> accounts,
                             List<MarketMakerConfig> makers, long seed) {
    /** Account the market maker quotes from (created automatically when makers are configured). */
    public static final String MAKER_ACCOUNT = "sim-market-maker";
    /** Account that occasionally takes liquidity so that trade streams are alive. */
    public static final String TAKER_ACCOUNT = "sim-taker";

    public ExchangeConfig {
        Objects.requireNonNull(venue, "venue");
        symbols = List.copyOf(symbols);
        accounts = List.copyOf(accounts);
        makers = List.copyOf(makers);
    }

    /** The same config with another seed. */
    public ExchangeConfig withSeed(long newSeed) {
        return new ExchangeConfig(venue, symbols, accounts, makers, newSeed);
    }

    /** The same config with other accounts. */
    public ExchangeConfig withAccounts(List<AccountConfig> newAccounts) {
        return new ExchangeConfig(venue, symbols, newAccounts, makers, seed);
    }

    /** The same config with other market-maker settings (empty: no market maker, an empty book). */
    public ExchangeConfig withMakers(List<MarketMakerConfig> newMakers) {
        return new ExchangeConfig(venue, symbols, accounts, newMakers, seed);
    }

    /**
     * The standard listing: BTC and ETH against USDT, two trading accounts {@code trader1} and
     * {@code trader2} (100000 USDT, 10 BTC, 100 ETH; maker 0.08 %, taker 0.1 %) and a market maker
     * around 60000 and 3000. {@code symbolName} builds the venue's symbol from base and quote
     * ({@code (b, q) -> b + q} for Binance, {@code (b, q) -> b + "-" + q} for OKX).
     */
    public static ExchangeConfig standard(String venue, BinaryOperator<String> symbolName, long seed) {
        String btc = symbolName.apply("BTC", "USDT");
        String eth = symbolName.apply("ETH", "USDT");
        List<SymbolRules> symbols = List.of(
            SymbolRules.of(btc, "BTC", "USDT", "0.01", "0.01", "1000000", "0.00001", "0.00001", "9000", "5"),
            SymbolRules.of(eth, "ETH", "USDT", "0.01", "0.01", "1000000", "0.0001", "0.0001", "9000", "5"));
        List<AccountConfig> accounts = new ArrayList<>();
        for (String id : List.of("trader1", "trader2")) {
            accounts.add(AccountConfig.of(id, Map.of("USDT", "100000", "BTC", "10", "ETH", "100"), "0.0008", "0.001"));
        }
        List<MarketMakerConfig> makers = List.of(
            new MarketMakerConfig(btc, Amounts.of("60000"), 10, 50, Amounts.of("0.5"), 20, 0.3, Amounts.of("0.01")),
            new MarketMakerConfig(eth, Amounts.of("3000"), 10, 10, Amounts.of("5"), 10, 0.3, Amounts.of("0.2")));
        return new ExchangeConfig(venue, symbols, accounts, makers, seed);
    }
}
