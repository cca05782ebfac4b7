package io.meridian.simulators.fix;

import io.meridian.simulators.matching.BookSnapshot;
import io.meridian.simulators.matching.DecimalScale;
import io.meridian.simulators.matching.MatchingEngine;
import io.meridian.simulators.matching.OrderBook;
import io.meridian.simulators.matching.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.AggregatedBook;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateAction;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.NoMDEntries;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.MarketDataRequestReject;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

/**
 * The venue's FIX 4.4 market data: MarketDataRequest (V) for a snapshot (263=0), a subscription
 * (263=1: a MarketDataSnapshotFullRefresh (W) per symbol, then MarketDataIncrementalRefresh (X) with
 * the changed price levels, or a W per change with MDUpdateType 0) or its end (263=2); refusals are
 * MarketDataRequestReject (Y). Books are aggregated by price, bids (269=0) and offers (269=1) only;
 * an X entry is keyed by its price: new (279=0), change (279=1, the level's new total) or delete
 * (279=2). Called under the venue lock; {@link #publish()} after anything that may change a book.
 */
final class MarketDataHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataHandler.class);
    private static final char SUBSCRIBE = '1';
    private static final char UNSUBSCRIBE = '2';
    private static final char UNSUPPORTED_SUBSCRIPTION_REQUEST_TYPE = '4';

    /** One subscribed symbol of a request, with the levels last sent. */
    private static final class Feed {
        final String symbol;
        List<BookSnapshot.Level> bids = List.of();
        List<BookSnapshot.Level> asks = List.of();

        Feed(String symbol) {
            this.symbol = symbol;
        }
    }

    private record Key(SessionID session, String mdReqId) {
    }

    private static final class Subscription {
        final Key key;
        final int depth;
        final boolean incremental;
        final boolean bids;
        final boolean offers;
        final List<Feed> feeds = new ArrayList<>();

        Subscription(Key key, int depth, boolean incremental, boolean bids, boolean offers) {
            this.key = key;
            this.depth = depth;
            this.incremental = incremental;
            this.bids = bids;
            this.offers = offers;
        }
    }

    private final MatchingEngine engine;
    private final ReportSender sender;
    private final DecimalScale scale;
    private final Map<Key, Subscription> subscriptions = new LinkedHashMap<>();
    private int requests;

    MarketDataHandler(MatchingEngine engine, ReportSender sender, DecimalScale scale) {
        this.engine = engine;
        this.sender = sender;
        this.scale = scale;
    }

    /** MarketDataRequests received (any kind). */
    int requests() {
        return requests;
    }

    /** Live subscriptions, all sessions. */
    int subscriptions() {
        return subscriptions.size();
    }

    void onRequest(Message message, SessionID session) throws FieldNotFound {
        requests++;
        String mdReqId = message.getString(MDReqID.FIELD);
        char type = message.getChar(SubscriptionRequestType.FIELD);
        Key key = new Key(session, mdReqId);
        if (type == UNSUBSCRIBE) {
            if (subscriptions.remove(key) == null) {
                LOG.info("event=md_unsubscribe_unknown session={} mdReqId={}", session, mdReqId);
            }
            return;
        }
        if (type != SubscriptionRequestType.SNAPSHOT && type != SUBSCRIBE) {
            reject(session, mdReqId, UNSUPPORTED_SUBSCRIPTION_REQUEST_TYPE, "SubscriptionRequestType " + type);
            return;
        }
        int depth = message.getInt(MarketDepth.FIELD);
        if (depth < 0) {
            reject(session, mdReqId, MDReqRejReason.UNSUPPORTED_MARKETDEPTH, "MarketDepth " + depth);
            return;
        }
        int updateType = message.isSetField(MDUpdateType.FIELD) ? message.getInt(MDUpdateType.FIELD) : MDUpdateType.INCREMENTAL_REFRESH;
        if (updateType != MDUpdateType.INCREMENTAL_REFRESH && updateType != MDUpdateType.FULL_REFRESH) {
            reject(session, mdReqId, MDReqRejReason.UNSUPPORTED_MDUPDATETYPE, "MDUpdateType " + updateType);
            return;
        }
        if (message.isSetField(AggregatedBook.FIELD) && !message.getBoolean(AggregatedBook.FIELD)) {
            reject(session, mdReqId, MDReqRejReason.UNSUPPORTED_AGGREGATEDBOOK, "only aggregated books (266=Y)");
            return;
        }
        boolean bids = false;
        boolean offers = false;
        int types = message.isSetField(NoMDEntryTypes.FIELD) ? message.getInt(NoMDEntryTypes.FIELD) : 0;
        for (int i = 1; i <= types; i++) {
            char entryType = message.getGroup(i, NoMDEntryTypes.FIELD).getChar(MDEntryType.FIELD);
            bids |= entryType == MDEntryType.BID;
            offers |= entryType == MDEntryType.OFFER;
        }
        if (!bids && !offers) {
            reject(session, mdReqId, MDReqRejReason.UNSUPPORTED_MDENTRYTYPE, "only bids (269=0) and offers (269=1)");
            return;
        }
        if (type == SUBSCRIBE && subscriptions.containsKey(key)) {
            reject(session, mdReqId, MDReqRejReason.DUPLICATE_MDREQID, "MDReqID " + mdReqId + " is subscribed");
            return;
        }
        Subscription subscription = new Subscription(key, depth, updateType == MDUpdateType.INCREMENTAL_REFRESH, bids, offers);
        int symbols = message.isSetField(NoRelatedSym.FIELD) ? message.getInt(NoRelatedSym.FIELD) : 0;
        for (int i = 1; i <= symbols; i++) {
            String symbol = message.getGroup(i, NoRelatedSym.FIELD).getString(Symbol.FIELD);
            if (engine.book(symbol).isEmpty()) {
                reject(session, mdReqId, MDReqRejReason.UNKNOWN_SYMBOL, "unknown symbol " + symbol);
                return;
            }
            subscription.feeds.add(new Feed(symbol));
        }
        if (subscription.feeds.isEmpty()) {
            reject(session, mdReqId, MDReqRejReason.UNKNOWN_SYMBOL, "no symbol (146=0)");
            return;
        }
        for (Feed feed : subscription.feeds) {
            read(subscription, feed);
            sendSnapshot(subscription, feed);
        }
        if (type == SUBSCRIBE) {
            subscriptions.put(key, subscription);
        }
    }

    /** Sends what changed in the subscribed books since they were last sent. */
    void publish() {
        for (Subscription subscription : subscriptions.values()) {
            for (Feed feed : subscription.feeds) {
                List<BookSnapshot.Level> sentBids = feed.bids;
                List<BookSnapshot.Level> sentAsks = feed.asks;
                read(subscription, feed);
                if (sentBids.equals(feed.bids) && sentAsks.equals(feed.asks)) {
                    continue;
                }
                if (!subscription.incremental) {
                    sendSnapshot(subscription, feed);
                    continue;
                }
                MarketDataIncrementalRefresh refresh = new MarketDataIncrementalRefresh();
                refresh.set(new MDReqID(subscription.key.mdReqId()));
                int entries = diff(refresh, feed.symbol, MDEntryType.BID, sentBids, feed.bids)
                    + diff(refresh, feed.symbol, MDEntryType.OFFER, sentAsks, feed.asks);
                refresh.setInt(NoMDEntries.FIELD, entries);
                sender.send(refresh, subscription.key.session(), 0);
            }
        }
    }

    /** The session logged out or a new one logged on: its subscriptions end. */
    void sessionEnded(SessionID session) {
        subscriptions.keySet().removeIf(key -> key.session().equals(session));
    }

    private void read(Subscription subscription, Feed feed) {
        Optional<OrderBook> book = engine.book(feed.symbol);
        int depth = subscription.depth == 0 ? Integer.MAX_VALUE : subscription.depth;
        feed.bids = subscription.bids ? book.map(b -> b.levels(Side.BUY, depth)).orElse(List.of()) : List.of();
        feed.asks = subscription.offers ? book.map(b -> b.levels(Side.SELL, depth)).orElse(List.of()) : List.of();
    }

    private void sendSnapshot(Subscription subscription, Feed feed) {
        MarketDataSnapshotFullRefresh snapshot = new MarketDataSnapshotFullRefresh();
        snapshot.set(new MDReqID(subscription.key.mdReqId()));
        snapshot.set(new Symbol(feed.symbol));
        for (BookSnapshot.Level level : feed.bids) {
            snapshot.addGroup(entry(new MarketDataSnapshotFullRefresh.NoMDEntries(), MDEntryType.BID, level));
        }
        for (BookSnapshot.Level level : feed.asks) {
            snapshot.addGroup(entry(new MarketDataSnapshotFullRefresh.NoMDEntries(), MDEntryType.OFFER, level));
        }
        snapshot.setInt(NoMDEntries.FIELD, feed.bids.size() + feed.asks.size());
        sender.send(snapshot, subscription.key.session(), 0);
    }

    private Group entry(Group group, char type, BookSnapshot.Level level) {
        group.setChar(MDEntryType.FIELD, type);
        group.setDecimal(MDEntryPx.FIELD, scale.toBigDecimal(level.price()));
        group.setDecimal(MDEntrySize.FIELD, scale.toBigDecimal(level.qty()));
        return group;
    }

    /** Deletes, then changes, then new levels, keyed by price. @return the entries added. */
    private int diff(MarketDataIncrementalRefresh refresh, String symbol, char type, List<BookSnapshot.Level> before,
                     List<BookSnapshot.Level> after) {
        Map<Long, Long> was = new HashMap<>();
        before.forEach(level -> was.put(level.price(), level.qty()));
        Map<Long, Long> now = new HashMap<>();
        after.forEach(level -> now.put(level.price(), level.qty()));
        int entries = 0;
        for (BookSnapshot.Level level : before) {
            if (!now.containsKey(level.price())) {
                MarketDataIncrementalRefresh.NoMDEntries group = new MarketDataIncrementalRefresh.NoMDEntries();
                group.setChar(MDUpdateAction.FIELD, MDUpdateAction.DELETE);
                group.setChar(MDEntryType.FIELD, type);
                group.setString(Symbol.FIELD, symbol);
                group.setDecimal(MDEntryPx.FIELD, scale.toBigDecimal(level.price()));
                refresh.addGroup(group);
                entries++;
            }
        }
        for (BookSnapshot.Level level : after) {
            Long previous = was.get(level.price());
            if (previous != null && previous != level.qty()) {
                refresh.addGroup(update(MDUpdateAction.CHANGE, symbol, type, level));
                entries++;
            }
        }
        for (BookSnapshot.Level level : after) {
            if (!was.containsKey(level.price())) {
                refresh.addGroup(update(MDUpdateAction.NEW, symbol, type, level));
                entries++;
            }
        }
        return entries;
    }

    private MarketDataIncrementalRefresh.NoMDEntries update(char action, String symbol, char type, BookSnapshot.Level level) {
        MarketDataIncrementalRefresh.NoMDEntries group = new MarketDataIncrementalRefresh.NoMDEntries();
        group.setChar(MDUpdateAction.FIELD, action);
        group.setChar(MDEntryType.FIELD, type);
        group.setString(Symbol.FIELD, symbol);
        group.setDecimal(MDEntryPx.FIELD, scale.toBigDecimal(level.price()));
        group.setDecimal(MDEntrySize.FIELD, scale.toBigDecimal(level.qty()));
        return group;
    }

    private void reject(SessionID session, String mdReqId, char reason, String text) {
        MarketDataRequestReject reject = new MarketDataRequestReject(new MDReqID(mdReqId));
        reject.set(new MDReqRejReason(reason));
        reject.set(new Text(text));
        sender.send(reject, session, 0);
        LOG.info("event=md_request_rejected session={} mdReqId={} reason={} text=\"{}\"", session, mdReqId, reason, text);
    }

    static boolean isMarketDataRequest(String msgType) {
        return MarketDataRequest.MSGTYPE.equals(msgType);
    }
}
