package io.meridian.simulators.binance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.exchange.Balance;
import io.meridian.simulators.exchange.SymbolRules;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /sapi/v1/capital/config/getall} ("All Coins' Information"): every asset the simulated
 * venue lists, with the account's balance and one deposit/withdraw network each, in Binance's
 * documented shape. The networks are plausible fixed values; the simulator moves no coins.
 */
final class BinanceCoins {
    /** Name, network, network name, address regex, withdraw fee and minimum of the assets we know. */
    private record Coin(String name, String network, String networkName, String addressRegex, String withdrawFee, String withdrawMin) {
    }

    private static final String EVM_ADDRESS = "^(0x)[0-9A-Fa-f]{40}$";
    private static final Map<String, Coin> KNOWN = Map.of(
        "BTC", new Coin("Bitcoin", "BTC", "Bitcoin", "^[13][a-km-zA-HJ-NP-Z1-9]{25,34}$|^(bc1)[0-9A-Za-z]{39,59}$", "0.00002", "0.0001"),
        "ETH", new Coin("Ethereum", "ETH", "Ethereum (ERC20)", EVM_ADDRESS, "0.0008", "0.0016"),
        "USDT", new Coin("TetherUS", "ETH", "Ethereum (ERC20)", EVM_ADDRESS, "4", "10"),
        "USDC", new Coin("USD Coin", "ETH", "Ethereum (ERC20)", EVM_ADDRESS, "4", "10"));

    private BinanceCoins() {
    }

    /** One entry per listed asset (base and quote of every symbol) and per asset the account holds. */
    static ArrayNode coins(List<SymbolRules> symbols, List<Balance> balances) {
        Map<String, Balance> held = new LinkedHashMap<>();
        balances.forEach(b -> held.put(b.asset(), b));
        Set<String> assets = new LinkedHashSet<>();
        symbols.forEach(rules -> {
            assets.add(rules.baseAsset());
            assets.add(rules.quoteAsset());
        });
        assets.addAll(held.keySet());
        ArrayNode out = BinanceJson.array();
        for (String asset : assets) {
            Coin coin = KNOWN.getOrDefault(asset, new Coin(asset, asset, asset, EVM_ADDRESS, "0", "0"));
            Balance balance = held.get(asset);
            ObjectNode node = out.addObject();
            node.put("coin", asset).put("depositAllEnable", true).put("withdrawAllEnable", true).put("name", coin.name())
                .put("free", BinanceJson.dec(balance == null ? 0 : balance.free()))
                .put("locked", BinanceJson.dec(balance == null ? 0 : balance.locked()))
                .put("freeze", "0").put("withdrawing", "0").put("ipoing", "0").put("ipoable", "0").put("storage", "0")
                .put("isLegalMoney", false).put("trading", true);
            node.putArray("networkList").addObject()
                .put("network", coin.network()).put("coin", asset).put("withdrawIntegerMultiple", "0.00000001")
                .put("isDefault", true).put("depositEnable", true).put("withdrawEnable", true)
                .put("depositDesc", "").put("withdrawDesc", "").put("specialTips", "").put("specialWithdrawTips", "")
                .put("name", coin.networkName()).put("resetAddressStatus", false).put("addressRegex", coin.addressRegex())
                .put("memoRegex", "").put("withdrawFee", coin.withdrawFee()).put("withdrawMin", coin.withdrawMin())
                .put("withdrawMax", "9999999999.99999999").put("withdrawInternalMin", "0.00000001")
                .put("depositDust", "0.00000001").put("minConfirm", 1).put("unLockConfirm", 0).put("sameAddress", false)
                .put("withdrawTag", false).put("estimatedArrivalTime", 5).put("busy", false)
                .put("contractAddressUrl", "").put("contractAddress", "");
        }
        return out;
    }
}
