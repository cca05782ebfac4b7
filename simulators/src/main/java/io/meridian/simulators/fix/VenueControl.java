package io.meridian.simulators.fix;

import io.meridian.simulators.matching.BookSnapshot;
import io.meridian.simulators.matching.OrderBook;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.seed.SeedOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * Test and operator control of a running venue, safe to call from any thread: liquidity, books,
 * counters and faults. Unsolicited reports it causes (fills of client orders, cancels) go to the
 * owning client sessions.
 */
public final class VenueControl {
    private final VenueCore core;

    VenueControl(VenueCore core) {
        this.core = core;
    }

    /**
     * Adds a GTC limit order of the house account. If it crosses resting client orders they trade
     * (and get Trade reports); any rest rests.
     *
     * @throws IllegalArgumentException if the venue rejects it (unknown symbol, bad qty or price)
     */
    public void addLiquidity(String symbol, Side side, BigDecimal qty, BigDecimal price) {
        SeedOrder order = new SeedOrder(symbol, side, qty, price);
        if (!core.locked(() -> core.addHouseOrder(order))) {
            throw new IllegalArgumentException("liquidity rejected: " + order);
        }
    }

    /** {@link #addLiquidity(String, Side, BigDecimal, BigDecimal)} with decimal strings. */
    public void addLiquidity(String symbol, Side side, String qty, String price) {
        addLiquidity(symbol, side, new BigDecimal(qty), new BigDecimal(price));
    }

    /** Lists a symbol with an empty book (no-op if listed). */
    public void addSymbol(String symbol) {
        core.locked(() -> {
            core.engine().addSymbol(symbol);
        });
    }

    /** Cancels every resting order of a symbol; client orders get unsolicited Canceled reports. */
    public void clearBook(String symbol) {
        core.locked(() -> core.engine().book(symbol).ifPresent(OrderBook::cancelAll));
    }

    /** The price levels of a symbol's book. */
    public VenueBook book(String symbol) {
        BookSnapshot snapshot = core.locked(() -> core.engine().book(symbol)
            .map(OrderBook::snapshot)
            .orElseThrow(() -> new IllegalArgumentException("unknown symbol " + symbol)));
        return new VenueBook(symbol, levels(snapshot.bids()), levels(snapshot.asks()));
    }

    /**
     * One step of the seeded market maker: its mid moves (if it walks) and the seed book's levels are
     * quoted again, replacing what was traded; levels that would trade with resting client orders are
     * left out.
     */
    public void stepMarketMaker() {
        core.locked(core::stepMarketMaker);
    }

    /** The last (up to 1,000) application messages the venue received, oldest first, raw FIX. */
    public java.util.List<String> receivedMessages() {
        return core.received();
    }

    /** Every client order the venue accepted: its current ClOrdID, status and fill totals (checks, tools). */
    public java.util.List<OrderState> clientOrders() {
        return core.locked(() -> core.registry().all().stream()
            .map(o -> new OrderState(o.orderId, o.clOrdId, o.symbol, o.ordStatus, o.cumQty, o.leavesQty)).toList());
    }

    /** One client order as the venue sees it. */
    public record OrderState(String orderId, String clOrdId, String symbol, char ordStatus, BigDecimal cumQty,
                             BigDecimal leavesQty) {
        public boolean isLive() {
            return ordStatus == quickfix.field.OrdStatus.NEW || ordStatus == quickfix.field.OrdStatus.PARTIALLY_FILLED;
        }
    }

    /** Live market data subscriptions (MarketDataRequest 263=1 not yet ended by 263=2 or a logout), all sessions. */
    public int marketDataSubscriptions() {
        return core.locked(() -> core.marketData().subscriptions());
    }

    public VenueCounters counters() {
        return core.locked(() -> core.counters().snapshot());
    }

    /** Rejects the next {@code count} NewOrderSingles (150=8, 103=0) with {@code text}. */
    public void rejectNextNewOrders(int count, String text) {
        core.locked(() -> core.faults().rejectNextNewOrders(count, text));
    }

    /** Silently ignores the next {@code count} application messages (D, F, G, H, AF, AN): no answer at all. */
    public void dropNextMessages(int count) {
        core.locked(() -> core.faults().dropNextMessages(count));
    }

    /**
     * Reconciliation drift: the venue silently drops the live client order whose current ClOrdID is
     * {@code clOrdId}. It leaves the book and mass status answers (a status request finds it canceled); no
     * message is sent, so the client still believes it open.
     *
     * @throws IllegalArgumentException if no live client order has that ClOrdID
     */
    public void forgetOrder(String clOrdId) {
        boolean forgotten = core.locked(() -> {
            ClientOrder order = core.registry().all().stream()
                .filter(o -> o.isLive() && o.clOrdId.equals(clOrdId)).findFirst().orElse(null);
            if (order == null) {
                return false;
            }
            order.forgotten = true;
            core.engine().cancel(order.symbol, order.engineOrderId);
            return true;
        });
        if (!forgotten) {
            throw new IllegalArgumentException("no live client order with ClOrdID " + clOrdId);
        }
    }

    /**
     * Reconciliation drift: the venue's position of {@code account} in {@code symbol} moves by
     * {@code delta} (positive: long, negative: short) without any fill or report; it shows in the next
     * PositionReport (AP). The account is the order's Account (1), or the client's CompID when orders
     * carry none.
     */
    public void adjustPosition(String account, String symbol, BigDecimal delta) {
        core.locked(() -> core.positions().adjust(account, symbol, delta));
    }

    /**
     * Reconciliation drift: the venue executes and records the next {@code count} fills of client
     * orders (order CumQty, mass status, positions) but never sends their Trade ExecutionReports. Unlike
     * {@link #dropNextMessages(int)}, which ignores inbound requests, nothing is sent and no sequence
     * number is used, so the session's resend cannot deliver them either.
     */
    public void suppressNextFillReports(int count) {
        core.locked(() -> core.faults().suppressNextFillReports(count));
    }

    /** Delays every report by {@code delayMs} (0 turns the fault off). */
    public void delayReports(long delayMs) {
        core.locked(() -> core.faults().delayReports(delayMs));
    }

    /** Turns all faults off. */
    public void clearFaults() {
        core.locked(() -> core.faults().clear());
    }

    private List<VenueBook.Level> levels(List<BookSnapshot.Level> levels) {
        return levels.stream()
            .map(l -> new VenueBook.Level(core.scale().toBigDecimal(l.price()), core.scale().toBigDecimal(l.qty()), l.orderCount()))
            .toList();
    }
}
