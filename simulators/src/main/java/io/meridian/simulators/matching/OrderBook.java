package io.meridian.simulators.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The limit order book of one symbol with price-time priority. Trades happen at the resting
 * (maker) price. Not thread-safe: one thread drives it and receives its events.
 */
public final class OrderBook {
    private final String symbol;
    private final MatchingListener listener;
    private final MatchingClock clock;
    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);
    private final Map<Long, Order> liveOrders = new HashMap<>();
    private long nextSequence = 1;
    private long nextTradeId = 1;

    public OrderBook(String symbol, MatchingListener listener, MatchingClock clock) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String symbol() {
        return symbol;
    }

    /** Validates, accepts, matches and rests or expires a new order. Returns whether it was accepted. */
    public boolean submit(OrderRequest request) {
        long now = clock.epochNanos();
        RejectReason reason = validate(request);
        if (reason != null) {
            listener.onRejected(new Rejection(RequestType.NEW_ORDER, request.orderId(), request.symbol(), reason, now));
            return false;
        }
        Order order = new Order(request, nextSequence++);
        if (order.postOnly && wouldCross(order.side, order.price)) {
            listener.onRejected(new Rejection(RequestType.NEW_ORDER, order.orderId, symbol, RejectReason.POST_ONLY_WOULD_CROSS, now));
            return false;
        }
        listener.onAccepted(order.state(), now);
        if (order.tif == TimeInForce.FOK && !canFill(order)) {
            expire(order, now);
            return true;
        }
        match(order, now);
        if (order.leavesQty() > 0) {
            if (order.type == OrderType.LIMIT && order.tif.rests()) {
                rest(order);
            } else {
                expire(order, now);
            }
        }
        return true;
    }

    /** Cancels a live order. Returns whether it was canceled. */
    public boolean cancel(long orderId) {
        long now = clock.epochNanos();
        Order order = liveOrders.get(orderId);
        if (order == null) {
            listener.onRejected(new Rejection(RequestType.CANCEL, orderId, symbol, RejectReason.UNKNOWN_ORDER, now));
            return false;
        }
        cancel(order, now);
        return true;
    }

    /**
     * Amends a live order to a new total quantity and price. Quantity down at the same price keeps
     * time priority; a price change or quantity up loses it, and a new price that crosses trades.
     */
    public boolean replace(long orderId, long newQty, long newPrice) {
        long now = clock.epochNanos();
        Order order = liveOrders.get(orderId);
        RejectReason reason = validateReplace(order, newQty, newPrice);
        if (reason != null) {
            listener.onRejected(new Rejection(RequestType.REPLACE, orderId, symbol, reason, now));
            return false;
        }
        OrderState before = order.state();
        if (newPrice == order.price && newQty <= order.qty) {
            order.level.reduce(order.qty - newQty);
            order.qty = newQty;
            listener.onReplaced(before, order.state(), now);
            return true;
        }
        sideOf(order.side).remove(order);
        order.qty = newQty;
        order.price = newPrice;
        order.sequence = nextSequence++;
        listener.onReplaced(before, order.state(), now);
        match(order, now);
        if (order.leavesQty() > 0) {
            sideOf(order.side).add(order);
        } else {
            liveOrders.remove(order.orderId);
        }
        return true;
    }

    /** Cancels every resting order, oldest first per side (bids, then asks). */
    public void cancelAll() {
        long now = clock.epochNanos();
        for (BookSide bookSide : List.of(bids, asks)) {
            PriceLevel level;
            while ((level = bookSide.best()) != null) {
                cancel(level.head, now);
            }
        }
    }

    /** Aggregated levels, best first. */
    public BookSnapshot snapshot() {
        return new BookSnapshot(symbol, bids.snapshot(), asks.snapshot());
    }

    /** Open quantity resting at {@code price} on {@code side}; zero when there is no such level. */
    public long levelQty(Side side, long price) {
        return sideOf(side).levelQty(price);
    }

    /** The best {@code depth} levels of one side, best first. */
    public List<BookSnapshot.Level> levels(Side side, int depth) {
        return sideOf(side).snapshot(depth);
    }

    /** Resting orders of one side in priority order. */
    public List<OrderState> restingOrders(Side side) {
        return sideOf(side).orders();
    }

    /** A live order by id. */
    public Optional<OrderState> liveOrder(long orderId) {
        Order order = liveOrders.get(orderId);
        return order == null ? Optional.empty() : Optional.of(order.state());
    }

    private RejectReason validate(OrderRequest request) {
        if (!symbol.equals(request.symbol())) {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        if (request.qty() <= 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (request.type() == OrderType.LIMIT && request.price() <= 0) {
            return RejectReason.INVALID_PRICE;
        }
        if (request.postOnly() && (request.type() != OrderType.LIMIT || !request.tif().rests())) {
            return RejectReason.UNSUPPORTED_ORDER;
        }
        if (liveOrders.containsKey(request.orderId())) {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        return null;
    }

    private RejectReason validateReplace(Order order, long newQty, long newPrice) {
        if (order == null) {
            return RejectReason.UNKNOWN_ORDER;
        }
        if (newQty <= 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (newQty <= order.filledQty) {
            return RejectReason.QUANTITY_NOT_ABOVE_FILLED;
        }
        if (newPrice <= 0) {
            return RejectReason.INVALID_PRICE;
        }
        if (order.postOnly && newPrice != order.price && wouldCross(order.side, newPrice)) {
            return RejectReason.POST_ONLY_WOULD_CROSS;
        }
        return null;
    }

    private boolean wouldCross(Side side, long price) {
        PriceLevel best = sideOf(side.opposite()).best();
        return best != null && sideOf(side).crosses(price, best.price);
    }

    private boolean canFill(Order order) {
        long needed = order.leavesQty();
        BookSide own = sideOf(order.side);
        for (PriceLevel level : sideOf(order.side.opposite()).levelsBestFirst()) {
            if (order.type == OrderType.LIMIT && !own.crosses(order.price, level.price)) {
                return false;
            }
            needed -= level.totalQty;
            if (needed <= 0) {
                return true;
            }
        }
        return false;
    }

    private void match(Order taker, long now) {
        BookSide own = sideOf(taker.side);
        BookSide opposite = sideOf(taker.side.opposite());
        PriceLevel level;
        while (taker.leavesQty() > 0 && (level = opposite.best()) != null) {
            if (taker.type == OrderType.LIMIT && !own.crosses(taker.price, level.price)) {
                return;
            }
            Order maker = level.head;
            long qty = Math.min(taker.leavesQty(), maker.leavesQty());
            maker.fill(qty);
            level.reduce(qty);
            taker.fill(qty);
            if (maker.leavesQty() == 0) {
                opposite.remove(maker);
                liveOrders.remove(maker.orderId);
            }
            listener.onTrade(new Trade(nextTradeId++, symbol, level.price, qty, maker.state(), taker.state(), now));
        }
    }

    private void rest(Order order) {
        sideOf(order.side).add(order);
        liveOrders.put(order.orderId, order);
    }

    private void expire(Order order, long now) {
        long expiredQty = order.leavesQty();
        order.status = OrderStatus.EXPIRED;
        listener.onExpired(order.state(), expiredQty, now);
    }

    private void cancel(Order order, long now) {
        long canceledQty = order.leavesQty();
        sideOf(order.side).remove(order);
        liveOrders.remove(order.orderId);
        order.status = OrderStatus.CANCELED;
        listener.onCanceled(order.state(), canceledQty, now);
    }

    private BookSide sideOf(Side side) {
        return side == Side.BUY ? bids : asks;
    }
}
