package io.meridian.simulators.matching;

import java.util.ArrayList;
import java.util.List;

/** Records engine events as compact strings (for comparisons) and typed values. */
final class RecordingListener implements MatchingListener {
    final List<String> events = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<Long> timestamps = new ArrayList<>();

    @Override
    public void onAccepted(OrderState order, long timestampNanos) {
        events.add("ACCEPTED " + order.orderId());
        timestamps.add(timestampNanos);
    }

    @Override
    public void onTrade(Trade trade) {
        trades.add(trade);
        events.add("TRADE maker=" + trade.maker().orderId() + " taker=" + trade.taker().orderId()
            + " px=" + trade.price() + " qty=" + trade.qty());
        timestamps.add(trade.timestampNanos());
    }

    @Override
    public void onCanceled(OrderState order, long canceledQty, long timestampNanos) {
        events.add("CANCELED " + order.orderId() + " qty=" + canceledQty);
        timestamps.add(timestampNanos);
    }

    @Override
    public void onExpired(OrderState order, long expiredQty, long timestampNanos) {
        events.add("EXPIRED " + order.orderId() + " qty=" + expiredQty);
        timestamps.add(timestampNanos);
    }

    @Override
    public void onReplaced(OrderState before, OrderState after, long timestampNanos) {
        events.add("REPLACED " + after.orderId() + " qty=" + after.qty() + " px=" + after.price());
        timestamps.add(timestampNanos);
    }

    @Override
    public void onRejected(Rejection rejection) {
        rejections.add(rejection);
        events.add("REJECTED " + rejection.request() + " " + rejection.orderId() + " " + rejection.reason());
        timestamps.add(rejection.timestampNanos());
    }

    List<String> drain() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }
}
