package io.meridian.oms;

import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An obviously-correct (slow, allocating, BigDecimal) model of the order lifecycle in
 * docs/order-lifecycle.md, written independently of the OMS: plain maps, strings as keys, child
 * ClOrdIDs looked up in a map rather than parsed.
 */
final class ReferenceModel
{
    static final class Ord
    {
        String orderId;
        int client;
        String clOrdId;
        String firstClOrdId;
        Instrument instrument;
        Side side;
        OrdType type;
        long qty;
        long price;
        long cum;
        BigDecimal notional = BigDecimal.ZERO;
        OrdStatus base;
        char pending; // 0, 'C', 'R'
        String pendingClOrdId;
        int pendingN;
        long pendingQty;
        long pendingPrice;
        OrdType pendingType;
        int currentN;
        int lastN;
        OrderRejectReason rejectReason = OrderRejectReason.NONE;
        String text = "";

        int venue()
        {
            return instrument == null ? -1 : instrument.venueId();
        }

        boolean done()
        {
            return base == OrdStatus.FILLED || base == OrdStatus.CANCELED || base == OrdStatus.EXPIRED ||
                base == OrdStatus.REJECTED;
        }

        OrdStatus status()
        {
            if (pending != 0 && !done())
            {
                return pending == 'C' ? OrdStatus.PENDING_CANCEL : OrdStatus.PENDING_REPLACE;
            }
            return base;
        }

        long leaves()
        {
            return done() ? 0 : Math.max(0, qty - cum);
        }

        long avg()
        {
            return cum == 0 ? 0 : notional.divide(BigDecimal.valueOf(cum), 0, RoundingMode.HALF_EVEN).longValueExact();
        }
    }

    private record Child(Ord ord, int n)
    {
    }

    final int maxOrders;
    final Map<Long, Ord> orders = new LinkedHashMap<>();
    /** client|ClOrdID -> order (null value: used, but named no order) */
    final Map<String, Ord> clOrdIds = new HashMap<>();
    final Map<String, Child> children = new HashMap<>();
    final Set<String> execIds = new HashSet<>();
    final List<String> out = new ArrayList<>();
    long lastOrder;
    long lastExec;
    int stored;

    ReferenceModel(final int maxOrders)
    {
        this.maxOrders = maxOrders;
    }

    private static String key(final int client, final String clOrdId)
    {
        return client + "|" + clOrdId;
    }

    private void er(
        final Ord o, final ExecType type, final String cl, final String orig, final long lastQty, final long lastPx)
    {
        final boolean rejected = type == ExecType.REJECTED;
        out.add("ER c=" + o.client + " oid=" + o.orderId + " eid=E" + (++lastExec) + " cl=" + cl + " orig=" + orig +
            " et=" + type + " os=" + o.status() + " qty=" + o.qty + " px=" + o.price + " cum=" + o.cum +
            " leaves=" + o.leaves() + " avg=" + o.avg() + " last=" + lastQty + "@" + lastPx +
            " rr=" + (rejected ? o.rejectReason : OrderRejectReason.NONE) + " text=" + (rejected ? o.text : ""));
    }

    private void cr(
        final int client, final Ord o, final String cl, final String orig, final boolean replace,
        final CancelRejectReason reason, final String text)
    {
        out.add("CR c=" + client + " oid=" + (o == null ? "NONE" : o.orderId) + " cl=" + cl + " orig=" + orig +
            " os=" + (o == null ? OrdStatus.REJECTED : o.status()) + " replace=" + replace + " reason=" + reason +
            " text=" + (text == null ? reason.text() : text));
    }

    private void reject(final Ord o, final OrderRejectReason reason, final String text)
    {
        o.base = OrdStatus.REJECTED;
        o.rejectReason = reason;
        o.text = text;
        er(o, ExecType.REJECTED, o.clOrdId, "", 0, 0);
    }

    void newOrder(
        final int client, final String clOrdId, final Instrument instrument, final Side side, final OrdType type,
        final long qty, final long price, final OrderRejectReason edge, final boolean connected, final boolean sendOk)
    {
        final Ord o = new Ord();
        o.orderId = String.valueOf(++lastOrder);
        o.client = client;
        o.clOrdId = clOrdId;
        o.firstClOrdId = clOrdId;
        o.instrument = instrument;
        o.side = side;
        o.type = type;
        o.qty = qty;
        o.price = price;
        final boolean duplicate = !clOrdId.isEmpty() && clOrdIds.containsKey(key(client, clOrdId));
        OrderRejectReason reason;
        if (edge != OrderRejectReason.NONE)
        {
            reason = edge;
        }
        else if (duplicate)
        {
            reason = OrderRejectReason.DUPLICATE_CLORDID;
        }
        else if (stored >= maxOrders)
        {
            reason = OrderRejectReason.CAPACITY;
        }
        else if (instrument == null)
        {
            reason = OrderRejectReason.UNKNOWN_SYMBOL;
        }
        else if (side == null || type == null)
        {
            reason = OrderRejectReason.MISSING_FIELD;
        }
        else
        {
            reason = TestSupport.SimpleRisk.simpleRule(instrument, type, qty, price);
            if (reason == OrderRejectReason.NONE && !connected)
            {
                reason = OrderRejectReason.VENUE_UNAVAILABLE;
            }
        }
        if (reason != OrderRejectReason.CAPACITY && stored < maxOrders)
        {
            orders.put(lastOrder, o);
            stored++;
            if (!clOrdId.isEmpty() && !duplicate)
            {
                clOrdIds.put(key(client, clOrdId), o);
            }
        }
        if (reason != OrderRejectReason.NONE)
        {
            reject(o, reason, reason.text());
            return;
        }
        o.base = OrdStatus.PENDING_NEW;
        o.currentN = 1;
        o.lastN = 1;
        children.put(o.orderId + "-1", new Child(o, 1));
        er(o, ExecType.PENDING_NEW, o.clOrdId, "", 0, 0);
        if (!sendOk)
        {
            reject(o, OrderRejectReason.VENUE_SEND_FAILED, OrderRejectReason.VENUE_SEND_FAILED.text());
        }
    }

