package io.meridian.simulators.matching;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The order books of one venue, keyed by symbol, plus the venue's order id sequence. Routes
 * requests to the right {@link OrderBook}; requests for symbols it does not list are rejected
 * with {@link RejectReason#UNKNOWN_SYMBOL}. Single-threaded, like the books.
 */
public final class MatchingEngine {
    private final MatchingListener listener;
    private final MatchingClock clock;
    private final Map<String, OrderBook> books = new LinkedHashMap<>();
    private long nextOrderId = 1;

    public MatchingEngine(MatchingListener listener, MatchingClock clock) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Lists a symbol (idempotent) and returns its book. */
    public OrderBook addSymbol(String symbol) {
        return books.computeIfAbsent(symbol, s -> new OrderBook(s, listener, clock));
    }

    public Set<String> symbols() {
        return Collections.unmodifiableSet(books.keySet());
    }

    public Optional<OrderBook> book(String symbol) {
        return Optional.ofNullable(books.get(symbol));
    }

    /** A fresh venue order id. */
    public long nextOrderId() {
        return nextOrderId++;
    }

    public boolean submit(OrderRequest request) {
        OrderBook book = books.get(request.symbol());
        if (book == null) {
            listener.onRejected(new Rejection(RequestType.NEW_ORDER, request.orderId(), request.symbol(),
                RejectReason.UNKNOWN_SYMBOL, clock.epochNanos()));
            return false;
        }
        return book.submit(request);
    }

    public boolean cancel(String symbol, long orderId) {
        OrderBook book = books.get(symbol);
        if (book == null) {
            listener.onRejected(new Rejection(RequestType.CANCEL, orderId, symbol, RejectReason.UNKNOWN_ORDER, clock.epochNanos()));
            return false;
        }
        return book.cancel(orderId);
    }

    public boolean replace(String symbol, long orderId, long newQty, long newPrice) {
        OrderBook book = books.get(symbol);
        if (book == null) {
            listener.onRejected(new Rejection(RequestType.REPLACE, orderId, symbol, RejectReason.UNKNOWN_ORDER, clock.epochNanos()));
            return false;
        }
        return book.replace(orderId, newQty, newPrice);
    }
}
