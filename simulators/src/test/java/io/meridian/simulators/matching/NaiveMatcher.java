package io.meridian.simulators.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Obviously-correct reference for one book: a flat list of resting orders, sorted on every use.
 * Produces the same event strings as {@link RecordingListener}.
 */
final class NaiveMatcher {
    private static final class RefOrder {
        final long id;
        final Side side;
        final boolean postOnly;
        long price;
        long qty;
        long filled;
        long seq;

        RefOrder(long id, Side side, boolean postOnly, long price, long qty, long seq) {
            this.id = id;
            this.side = side;
            this.postOnly = postOnly;
            this.price = price;
            this.qty = qty;
            this.seq = seq;
        }

        long leaves() {
            return qty - filled;
        }
    }

    private final List<RefOrder> resting = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private long seq;

    List<String> drain() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    void submit(OrderRequest r) {
        if (r.qty() <= 0) {
            reject("NEW_ORDER", r.orderId(), RejectReason.INVALID_QUANTITY);
        } else if (r.type() == OrderType.LIMIT && r.price() <= 0) {
            reject("NEW_ORDER", r.orderId(), RejectReason.INVALID_PRICE);
        } else if (r.postOnly() && (r.type() != OrderType.LIMIT || !r.tif().rests())) {
            reject("NEW_ORDER", r.orderId(), RejectReason.UNSUPPORTED_ORDER);
        } else if (find(r.orderId()).isPresent()) {
            reject("NEW_ORDER", r.orderId(), RejectReason.DUPLICATE_ORDER_ID);
        } else if (r.postOnly() && !crossing(r.side(), r.type(), r.price()).isEmpty()) {
            reject("NEW_ORDER", r.orderId(), RejectReason.POST_ONLY_WOULD_CROSS);
        } else {
            RefOrder order = new RefOrder(r.orderId(), r.side(), r.postOnly(), r.price(), r.qty(), ++seq);
            events.add("ACCEPTED " + order.id);
            long available = crossing(r.side(), r.type(), r.price()).stream().mapToLong(RefOrder::leaves).sum();
            if (r.tif() == TimeInForce.FOK && available < r.qty()) {
                events.add("EXPIRED " + order.id + " qty=" + order.qty);
                return;
            }
            match(order, r.type());
            if (order.leaves() > 0) {
                if (r.type() == OrderType.LIMIT && r.tif().rests()) {
                    resting.add(order);
                } else {
                    events.add("EXPIRED " + order.id + " qty=" + order.leaves());
                }
            }
        }
    }

    void cancel(long id) {
        Optional<RefOrder> order = find(id);
        if (order.isEmpty()) {
            reject("CANCEL", id, RejectReason.UNKNOWN_ORDER);
            return;
        }
        resting.remove(order.get());
        events.add("CANCELED " + id + " qty=" + order.get().leaves());
    }

    void replace(long id, long newQty, long newPrice) {
        Optional<RefOrder> found = find(id);
        if (found.isEmpty()) {
            reject("REPLACE", id, RejectReason.UNKNOWN_ORDER);
            return;
        }
        RefOrder order = found.get();
        if (newQty <= 0) {
            reject("REPLACE", id, RejectReason.INVALID_QUANTITY);
        } else if (newQty <= order.filled) {
            reject("REPLACE", id, RejectReason.QUANTITY_NOT_ABOVE_FILLED);
        } else if (newPrice <= 0) {
            reject("REPLACE", id, RejectReason.INVALID_PRICE);
        } else if (order.postOnly && newPrice != order.price
            && !crossing(order.side, OrderType.LIMIT, newPrice).isEmpty()) {
            reject("REPLACE", id, RejectReason.POST_ONLY_WOULD_CROSS);
        } else {
            boolean keepsPriority = newPrice == order.price && newQty <= order.qty;
            order.qty = newQty;
            order.price = newPrice;
            if (!keepsPriority) {
                order.seq = ++seq;
            }
            events.add("REPLACED " + id + " qty=" + newQty + " px=" + newPrice);
            resting.remove(order);
            match(order, OrderType.LIMIT);
            if (order.leaves() > 0) {
                resting.add(order);
            }
        }
    }

    /** Resting orders of a side in priority order, as "id@price:leaves". */
    List<String> resting(Side side) {
        return resting.stream().filter(o -> o.side == side).sorted(priority(side))
            .map(o -> o.id + "@" + o.price + ":" + o.leaves()).toList();
    }

    private void match(RefOrder taker, OrderType type) {
        while (taker.leaves() > 0) {
            List<RefOrder> makers = crossing(taker.side, type, taker.price);
            if (makers.isEmpty()) {
                return;
            }
            RefOrder maker = makers.get(0);
            long qty = Math.min(taker.leaves(), maker.leaves());
            maker.filled += qty;
            taker.filled += qty;
            if (maker.leaves() == 0) {
                resting.remove(maker);
            }
            events.add("TRADE maker=" + maker.id + " taker=" + taker.id + " px=" + maker.price + " qty=" + qty);
        }
    }

    private List<RefOrder> crossing(Side side, OrderType type, long price) {
        Side opposite = side.opposite();
        return resting.stream()
            .filter(o -> o.side == opposite)
            .filter(o -> type == OrderType.MARKET || (side == Side.BUY ? price >= o.price : price <= o.price))
            .sorted(priority(opposite))
            .toList();
    }

    private static Comparator<RefOrder> priority(Side side) {
        Comparator<RefOrder> byPrice = Comparator.comparingLong(o -> o.price);
        return (side == Side.BUY ? byPrice.reversed() : byPrice).thenComparingLong(o -> o.seq);
    }

    private Optional<RefOrder> find(long id) {
        return resting.stream().filter(o -> o.id == id).findFirst();
    }

    private void reject(String request, long id, RejectReason reason) {
        events.add("REJECTED " + request + " " + id + " " + reason);
    }
}
