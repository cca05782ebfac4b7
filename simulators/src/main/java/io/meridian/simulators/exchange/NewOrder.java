package io.meridian.simulators.exchange;

import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import java.util.Objects;

/**
 * A new order as a front end decoded it. Prices and quantities are scaled longs.
 *
 * @param qty           base quantity; for a MARKET BUY it may be 0 when {@code quoteQty} is set
 * @param quoteQty      for MARKET orders sized in the quote asset (Binance quoteOrderQty, OKX tgtCcy), else 0
 * @param clientOrderId the client's id, unique among the account's open orders; null lets the exchange pick one
 */
public record NewOrder(
    String account,
    String symbol,
    Side side,
    OrdType type,
    TimeInForce tif,
    long price,
    long qty,
    long quoteQty,
    String clientOrderId) {

    public NewOrder {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tif, "tif");
    }

    public static NewOrder limit(String account, String symbol, Side side, TimeInForce tif, long price, long qty, String clientOrderId) {
        return new NewOrder(account, symbol, side, OrdType.LIMIT, tif, price, qty, 0, clientOrderId);
    }

    public static NewOrder market(String account, String symbol, Side side, long qty, String clientOrderId) {
        return new NewOrder(account, symbol, side, OrdType.MARKET, TimeInForce.IOC, 0, qty, 0, clientOrderId);
    }

    public static NewOrder limitMaker(String account, String symbol, Side side, long price, long qty, String clientOrderId) {
        return new NewOrder(account, symbol, side, OrdType.LIMIT_MAKER, TimeInForce.GTC, price, qty, 0, clientOrderId);
    }
}
