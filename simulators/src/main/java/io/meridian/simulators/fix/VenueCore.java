package io.meridian.simulators.fix;

import io.meridian.simulators.matching.DecimalScale;
import io.meridian.simulators.matching.MatchingEngine;
import io.meridian.simulators.matching.OrderRequest;
import io.meridian.simulators.matching.TimeInForce;
import io.meridian.simulators.seed.SeedOrder;
import java.util.function.Supplier;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;

/**
 * The venue's state (engine, client orders, faults, counters) behind one lock: QuickFIX/J
 * callbacks and control calls are serialised here, so the single-threaded engine sees one caller
 * at a time.
 */
final class VenueCore {
    private static final int RECEIVED_KEPT = 1_000;

    private final Object lock = new Object();
    private final java.util.ArrayDeque<String> received = new java.util.ArrayDeque<>();
    private final MatchingEngine engine;
    private final OrderEntryHandler handler;
    private final FaultInjector faults = new FaultInjector();
    private final CounterSet counters = new CounterSet();
    private final DecimalScale scale;
    private final String houseAccount;
    private final VenueMarketMaker maker;
    private final ClientOrderRegistry registry;
    private final PositionBook positions;
    private final MarketDataHandler marketData;

    ClientOrderRegistry registry() {
        return registry;
    }

    PositionBook positions() {
        return positions;
    }

    VenueCore(FixVenueSimulatorConfig config, ReportSender sender, String idPrefix) {
        this.scale = DecimalScale.of(config.decimals());
        this.houseAccount = config.houseAccount();
        VenueIds ids = new VenueIds(idPrefix);
        this.registry = new ClientOrderRegistry();
        ReportFactory reports = new ReportFactory(ids);
        Outbox outbox = new Outbox(sender, faults, counters);
        this.positions = new PositionBook();
        this.engine = new MatchingEngine(new ReportPublisher(registry, reports, outbox, scale, positions, faults), config.clock());
        ReconciliationHandler reconciliation = new ReconciliationHandler(registry, positions, reports, outbox, config.clock(), idPrefix);
        this.handler = new OrderEntryHandler(engine, registry, reports, outbox, faults, counters, scale, config.clock(), ids,
            reconciliation);
        this.marketData = new MarketDataHandler(engine, sender, scale);
        config.seedBook().symbols().forEach(engine::addSymbol);
        config.quoteLadders().forEach(ladder -> engine.addSymbol(ladder.symbol()));
        this.maker = new VenueMarketMaker(engine, config.seedBook(), config.quoteLadders(), scale, houseAccount,
            config.marketMakerWalkTicks(), config.marketMakerSeed());
        for (SeedOrder seed : config.seedBook().orders()) {
            long id = placeHouseOrder(seed);
            if (id < 0) {
                throw new IllegalArgumentException("seed order rejected (check decimals and crossing): " + seed);
            }
            maker.adopt(seed.symbol(), id);
        }
        maker.start();
    }

    /** Under the lock: one step of the seeded market maker. */
    void stepMarketMaker() {
        maker.step();
    }

    void onMessage(Message message, SessionID session) throws FieldNotFound, UnsupportedMessageType {
        synchronized (lock) {
            received.addLast(message.toString());
            if (received.size() > RECEIVED_KEPT) {
                received.removeFirst();
            }
            if (MarketDataHandler.isMarketDataRequest(message.getHeader().getString(quickfix.field.MsgType.FIELD))) {
                marketData.onRequest(message, session);
            } else {
                try {
                    handler.onMessage(message, session);
                } finally {
                    marketData.publish();
                }
            }
        }
    }

    /** A session logged on or out: its market data subscriptions end. */
    void sessionEnded(SessionID session) {
        synchronized (lock) {
            marketData.sessionEnded(session);
        }
    }

    MarketDataHandler marketData() {
        return marketData;
    }

    /** The last application messages received, oldest first, as raw FIX with SOH separators. */
    java.util.List<String> received() {
        synchronized (lock) {
            return new java.util.ArrayList<>(received);
        }
    }

    /** Runs {@code action} under the lock, then sends the market data it changed. */
    <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            try {
                return action.get();
            } finally {
                marketData.publish();
            }
        }
    }

    /** Runs {@code action} under the lock, then sends the market data it changed. */
    void locked(Runnable action) {
        synchronized (lock) {
            try {
                action.run();
            } finally {
                marketData.publish();
            }
        }
    }

    /** Under the lock: places a GTC house order; false if the engine rejected it. */
    boolean addHouseOrder(SeedOrder seed) {
        return placeHouseOrder(seed) >= 0;
    }

    /** The engine id of the house order placed, or -1 if the engine rejected it. */
    private long placeHouseOrder(SeedOrder seed) {
        if (!scale.isRepresentable(seed.qty()) || !scale.isRepresentable(seed.price())) {
            return -1;
        }
        long id = engine.nextOrderId();
        return engine.submit(OrderRequest.limit(id, houseAccount, seed.symbol(), seed.side(),
            TimeInForce.GTC, scale.toScaled(seed.price()), scale.toScaled(seed.qty()))) ? id : -1;
    }

    MatchingEngine engine() {
        return engine;
    }

    FaultInjector faults() {
        return faults;
    }

    CounterSet counters() {
        return counters;
    }

    DecimalScale scale() {
        return scale;
    }
}
