package io.meridian.simulators.fix;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The venue's positions, built from its own client fills: per account and symbol, the quantity
 * bought and sold, their notionals and the last fill price. An order's account is its Account (1),
 * or the client's CompID when it had none. Guarded by the venue lock.
 */
final class PositionBook {
    /** One account's position in one symbol. */
    static final class Position {
        final String account;
        final String symbol;
        BigDecimal bought = BigDecimal.ZERO;
        BigDecimal sold = BigDecimal.ZERO;
        BigDecimal boughtNotional = BigDecimal.ZERO;
        BigDecimal soldNotional = BigDecimal.ZERO;
        BigDecimal lastPx = BigDecimal.ZERO;

        Position(String account, String symbol) {
            this.account = account;
            this.symbol = symbol;
        }

        BigDecimal net() {
            return bought.subtract(sold);
        }
    }

    private final Map<String, Map<String, Position>> byAccount = new TreeMap<>();

    /** The account a client order's fills count for. */
    static String accountOf(ClientOrder order) {
        return order.account != null && !order.account.isEmpty() ? order.account : order.session.getTargetCompID();
    }

    void onFill(ClientOrder order, BigDecimal qty, BigDecimal price) {
        Position position = byAccount.computeIfAbsent(accountOf(order), a -> new TreeMap<>())
            .computeIfAbsent(order.symbol, s -> new Position(accountOf(order), s));
        BigDecimal notional = qty.multiply(price);
        if (order.side == quickfix.field.Side.BUY) {
            position.bought = position.bought.add(qty);
            position.boughtNotional = position.boughtNotional.add(notional);
        } else {
            position.sold = position.sold.add(qty);
            position.soldNotional = position.soldNotional.add(notional);
        }
        position.lastPx = price;
    }

    /**
     * Moves a position outside the fills (a transfer, a correction the client never heard of): a
     * positive delta adds to the quantity bought, a negative one to the quantity sold, each valued
     * at the position's last price so the trade variation is unchanged.
     */
    void adjust(String account, String symbol, BigDecimal delta) {
        Position position = byAccount.computeIfAbsent(account, a -> new TreeMap<>())
            .computeIfAbsent(symbol, s -> new Position(account, s));
        if (delta.signum() > 0) {
            position.bought = position.bought.add(delta);
            position.boughtNotional = position.boughtNotional.add(delta.multiply(position.lastPx));
        } else {
            position.sold = position.sold.add(delta.negate());
            position.soldNotional = position.soldNotional.add(delta.negate().multiply(position.lastPx));
        }
    }

    /** The account's positions by symbol name, all or only {@code symbol} (null: all). */
    List<Position> positions(String account, String symbol) {
        Map<String, Position> positions = byAccount.getOrDefault(account, Map.of());
        List<Position> out = new ArrayList<>();
        positions.values().stream().filter(p -> symbol == null || symbol.equals(p.symbol)).forEach(out::add);
        return out;
    }
}
