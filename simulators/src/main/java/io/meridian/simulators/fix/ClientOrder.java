package io.meridian.simulators.fix;

import java.math.BigDecimal;
import java.math.RoundingMode;
import quickfix.SessionID;
import quickfix.field.OrdStatus;

/**
 * What the venue remembers of one client order at the FIX edge: the fields it echoes, its current
 * ClOrdID, the fill totals in decimals (for AvgPx) and a pending cancel or replace.
 */
final class ClientOrder {
    /** Marker for orders the engine never accepted. */
    static final long NO_ENGINE_ID = -1;

    final long engineOrderId;
    final String orderId;
    final SessionID session;
    final String symbol;
    final char side;
    final char ordType;
    String account;
    char timeInForce;
    BigDecimal orderQty;
    BigDecimal price;
    String clOrdId;
    char ordStatus = OrdStatus.PENDING_NEW;
    BigDecimal cumQty = BigDecimal.ZERO;
    BigDecimal leavesQty = BigDecimal.ZERO;
    private BigDecimal notional = BigDecimal.ZERO;
    PendingChange pending;
    /** Dropped by the venue without telling the client ({@link VenueControl#forgetOrder}): no report for its end. */
    boolean forgotten;

    ClientOrder(long engineOrderId, String orderId, SessionID session, NewOrderFields fields) {
        this.engineOrderId = engineOrderId;
        this.orderId = orderId;
        this.session = session;
        this.symbol = fields.symbol();
        this.side = fields.side();
        this.ordType = fields.ordType();
        this.account = fields.account();
        this.timeInForce = fields.timeInForce();
        this.orderQty = fields.orderQty();
        this.price = fields.price();
        this.clOrdId = fields.clOrdId();
    }

    boolean isLive() {
        return ordStatus == OrdStatus.NEW || ordStatus == OrdStatus.PARTIALLY_FILLED;
    }

    void addFill(BigDecimal qty, BigDecimal fillPrice) {
        cumQty = cumQty.add(qty);
        notional = notional.add(qty.multiply(fillPrice));
    }

    BigDecimal avgPx() {
        if (cumQty.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal avg = notional.divide(cumQty, 10, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return avg.scale() < 0 ? avg.setScale(0) : avg;
    }

    /** A cancel or replace waiting for the engine's answer. */
    record PendingChange(String clOrdId, String origClOrdId, char responseTo, NewOrderFields replacement) {
    }
}
