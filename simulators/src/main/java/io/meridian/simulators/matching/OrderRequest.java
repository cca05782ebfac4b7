package io.meridian.simulators.matching;

import java.util.Objects;

/**
 * A new order for the engine. {@code price} is ignored for {@link OrderType#MARKET} orders.
 *
 * @param orderId  engine-wide unique id chosen by the caller (see {@link MatchingEngine#nextOrderId()})
 * @param owner    account owning the order (kept for snapshots and front ends)
 * @param symbol   instrument
 * @param side     buy or sell
 * @param type     limit or market
 * @param tif      time in force
 * @param postOnly reject instead of taking liquidity (LIMIT_MAKER)
 * @param price    scaled limit price
 * @param qty      scaled quantity
 */
public record OrderRequest(
    long orderId,
    String owner,
    String symbol,
    Side side,
    OrderType type,
    TimeInForce tif,
    boolean postOnly,
    long price,
    long qty) {

    public OrderRequest {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tif, "tif");
    }

    /** A limit order that is not post-only. */
    public static OrderRequest limit(long orderId, String owner, String symbol, Side side, TimeInForce tif, long price, long qty) {
        return new OrderRequest(orderId, owner, symbol, side, OrderType.LIMIT, tif, false, price, qty);
    }

    /** A post-only GTC limit order. */
    public static OrderRequest postOnly(long orderId, String owner, String symbol, Side side, long price, long qty) {
        return new OrderRequest(orderId, owner, symbol, side, OrderType.LIMIT, TimeInForce.GTC, true, price, qty);
    }

    /** A market order (IOC semantics unless {@code tif} is FOK). */
    public static OrderRequest market(long orderId, String owner, String symbol, Side side, TimeInForce tif, long qty) {
        return new OrderRequest(orderId, owner, symbol, side, OrderType.MARKET, tif, false, 0, qty);
    }
}
