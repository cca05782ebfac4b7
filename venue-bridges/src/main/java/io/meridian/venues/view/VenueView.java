package io.meridian.venues.view;

import java.math.BigDecimal;
import java.util.List;

/**
 * The venue's own view of our business with it at one moment.
 *
 * @param openOrders       every order the venue holds open for our account/session.
 * @param trades           our trades after the requested trade ids, oldest first per symbol.
 * @param balances         per asset, as the venue reports them (empty where the venue has none).
 * @param positions        per (account, symbol), where the venue offers positions (FIX AN).
 * @param balancesAsked    false when balances/positions were not asked or the venue does not offer
 *                         them: their absence then says nothing.
 */
public record VenueView(
    int venueId, long askedAtNanos, long answeredAtNanos, List<OpenOrder> openOrders, List<Trade> trades,
    List<Balance> balances, List<Position> positions, boolean balancesAsked)
{
    public VenueView
    {
        openOrders = List.copyOf(openOrders);
        trades = List.copyOf(trades);
        balances = List.copyOf(balances);
        positions = List.copyOf(positions);
    }

    /**
     * An order the venue holds open.
     *
     * @param clOrdId  the client order id Meridian sent to the venue (the venue's clientOrderId /
     *                 clOrdId / ClOrdID (11)); empty when the venue has none for it.
     * @param side     FIX Side: '1' buy, '2' sell.
     * @param status   FIX OrdStatus (39) as the venue maps it: '0' new, '1' partially filled, 'E', ...
     */
    public record OpenOrder(
        String clOrdId, String venueOrderId, String symbol, char side, BigDecimal orderQty, BigDecimal price,
        BigDecimal cumQty, BigDecimal leavesQty, char status)
    {
    }

    /**
     * One of our trades (a fill) as the venue recorded it.
     *
     * @param clOrdId   as in {@link OpenOrder#clOrdId()}; empty when the venue does not say.
     * @param fee       positive is a cost; {@code feeAsset} empty when none.
     */
    public record Trade(
        String venueTradeId, String clOrdId, String venueOrderId, String symbol, char side, BigDecimal qty,
        BigDecimal price, BigDecimal fee, String feeAsset, long venueTimeNanos)
    {
    }

    /** An asset balance: {@code total} = free + locked. */
    public record Balance(String asset, BigDecimal free, BigDecimal locked, long venueTimeNanos)
    {
        public BigDecimal total()
        {
            return free.add(locked);
        }
    }

    /** A position the venue reports (FIX PositionReport): net = long - short. */
    public record Position(String account, String symbol, BigDecimal longQty, BigDecimal shortQty)
    {
        public BigDecimal net()
        {
            return longQty.subtract(shortQty);
        }
    }
}
