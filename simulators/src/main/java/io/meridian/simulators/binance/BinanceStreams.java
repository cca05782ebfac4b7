package io.meridian.simulators.binance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.exchange.BalanceChange;
import io.meridian.simulators.exchange.BookTop;
import io.meridian.simulators.exchange.DepthDiff;
import io.meridian.simulators.exchange.ExchangeListener;
import io.meridian.simulators.exchange.ExecType;
import io.meridian.simulators.exchange.OrderUpdate;
import io.meridian.simulators.exchange.PriceQty;
import io.meridian.simulators.exchange.TradePrint;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.net.WebSocketSession;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans exchange events out to Binance streams: market streams ({@code <symbol>@depth},
 * {@code @depth@100ms}, {@code @bookTicker}, {@code @trade}; raw or combined) and user data
 * (executionReport, outboundAccountPosition, balanceUpdate) to WebSocket API subscriptions and
 * listenKey streams. Exchange callbacks and flushes run on the exchange loop; subscriptions come
 * from network threads.
 */
final class BinanceStreams implements ExchangeListener {
    private static final int RECENT_FILLS = 20;

    /** Where one account's user-data events go (a WebSocket API subscription or a listenKey stream). */
    interface UserSink {
        void send(ObjectNode event);

        boolean isOpen();
    }

    private record Sub(WebSocketSession session, boolean combined) {
    }

    private final BinanceSimulator venue;
    private final Map<String, List<Sub>> market = new ConcurrentHashMap<>();
    private final Map<String, List<UserSink>> users = new ConcurrentHashMap<>();
    private final Map<String, PendingDepth> pending100 = new HashMap<>();
    private final Map<String, PendingDepth> pending1000 = new HashMap<>();
    private final Map<String, Deque<ObjectNode>> recentFills = new HashMap<>();
    private final Map<String, List<ObjectNode>> held = new HashMap<>();
    private int ticks;

    /** user data streams ever registered per account (monotonic: tests wait for theirs) */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> userStreamsOpened = new java.util.concurrent.ConcurrentHashMap<>();

    BinanceStreams(BinanceSimulator venue) {
        this.venue = venue;
    }

    // ------------------------------------------------------------ subscriptions (any thread)

    void subscribe(String stream, WebSocketSession session, boolean combined) {
        market.computeIfAbsent(stream.toLowerCase(Locale.ROOT), k -> new CopyOnWriteArrayList<>()).add(new Sub(session, combined));
    }

    void unsubscribe(String stream, WebSocketSession session) {
        List<Sub> subs = market.get(stream.toLowerCase(Locale.ROOT));
        if (subs != null) {
            subs.removeIf(s -> s.session().id() == session.id());
        }
    }

    void unsubscribeAll(WebSocketSession session) {
        market.values().forEach(subs -> subs.removeIf(s -> s.session().id() == session.id()));
    }

    /** Adds a user-data sink; on the loop, replays recent fills when DUPLICATE_FILLS_ON_RECONNECT fires. */
    void addUser(String account, UserSink sink) {
        users.computeIfAbsent(account, k -> new CopyOnWriteArrayList<>()).add(sink);
        userStreamsOpened.merge(account, 1L, Long::sum);
        venue.loop().execute(() -> {
            Optional<FaultSpec> duplicate = venue.faults().fire(FaultType.DUPLICATE_FILLS_ON_RECONNECT, null);
            if (duplicate.isPresent()) {
                Deque<ObjectNode> recent = recentFills.getOrDefault(account, new ArrayDeque<>());
                int count = duplicate.get().param() > 0 ? (int) Math.min(duplicate.get().param(), recent.size()) : recent.size();
                List<ObjectNode> replay = new ArrayList<>(recent).subList(recent.size() - count, recent.size());
                replay.forEach(sink::send);
            }
        });
    }

    long userStreamsOpened(String account) {
        return userStreamsOpened.getOrDefault(account, 0L);
    }

    void removeUser(String account, UserSink sink) {
        List<UserSink> sinks = users.get(account);
        if (sinks != null) {
            sinks.remove(sink);
        }
    }

