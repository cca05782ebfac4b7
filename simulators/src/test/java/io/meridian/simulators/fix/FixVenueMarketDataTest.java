package io.meridian.simulators.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.fix44.MarketDataRequest;

/**
 * The venue's FIX 4.4 market data, from a QuickFIX/J client validating with QuickFIX/J's complete FIX 4.4
 * dictionary: a subscription's snapshot (W) and incremental refreshes (X) rebuild exactly the venue's
 * book after trades and market-maker steps; unknown symbols are refused (Y); an unsubscribe stops
 * the refreshes.
 */
@Timeout(60)
class FixVenueMarketDataTest {
    private static final int DEPTH = 5;

    private FixVenueSimulator venue;
    private FixTestClient client;

    @BeforeEach
    void start() throws Exception {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.builder().port(0).idPrefix("MD")
            .quoteLadders(QuoteLadder.cryptoStandard()).marketMaker(0, 0, 7).build()).start();
        client = FixTestClient.connect(venue.port(), "MERIDIAN", "FIX44.xml");
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (venue != null) {
            venue.stop();
        }
    }

    @Test
    void snapshotAndIncrementalsRebuildTheVenueBookThroughTradesAndMakerSteps() throws Exception {
        client.send(request("R1", SubscriptionRequestType.SNAPSHOT_UPDATES, DEPTH, "BTC-USDT"));
        Message snapshot = client.next();
        assertThat(msgType(snapshot)).isEqualTo(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
        assertThat(snapshot.getString(MDReqID.FIELD)).isEqualTo("R1");
        assertThat(snapshot.getString(Symbol.FIELD)).isEqualTo("BTC-USDT");
        LocalBook book = new LocalBook();
        book.apply(snapshot);
        assertThat(book.bids.firstKey()).isEqualByComparingTo("59999.50");
        assertThat(book.asks.firstKey()).isEqualByComparingTo("60000.50");
        book.assertMatches(venue.control().book("BTC-USDT"), DEPTH);

        // a client order takes part of the best offer: one X changes that level
        client.send(FixTestClient.limit("T1", "BTC-USDT", Side.BUY, "0.3", "60000.50", TimeInForce.IMMEDIATE_OR_CANCEL));
        book.apply(nextMarketData());
        assertThat(book.asks.get(new BigDecimal("60000.50"))).isEqualByComparingTo("0.2");
        book.assertMatches(venue.control().book("BTC-USDT"), DEPTH);

        // ... and then the rest of it and the next: two levels deleted, two deeper ones enter the depth
        client.send(FixTestClient.limit("T2", "BTC-USDT", Side.BUY, "0.7", "60001.00", TimeInForce.IMMEDIATE_OR_CANCEL));
        Message refresh = nextMarketData();
        assertThat(actions(refresh)).contains(MDUpdateAction.DELETE, MDUpdateAction.NEW);
        book.apply(refresh);
        assertThat(book.asks.firstKey()).isEqualByComparingTo("60001.50");
        book.assertMatches(venue.control().book("BTC-USDT"), DEPTH);

        // the maker restores what was taken (around a mid its seeded walk may have moved)
        venue.control().stepMarketMaker();
        book.apply(nextMarketData());
        book.assertMatches(venue.control().book("BTC-USDT"), DEPTH);
        assertThat(book.asks.values()).hasSize(DEPTH).allSatisfy(qty -> assertThat(qty).isEqualByComparingTo("0.5"));
    }

    @Test
    void aWalkingMakerIsFollowedStepByStep() throws Exception {
        venue.stop();
        client.close();
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.builder().port(0).idPrefix("MD")
            .quoteLadders(QuoteLadder.cryptoStandard()).marketMaker(0, 0, 11).build()).start();
        client = FixTestClient.connect(venue.port(), "MERIDIAN", "FIX44.xml");
        client.send(request("R2", SubscriptionRequestType.SNAPSHOT_UPDATES, 0, "ETH-USDT"));
        LocalBook book = new LocalBook();
        book.apply(client.next());
        book.assertMatches(venue.control().book("ETH-USDT"), 0);
        assertThat(book.bids).hasSize(10);
        int moved = 0;
        for (int step = 0; step < 10; step++) {
            BigDecimal bestBid = book.bids.firstKey();
            venue.control().stepMarketMaker();
            if (!venue.control().book("ETH-USDT").bids().get(0).price().equals(bestBid)) {
                book.apply(nextMarketData());
                moved++;
            }
            book.assertMatches(venue.control().book("ETH-USDT"), 0);
        }
        assertThat(moved).as("the seeded walk moves the mid").isPositive();
    }

    @Test
    void unknownSymbolIsRefusedWithAMarketDataRequestReject() throws Exception {
        client.send(request("R3", SubscriptionRequestType.SNAPSHOT_UPDATES, DEPTH, "DOGE-USDT"));
        Message reject = client.next();
        assertThat(msgType(reject)).isEqualTo(MsgType.MARKET_DATA_REQUEST_REJECT);
        assertThat(reject.getString(MDReqID.FIELD)).isEqualTo("R3");
        assertThat(reject.getChar(quickfix.field.MDReqRejReason.FIELD)).isEqualTo(quickfix.field.MDReqRejReason.UNKNOWN_SYMBOL);
        assertThat(venue.control().marketDataSubscriptions()).isZero();
    }

    @Test
    void unsubscribeStopsTheRefreshes() throws Exception {
        client.send(request("R4", SubscriptionRequestType.SNAPSHOT_UPDATES, DEPTH, "BTC-USDT"));
        assertThat(msgType(client.next())).isEqualTo(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
        assertThat(venue.control().marketDataSubscriptions()).isEqualTo(1);

        client.send(request("R4", '2', DEPTH, "BTC-USDT"));
        client.send(request("R5", SubscriptionRequestType.SNAPSHOT, 1, "ETH-USDT"));
        assertThat(client.next().getString(MDReqID.FIELD)).isEqualTo("R5");
        assertThat(venue.control().marketDataSubscriptions()).isZero();

        client.send(FixTestClient.limit("T3", "BTC-USDT", Side.BUY, "0.3", "60000.50", TimeInForce.IMMEDIATE_OR_CANCEL));
        venue.control().stepMarketMaker();
        client.send(request("R6", SubscriptionRequestType.SNAPSHOT, 1, "ETH-USDT"));
        // reports and market data leave in order: had the book changes been sent, they would come before R6's W
        Message next;
        while (msgType(next = client.next()).equals(MsgType.EXECUTION_REPORT)) {
            assertThat(next.getString(quickfix.field.ClOrdID.FIELD)).isEqualTo("T3");
        }
        assertThat(msgType(next)).isEqualTo(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
        assertThat(next.getString(MDReqID.FIELD)).isEqualTo("R6");
    }

    private Message nextMarketData() throws Exception {
        Message message;
        while (msgType(message = client.next()).equals(MsgType.EXECUTION_REPORT)) {
            // the order's own reports interleave with the book's refreshes
        }
        assertThat(msgType(message)).isEqualTo(MsgType.MARKET_DATA_INCREMENTAL_REFRESH);
        return message;
    }

    static MarketDataRequest request(String id, char type, int depth, String symbol) {
        MarketDataRequest request = new MarketDataRequest(new MDReqID(id), new SubscriptionRequestType(type), new MarketDepth(depth));
        request.set(new MDUpdateType(MDUpdateType.INCREMENTAL_REFRESH));
        for (char entryType : new char[] {MDEntryType.BID, MDEntryType.OFFER}) {
            MarketDataRequest.NoMDEntryTypes types = new MarketDataRequest.NoMDEntryTypes();
            types.set(new MDEntryType(entryType));
            request.addGroup(types);
        }
        MarketDataRequest.NoRelatedSym related = new MarketDataRequest.NoRelatedSym();
        related.set(new Symbol(symbol));
        request.addGroup(related);
        return request;
    }

    private static String msgType(Message message) throws FieldNotFound {
        return message.getHeader().getString(MsgType.FIELD);
    }

    private static List<Character> actions(Message refresh) throws FieldNotFound {
        List<Character> actions = new ArrayList<>();
        for (Group group : refresh.getGroups(quickfix.field.NoMDEntries.FIELD)) {
            actions.add(group.getChar(MDUpdateAction.FIELD));
        }
        return actions;
    }

    /** A client's price-keyed book, built as the FIX 4.4 specification describes W and X. */
    static final class LocalBook {
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

        void apply(Message message) throws FieldNotFound {
            boolean snapshot = msgType(message).equals(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
            if (snapshot) {
                bids.clear();
                asks.clear();
            }
            for (Group entry : message.getGroups(quickfix.field.NoMDEntries.FIELD)) {
                char type = entry.getChar(MDEntryType.FIELD);
                TreeMap<BigDecimal, BigDecimal> side = type == MDEntryType.BID ? bids : asks;
                BigDecimal price = entry.getDecimal(quickfix.field.MDEntryPx.FIELD);
                char action = snapshot ? MDUpdateAction.NEW : entry.getChar(MDUpdateAction.FIELD);
                if (!snapshot) {
                    assertThat(entry.getString(Symbol.FIELD)).isNotEmpty();
                }
                switch (action) {
                    case MDUpdateAction.NEW -> assertThat(side.put(price, entry.getDecimal(quickfix.field.MDEntrySize.FIELD)))
                        .as("new level %s was not in the book", price).isNull();
                    case MDUpdateAction.CHANGE -> assertThat(side.put(price, entry.getDecimal(quickfix.field.MDEntrySize.FIELD)))
                        .as("changed level %s was in the book", price).isNotNull();
                    case MDUpdateAction.DELETE -> assertThat(side.remove(price)).as("deleted level %s was in the book", price).isNotNull();
                    default -> throw new AssertionError("MDUpdateAction " + action);
                }
            }
        }

        /** The venue's top {@code depth} levels a side (0: all), exactly. */
        void assertMatches(VenueBook venueBook, int depth) {
            int levels = depth == 0 ? Integer.MAX_VALUE : depth;
            assertThat(levels(bids)).isEqualTo(levels(venueBook.bids(), levels));
            assertThat(levels(asks)).isEqualTo(levels(venueBook.asks(), levels));
            assertThat(bids).isNotEmpty();
        }

        private static List<String> levels(Map<BigDecimal, BigDecimal> side) {
            List<String> levels = new ArrayList<>();
            side.forEach((price, qty) -> levels.add(price.stripTrailingZeros().toPlainString() + "@" + qty.stripTrailingZeros().toPlainString()));
            return levels;
        }

        private static List<String> levels(List<VenueBook.Level> side, int depth) {
            List<String> levels = new ArrayList<>();
            for (VenueBook.Level level : side.subList(0, Math.min(depth, side.size()))) {
                levels.add(level.price().stripTrailingZeros().toPlainString() + "@" + level.qty().stripTrailingZeros().toPlainString());
            }
            return levels;
        }
    }
}
