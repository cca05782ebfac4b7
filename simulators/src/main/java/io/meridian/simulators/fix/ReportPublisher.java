package io.meridian.simulators.fix;

import io.meridian.simulators.matching.DecimalScale;
import io.meridian.simulators.matching.MatchingListener;
import io.meridian.simulators.matching.OrderState;
import io.meridian.simulators.matching.OrderStatus;
import io.meridian.simulators.matching.Rejection;
import io.meridian.simulators.matching.RequestType;
import io.meridian.simulators.matching.Trade;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.OrigClOrdID;
import quickfix.fix44.ExecutionReport;

/**
 * Turns engine events into FIX reports for the client orders they concern (house orders get
 * none): New, Trade, Canceled, Replaced, Expired, Rejected and OrderCancelReject.
 */
final class ReportPublisher implements MatchingListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);

    private final ClientOrderRegistry registry;
    private final ReportFactory reports;
    private final Outbox outbox;
    private final DecimalScale scale;
    private final PositionBook positions;
    private final FaultInjector faults;

    ReportPublisher(ClientOrderRegistry registry, ReportFactory reports, Outbox outbox, DecimalScale scale, PositionBook positions,
                    FaultInjector faults) {
        this.registry = registry;
        this.faults = faults;
        this.positions = positions;
        this.reports = reports;
        this.outbox = outbox;
        this.scale = scale;
    }

    @Override
    public void onAccepted(OrderState state, long timestampNanos) {
        ClientOrder order = registry.byEngineId(state.orderId());
        if (order == null) {
            return;
        }
        order.ordStatus = OrdStatus.NEW;
        order.leavesQty = scale.toBigDecimal(state.leavesQty());
        LOG.debug("new order {} clOrdId={} {}", order.orderId, order.clOrdId, order.symbol);
        outbox.send(reports.report(order, ExecType.NEW, timestampNanos), order.session);
    }

    @Override
    public void onTrade(Trade trade) {
        BigDecimal qty = scale.toBigDecimal(trade.qty());
        BigDecimal price = scale.toBigDecimal(trade.price());
        for (OrderState state : new OrderState[] {trade.maker(), trade.taker()}) {
            ClientOrder order = registry.byEngineId(state.orderId());
            if (order == null) {
                continue;
            }
            order.addFill(qty, price);
            positions.onFill(order, qty, price);
            order.ordStatus = state.status() == OrderStatus.FILLED ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
            order.leavesQty = scale.toBigDecimal(state.leavesQty());
            LOG.debug("trade {} order {} {}@{}", trade.tradeId(), order.orderId, qty, price);
            if (faults.takeFillSuppression()) {
                LOG.info("fill report suppressed (fault): order {} clOrdId={} {}@{}", order.orderId, order.clOrdId, qty, price);
                continue;
            }
            boolean maker = state == trade.maker();
            outbox.send(reports.trade(order, qty, price, maker, trade.timestampNanos()), order.session);
        }
    }

    @Override
    public void onCanceled(OrderState state, long canceledQty, long timestampNanos) {
        ClientOrder order = registry.byEngineId(state.orderId());
        if (order == null) {
            return;
        }
        order.ordStatus = OrdStatus.CANCELED;
        order.leavesQty = BigDecimal.ZERO;
        if (order.forgotten) {
            LOG.info("order {} clOrdId={} forgotten by the venue, no report", order.orderId, order.clOrdId);
            return;
        }
        String origClOrdId = null;
        ClientOrder.PendingChange pending = order.pending;
        if (pending != null) {
            origClOrdId = order.clOrdId;
            order.clOrdId = pending.clOrdId();
            registry.alias(order, pending.clOrdId());
        }
        ExecutionReport report = reports.report(order, ExecType.CANCELED, timestampNanos);
        if (origClOrdId != null) {
            report.setString(OrigClOrdID.FIELD, origClOrdId);
        }
        LOG.debug("canceled order {} clOrdId={}", order.orderId, order.clOrdId);
        outbox.send(report, order.session);
    }

    @Override
    public void onExpired(OrderState state, long expiredQty, long timestampNanos) {
        ClientOrder order = registry.byEngineId(state.orderId());
        if (order == null) {
            return;
        }
        order.ordStatus = OrdStatus.EXPIRED;
        order.leavesQty = BigDecimal.ZERO;
        LOG.debug("expired order {} clOrdId={}", order.orderId, order.clOrdId);
        outbox.send(reports.report(order, ExecType.EXPIRED, timestampNanos), order.session);
    }

    @Override
    public void onReplaced(OrderState before, OrderState after, long timestampNanos) {
        ClientOrder order = registry.byEngineId(after.orderId());
        if (order == null || order.pending == null || order.pending.replacement() == null) {
            return;
        }
        NewOrderFields replacement = order.pending.replacement();
        String origClOrdId = order.clOrdId;
        order.clOrdId = replacement.clOrdId();
        registry.alias(order, replacement.clOrdId());
        order.orderQty = replacement.orderQty();
        order.price = replacement.price();
        if (replacement.account() != null) {
            order.account = replacement.account();
        }
        order.ordStatus = after.status() == OrderStatus.NEW ? OrdStatus.NEW : OrdStatus.PARTIALLY_FILLED;
        order.leavesQty = scale.toBigDecimal(after.leavesQty());
        ExecutionReport report = reports.report(order, ExecType.REPLACED, timestampNanos);
        report.setString(OrigClOrdID.FIELD, origClOrdId);
        LOG.debug("replaced order {} clOrdId={}", order.orderId, order.clOrdId);
        outbox.send(report, order.session);
    }

    @Override
    public void onRejected(Rejection rejection) {
        ClientOrder order = registry.byEngineId(rejection.orderId());
        if (order == null) {
            return;
        }
        String text = rejection.reason().text();
        if (rejection.request() == RequestType.NEW_ORDER) {
            order.ordStatus = OrdStatus.REJECTED;
            order.leavesQty = BigDecimal.ZERO;
            LOG.debug("rejected order {} clOrdId={}: {}", order.orderId, order.clOrdId, text);
            outbox.send(reports.rejected(order, RejectCodes.ordRejReason(rejection.reason()), text, rejection.timestampNanos()),
                order.session);
            return;
        }
        ClientOrder.PendingChange pending = order.pending;
        if (pending != null) {
            outbox.send(reports.cancelReject(order, pending.clOrdId(), pending.origClOrdId(), pending.responseTo(),
                RejectCodes.cxlRejReason(rejection.reason()), text), order.session);
        }
    }
}