    /** Forgets per-run state (after a reset). */
    void clear() {
        pending100.clear();
        pending1000.clear();
        recentFills.clear();
        held.clear();
    }

    // ------------------------------------------------------------ exchange events (loop thread)

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        String account = update.order().account();
        if (!hasUsers(account)) {
            return;
        }
        if (venue.forgotten(update.order().orderId())) {
            return;
        }
        if (update.execType() == ExecType.TRADE
            && venue.faults().fire(FaultType.DROP_FILL_EVENTS, update.order().symbol()).isPresent()) {
            // never sent and never replayed: only REST (myTrades, order) knows the trade
            return;
        }
        String rejectReason = null;
        OrderUpdate shown = update;
        if (venue.vanished(update.order().orderId()) && update.execType() == ExecType.CANCELED) {
            rejectReason = "NONE";
            shown = new OrderUpdate(ExecType.REJECTED, withStatusRejected(update), null, null, update.timeNanos());
        }
        ObjectNode event = BinanceJson.executionReport(shown, venue.serverTimeMillis(), rejectReason);
        if (shown.execType() == ExecType.TRADE) {
            if (hasUsers(account)) {
                Deque<ObjectNode> recent = recentFills.computeIfAbsent(account, k -> new ArrayDeque<>());
                recent.addLast(event);
                if (recent.size() > RECENT_FILLS) {
                    recent.removeFirst();
                }
            }
            Optional<FaultSpec> delay = venue.faults().fire(FaultType.DELAY_FILLS, update.order().symbol());
            if (delay.isPresent()) {
                venue.loop().schedule(() -> sendUser(account, event), Math.max(1, delay.get().param()));
                return;
            }
        }
        if (hasUsers(account) && !held.containsKey(account)
            && venue.faults().fire(FaultType.OUT_OF_ORDER_EVENTS, update.order().symbol()).isPresent()) {
            // held back until the account's next event has gone out (or 200 ms pass)
            held.computeIfAbsent(account, k -> new ArrayList<>()).add(event);
            venue.loop().schedule(() -> releaseHeld(account), 200);
            return;
        }
        sendUser(account, event);
    }

    private static io.meridian.simulators.exchange.OrderView withStatusRejected(OrderUpdate update) {
        var o = update.order();
        return new io.meridian.simulators.exchange.OrderView(o.orderId(), o.clientOrderId(), o.account(), o.symbol(), o.side(),
            o.type(), o.tif(), o.price(), o.origQty(), o.executedQty(), o.cumQuoteQty(),
            io.meridian.simulators.exchange.OrdStatus.REJECTED, o.createNanos(), o.updateNanos());
    }

    @Override
    public void onBalanceChange(BalanceChange change) {
        if (!hasUsers(change.account())) {
            return;
        }
        long now = venue.serverTimeMillis();
        if (change.reason() == BalanceChange.Reason.ADJUSTMENT) {
            sendUser(change.account(), BinanceJson.balanceUpdate(change, now));
        }
        Optional<FaultSpec> drift = venue.faults().active(FaultType.BALANCE_DRIFT, null);
        sendUser(change.account(), BinanceJson.accountPosition(change, now,
            drift.map(FaultSpec::param).orElse(0L), drift.map(FaultSpec::asset).orElse(null)));
    }

    @Override
    public void onDepthDiff(DepthDiff diff) {
        String symbol = diff.symbol().toLowerCase(Locale.ROOT);
        if (hasMarket(symbol + "@depth@100ms")) {
            pending100.computeIfAbsent(diff.symbol(), k -> new PendingDepth()).merge(diff);
        }
        if (hasMarket(symbol + "@depth") || hasMarket(symbol + "@depth@1000ms")) {
            pending1000.computeIfAbsent(diff.symbol(), k -> new PendingDepth()).merge(diff);
        }
    }

    @Override
    public void onBookTop(BookTop top) {
        String stream = top.symbol().toLowerCase(Locale.ROOT) + "@bookticker";
        if (hasMarket(stream)) {
            publish(stream, "@bookTicker", top.symbol(), BinanceJson.bookTicker(top));
        }
    }

    @Override
    public void onTradePrint(TradePrint trade) {
        String stream = trade.symbol().toLowerCase(Locale.ROOT) + "@trade";
        if (hasMarket(stream)) {
            publish(stream, "@trade", trade.symbol(), BinanceJson.trade(trade, venue.serverTimeMillis()));
        }
    }

    /** Called every 100 ms on the loop: sends the merged depth diffs due. */
    void flushDepth() {
        flush(pending100, "@depth@100ms");
        if (++ticks % 10 == 0) {
            flush(pending1000, "@depth");
            flush(pending1000, "@depth@1000ms");
            pending1000.clear();
        }
    }

    private void flush(Map<String, PendingDepth> pending, String suffix) {
        for (Map.Entry<String, PendingDepth> entry : pending.entrySet()) {
            PendingDepth depth = entry.getValue();
            if (depth.first == 0) {
                continue;
            }
            String symbol = entry.getKey();
            String stream = symbol.toLowerCase(Locale.ROOT) + suffix;
            if (!venue.faults().fire(FaultType.DEPTH_GAP, symbol).isPresent()) {
                publish(stream, suffix, symbol, BinanceJson.depthUpdate(symbol, depth.first, depth.last,
                    depth.levels(depth.bids, true), depth.levels(depth.asks, false), venue.serverTimeMillis()));
            }
            if (!suffix.equals("@depth")) {
                depth.reset();
            }
        }
    }

    private void releaseHeld(String account) {
        List<ObjectNode> events = held.remove(account);
        if (events != null) {
            events.forEach(event -> sendUser(account, event));
        }
    }

    private void sendUser(String account, ObjectNode event) {
        List<UserSink> sinks = users.get(account);
        if (sinks == null) {
            return;
        }
        List<ObjectNode> before = held.isEmpty() ? null : held.remove(account);
        for (UserSink sink : sinks) {
            if (sink.isOpen()) {
                sink.send(event);
                if (before != null) {
                    before.forEach(sink::send);
                }
            } else {
                sinks.remove(sink);
            }
        }
    }

    private boolean hasUsers(String account) {
        List<UserSink> sinks = users.get(account);
        return sinks != null && !sinks.isEmpty();
    }

    int subscribers(String stream) {
        List<Sub> subs = market.get(stream.toLowerCase(Locale.ROOT));
        return subs == null ? 0 : subs.size();
    }

    private boolean hasMarket(String stream) {
        List<Sub> subs = market.get(stream);
        return subs != null && !subs.isEmpty();
    }

    private void publish(String stream, String suffix, String symbol, ObjectNode data) {
        List<Sub> subs = market.get(stream.toLowerCase(Locale.ROOT));
        if (subs == null || subs.isEmpty()) {
            return;
        }
        String raw = data.toString();
        String combined = null;
        for (Sub sub : subs) {
            if (!sub.session().isOpen()) {
                subs.remove(sub);
                continue;
            }
            if (sub.combined()) {
                if (combined == null) {
                    combined = "{\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + suffix + "\",\"data\":" + raw + "}";
                }
                sub.session().send(combined);
            } else {
                sub.session().send(raw);
            }
        }
    }

    /** Depth diffs merged over one stream interval: first U, last u, last quantity per level. */
    private static final class PendingDepth {
        long first;
        long last;
        final TreeMap<Long, Long> bids = new TreeMap<>();
        final TreeMap<Long, Long> asks = new TreeMap<>();

        void merge(DepthDiff diff) {
            if (first == 0) {
                first = diff.firstUpdateId();
            }
            last = diff.lastUpdateId();
            diff.bids().forEach(l -> bids.put(l.price(), l.qty()));
            diff.asks().forEach(l -> asks.put(l.price(), l.qty()));
        }

        List<PriceQty> levels(TreeMap<Long, Long> side, boolean descending) {
            List<PriceQty> result = new ArrayList<>();
            (descending ? side.descendingMap() : side).forEach((price, qty) -> result.add(new PriceQty(price, qty)));
            return result;
        }

        void reset() {
            first = 0;
            last = 0;
            bids.clear();
            asks.clear();
        }
    }
}
