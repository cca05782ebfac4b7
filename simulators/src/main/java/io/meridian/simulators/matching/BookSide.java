package io.meridian.simulators.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** One side of a book: price levels ordered best first. */
final class BookSide {
    private final Side side;
    private final TreeMap<Long, PriceLevel> levels;

    BookSide(Side side) {
        this.side = side;
        this.levels = new TreeMap<>(side == Side.BUY ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
    }

    PriceLevel best() {
        var entry = levels.firstEntry();
        return entry == null ? null : entry.getValue();
    }

    void add(Order order) {
        levels.computeIfAbsent(order.price, PriceLevel::new).append(order);
    }

    void remove(Order order) {
        PriceLevel level = order.level;
        level.remove(order);
        if (level.isEmpty()) {
            levels.remove(level.price);
        }
    }

    /** Whether a price on the opposite side at {@code otherPrice} can trade with this side's {@code price}. */
    boolean crosses(long price, long otherPrice) {
        return side == Side.BUY ? price >= otherPrice : price <= otherPrice;
    }

    Iterable<PriceLevel> levelsBestFirst() {
        return levels.values();
    }

    List<BookSnapshot.Level> snapshot() {
        return snapshot(Integer.MAX_VALUE);
    }

    List<BookSnapshot.Level> snapshot(int depth) {
        List<BookSnapshot.Level> result = new ArrayList<>(Math.min(depth, levels.size()));
        for (PriceLevel level : levels.values()) {
            if (result.size() >= depth) {
                break;
            }
            result.add(new BookSnapshot.Level(level.price, level.totalQty, level.orderCount));
        }
        return result;
    }

    long levelQty(long price) {
        PriceLevel level = levels.get(price);
        return level == null ? 0 : level.totalQty;
    }

    List<OrderState> orders() {
        List<OrderState> result = new ArrayList<>();
        for (PriceLevel level : levels.values()) {
            for (Order order = level.head; order != null; order = order.next) {
                result.add(order.state());
            }
        }
        return result;
    }

    Side side() {
        return side;
    }
}
