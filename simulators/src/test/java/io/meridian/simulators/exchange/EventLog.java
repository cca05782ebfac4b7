package io.meridian.simulators.exchange;

import java.util.ArrayList;
import java.util.List;

/** Records every exchange event in order, for assertions and run-to-run comparisons. */
final class EventLog implements ExchangeListener {
    final List<Object> events = new ArrayList<>();

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        events.add(update);
    }

    @Override
    public void onTradePrint(TradePrint trade) {
        events.add(trade);
    }

    @Override
    public void onBalanceChange(BalanceChange change) {
        events.add(change);
    }

    @Override
    public void onDepthDiff(DepthDiff diff) {
        events.add(diff);
    }

    @Override
    public void onBookTop(BookTop top) {
        events.add(top);
    }

    <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