    void cancelOrReplace(
        final boolean replace, final int client, final String clOrdId, final String orig, final String orderId,
        final Side side, final long qty, final long price, final OrdType type, final OrderRejectReason edge,
        final boolean connected, final boolean sendOk)
    {
        final Ord o = orig.isEmpty() ? null : clOrdIds.get(key(client, orig));
        if (!clOrdId.isEmpty() && clOrdIds.containsKey(key(client, clOrdId)))
        {
            cr(client, o, clOrdId, orig, replace, CancelRejectReason.DUPLICATE_CLORDID, null);
            return;
        }
        if (!clOrdId.isEmpty())
        {
            clOrdIds.put(key(client, clOrdId), o);
        }
        if (o == null)
        {
            cr(client, null, clOrdId, orig, replace, CancelRejectReason.UNKNOWN_ORDER, null);
            return;
        }
        if (!o.clOrdId.equals(orig))
        {
            cr(client, o, clOrdId, orig, replace, CancelRejectReason.UNKNOWN_ORDER,
                "OrigClOrdID is not the order's current ClOrdID");
            return;
        }
        if ((!orderId.isEmpty() && !orderId.equals(o.orderId)) || (side != null && side != o.side))
        {
            cr(client, o, clOrdId, orig, replace, CancelRejectReason.ORDER_MISMATCH, null);
            return;
        }
        if (o.done())
        {
            cr(client, o, clOrdId, orig, replace, CancelRejectReason.TOO_LATE_TO_CANCEL, null);
            return;
        }
        if (o.pending != 0)
        {
            cr(client, o, clOrdId, orig, replace, CancelRejectReason.ALREADY_PENDING, null);
            return;
        }
        final OrdType newType = type != null ? type : o.type;
        if (replace)
        {
            OrderRejectReason reason = edge;
            if (reason == OrderRejectReason.NONE && qty <= o.cum)
            {
                reason = OrderRejectReason.REPLACE_QTY_BELOW_CUM_QTY;
            }
            if (reason == OrderRejectReason.NONE)
            {
                reason = TestSupport.SimpleRisk.simpleRule(o.instrument, newType, qty, price);
            }
            if (reason != OrderRejectReason.NONE)
            {
                cr(client, o, clOrdId, orig, true, CancelRejectReason.REPLACE_REJECTED, reason.text());
                return;
            }
        }
        if (!connected)
        {
            cr(client, o, clOrdId, orig, replace, CancelRejectReason.VENUE_UNAVAILABLE, null);
            return;
        }
        o.pending = replace ? 'R' : 'C';
        o.pendingClOrdId = clOrdId;
        o.pendingN = ++o.lastN;
        o.pendingQty = qty;
        o.pendingPrice = price;
        o.pendingType = newType;
        children.put(o.orderId + "-" + o.pendingN, new Child(o, o.pendingN));
        er(o, replace ? ExecType.PENDING_REPLACE : ExecType.PENDING_CANCEL, clOrdId, o.clOrdId, 0, 0);
        if (!sendOk)
        {
            o.pending = 0;
            cr(client, o, clOrdId, o.clOrdId, replace, CancelRejectReason.VENUE_UNAVAILABLE, null);
        }
    }

    void status(final int client, final String clOrdId, final String orderId)
    {
        Ord o = null;
        if (!clOrdId.isEmpty())
        {
            o = clOrdIds.get(key(client, clOrdId));
            if (o != null && !orderId.isEmpty() && !orderId.equals(o.orderId))
            {
                o = null;
            }
        }
        else if (!orderId.isEmpty())
        {
            for (final Ord candidate : orders.values())
            {
                if (candidate.orderId.equals(orderId) && candidate.client == client)
                {
                    o = candidate;
                }
            }
        }
        if (o == null)
        {
            out.add("ER c=" + client + " oid=NONE eid=E" + (++lastExec) + " cl=" + clOrdId + " orig= et=" +
                ExecType.ORDER_STATUS + " os=REJECTED qty=0 px=0 cum=0 leaves=0 avg=0 last=0@0 rr=NONE text=unknown order");
            return;
        }
        out.add("ER c=" + client + " oid=" + o.orderId + " eid=E" + (++lastExec) + " cl=" +
            (clOrdId.isEmpty() ? o.clOrdId : clOrdId) + " orig= et=" + ExecType.ORDER_STATUS + " os=" + o.status() +
            " qty=" + o.qty + " px=" + o.price + " cum=" + o.cum + " leaves=" + o.leaves() + " avg=" + o.avg() +
            " last=0@0 rr=" + o.rejectReason + " text=" + o.text);
    }

    private Child resolve(final int venue, final String id)
    {
        final Child child = children.get(id);
        return child != null && child.ord().venue() == venue ? child : null;
    }

    /** @return false when the event named nothing of ours. */
    boolean execution(
        final int venue, final ExecType type, final String cl, final String orig, final String execId,
        final long lastQty, final long lastPx, final String text)
    {
        Child child = resolve(venue, cl);
        if (child == null)
        {
            child = resolve(venue, orig);
        }
        if (child == null || type == null)
        {
            return false;
        }
        final Ord o = child.ord();
        switch (type)
        {
            case NEW:
                if (o.base == OrdStatus.PENDING_NEW)
                {
                    o.base = OrdStatus.NEW;
                    er(o, ExecType.NEW, o.clOrdId, "", 0, 0);
                }
                break;
            case TRADE:
                if (!execId.isEmpty() && execIds.contains(venue + "|" + execId))
                {
                    break;
                }
                if (lastQty <= 0 || lastPx <= 0)
                {
                    break;
                }
                if (!execId.isEmpty())
                {
                    execIds.add(venue + "|" + execId);
                }
                o.cum += lastQty;
                o.notional = o.notional.add(BigDecimal.valueOf(lastQty).multiply(BigDecimal.valueOf(lastPx)));
                if (!o.done())
                {
                    o.base = o.cum >= o.qty ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
                }
                er(o, ExecType.TRADE, o.clOrdId, "", lastQty, lastPx);
                break;
            case CANCELED:
                if (!o.done())
                {
                    if (o.pending == 'C')
                    {
                        final String old = o.clOrdId;
                        o.clOrdId = o.pendingClOrdId;
                        o.currentN = o.pendingN;
                        o.pending = 0;
                        o.base = OrdStatus.CANCELED;
                        er(o, ExecType.CANCELED, o.clOrdId, old, 0, 0);
                    }
                    else
                    {
                        o.base = OrdStatus.CANCELED;
                        er(o, ExecType.CANCELED, o.clOrdId, "", 0, 0);
                    }
                }
                break;
            case EXPIRED:
                if (!o.done())
                {
                    o.base = OrdStatus.EXPIRED;
                    er(o, ExecType.EXPIRED, o.clOrdId, "", 0, 0);
                }
                break;
            case REPLACED:
                if (o.pending == 'R' && !o.done())
                {
                    final String old = o.clOrdId;
                    o.clOrdId = o.pendingClOrdId;
                    o.currentN = o.pendingN;
                    o.qty = o.pendingQty;
                    o.price = o.pendingPrice;
                    o.type = o.pendingType;
                    o.pending = 0;
                    o.base = o.cum == 0 ? OrdStatus.NEW : o.cum >= o.qty ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
                    er(o, ExecType.REPLACED, o.clOrdId, old, 0, 0);
                }
                break;
            case REJECTED:
                if (o.base == OrdStatus.PENDING_NEW)
                {
                    reject(o, OrderRejectReason.VENUE_REJECTED,
                        text.isEmpty() ? OrderRejectReason.VENUE_REJECTED.text() : text);
                }
                else if (o.pending != 0 && child.n() == o.pendingN)
                {
                    // a refused cancel/replace reported as 150=8: same as a venue OrderCancelReject
                    refusePending(o, text);
                }
                else if (!o.done())
                {
                    o.base = OrdStatus.CANCELED;
                    er(o, ExecType.CANCELED, o.clOrdId, "", 0, 0);
                }
                break;
            default:
                break;
        }
        return true;
    }

    boolean cancelReject(final int venue, final String cl, final String text)
    {
        final Child child = resolve(venue, cl);
        if (child == null || child.ord().pending == 0 || child.n() != child.ord().pendingN)
        {
            return false;
        }
        refusePending(child.ord(), text);
        return true;
    }

    private void refusePending(final Ord o, final String text)
    {
        final boolean replace = o.pending == 'R';
        o.pending = 0;
        final CancelRejectReason reason = o.done() ? CancelRejectReason.TOO_LATE_TO_CANCEL :
            CancelRejectReason.VENUE_REJECTED;
        cr(o.client, o, o.pendingClOrdId, o.clOrdId, replace, reason, text.isEmpty() ? null : text);
    }
}
