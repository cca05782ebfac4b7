package io.meridian.router;

import io.meridian.oms.OrderSnapshot;
import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.DepthBooks;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.ParentOrders;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The smart order router's order side: the venue that parent orders are sent to, and the internal
 * client that places their child orders (see {@link ParentOrders}). Runs on the core thread: the OMS
 * calls it as a venue ({@link #venueOrders()}) and reports its children's executions to it
 * ({@link #childReports()}); {@link #doWork()} then acts on what changed. Every action goes through the
 * OMS ring, so it is sequenced and journaled: this class keeps no state a restart needs beyond what the
 * OMS recovers ({@link #recover}) and asks again (status queries).
 * <p>
 * Level-triggered: for each changed parent it compares what the parent needs (its open quantity, a
 * cancel or replace asked for) with what its children hold, and sends what closes the gap. So the same
 * step repeated after a crash or a full ring is harmless, and the sum of working and filled child
 * quantities never exceeds the parent's: quantity is routed again only once a child is done.
 */
public final class ParentOrderRouter implements Agent
{
    /** A child cancel refused (venue down) is sent again after this long. */
    static final long RETRY_NANOS = 250_000_000L;
    /** Sweeps of a parent before an IOC or market remainder is cancelled or a limit remainder posted. */
    static final int MAX_SWEEPS = 3;
    /** A venue's reject rate and ack latency halve every 10 s without a child there to say otherwise. */
    static final long STATS_HALF_LIFE_NANOS = 10_000_000_000L;
    /** Ended parents kept for transaction cost analysis. */
    static final int COMPLETED_KEPT = 10_000;
    /** Child rejects after which a parent's remainder is cancelled rather than routed again. */
    static final int MAX_CHILD_REJECTS = 5;
    /** How long a venue that rejected or dropped a parent's child is left out of that parent's decisions. */
    static final long AVOID_NANOS = 5_000_000_000L;
    /** A child our own outbound could not send (back pressure) is routed again after this. */
    static final long SEND_RETRY_NANOS = 1_000_000L;

    private final int venueId;
    private final String[] venueNames;
    private final RoutingInstructions instructions = new RoutingInstructions();
    /** per venue, from this router's own children: reject rate (ppm) and ack latency (ns), decaying with time */
    private final long[] rejectRatePpm;
    private final AckLatencyWindow ackLatency;
    private final RouterConfig config;
    private final long[] statsUpdatedNanos;
    private final InstrumentRegistry instruments;
    private final DepthBooks depthBooks;
    private final LegConditions legConditions;
    private final EpochNanoClock clock;
    private final SmartRouter router;
    private final RouteRequest request;
    private final RouteResult result;
    private final VenueDepth[] books;
    private final DepthSnapshot snapshot = new DepthSnapshot(20);
    private final RouterMetrics metrics = new RouterMetrics();

    private OrderEntry orderEntry;
    private VenueEvents venueEvents;

    private final Map<String, Parent> parentsByOrderId = new HashMap<>();
    private final Map<String, Child> childrenByClOrdId = new HashMap<>();
    private final Map<String, Child> childrenByOrderId = new HashMap<>();
    private final List<Parent> active = new ArrayList<>();
    /** children placed to rest (not IOC), until they or their parents are done: they show in the venues' books */
    private final List<Child> resting = new ArrayList<>();
    private final ArrayList<Parent> dirty = new ArrayList<>();
    private final ArrayList<VenueOrder> queries = new ArrayList<>();
    /** the last parents that ended, for transaction cost analysis */
    private final java.util.ArrayDeque<ParentTca> completed = new java.util.ArrayDeque<>();

    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelOrderCommand cancel = new CancelOrderCommand();
    private final VenueExecution execution = new VenueExecution();
    private final VenueCancelReject cancelReject = new VenueCancelReject();
    private final VenueOrders asVenue = new AsVenue();
    private final ClientReports asClient = new AsClient();
    private boolean sessionAnnounced;
    private long nextTimerScanNanos;

    /**
     * @param venueId        the router's venue id: the venue of every routed instrument
     * @param venueNames     venue names by venue id (for the routing tags that name venues)
     * @param legConditions  each leg's rules, fees and venue health, read at every decision
     */
    public ParentOrderRouter(
        final int venueId, final List<String> venueNames, final InstrumentRegistry instruments,
        final DepthBooks depthBooks, final LegConditions legConditions, final RouterConfig config,
        final EpochNanoClock clock)
    {
        this.venueId = venueId;
        this.venueNames = venueNames.toArray(new String[0]);
        rejectRatePpm = new long[this.venueNames.length];
        ackLatency = new AckLatencyWindow(this.venueNames.length);
        statsUpdatedNanos = new long[this.venueNames.length];
        this.instruments = instruments;
        this.depthBooks = depthBooks;
        this.legConditions = legConditions;
        this.clock = clock;
        this.config = config;
        this.router = new SmartRouter(config);
        this.request = new RouteRequest(config.maxVenues());
        this.result = new RouteResult(config.maxVenues());
        this.books = new VenueDepth[config.maxVenues()];
    }

    /** Where children are placed and parent events go: the OMS's ring. Set before the core thread runs. */
    public ParentOrderRouter outputs(final OrderEntry orderEntry, final VenueEvents venueEvents)
    {
        this.orderEntry = orderEntry;
        this.venueEvents = venueEvents;
        return this;
    }

    public int venueId()
    {
        return venueId;
    }

    /** What the OMS sends parent orders to (the router's venue id). Core thread. */
    public VenueOrders venueOrders()
    {
        return asVenue;
    }

    /** Where the OMS reports the router's own child orders ({@link ParentOrders#ROUTER_CLIENT_ID}). */
    public ClientReports childReports()
    {
        return asClient;
    }

    public RouterMetrics metrics()
    {
        return metrics;
    }

    /**
     * Rebuilds the open parents and their children from the OMS's recovered orders (after
     * {@code Oms.recover()}, before the core thread runs). What the parents asked for that the snapshot
     * does not hold (a pending cancel or replace) the OMS asks again by status query once the router's
     * session is up, which it announces at its first {@link #doWork()}.
     */
    public void recover(final List<OrderSnapshot> orders)
    {
        for (final OrderSnapshot o : orders)
        {
            if (o.venueId() == venueId && !o.ordStatus().isTerminal())
            {
                final Instrument instrument = instruments.bySymbol(o.symbol());
                if (instrument == null || !instrument.routed())
                {
                    continue;
                }
                final Parent p = new Parent(o.orderId(), instrument, o.side(), o.account());
                p.venueClOrdId = o.venueClOrdId();
                p.qty = o.orderQty();
                p.price = o.price();
                p.ordType = o.ordType();
                p.timeInForce = o.timeInForce();
                p.acked = o.ordStatus() != OrdStatus.PENDING_NEW;
                instructions(p, o.routingFields(), o.createdNanos());
                p.sweeps = MAX_SWEEPS;
                parentsByOrderId.put(p.orderId, p);
                active.add(p);
            }
        }
        for (final OrderSnapshot o : orders)
        {
            if (o.clientId() != ParentOrders.ROUTER_CLIENT_ID)
            {
                continue;
            }
            final String clOrdId = o.origClOrdId();
            final int length = ParentOrders.parentOrderIdLength(clOrdId);
            final Parent p = length > 0 ? parentsByOrderId.get(clOrdId.substring(0, length)) : null;
            if (p == null)
            {
                continue;
            }
            final Child c = new Child(p, ParentOrders.childNumber(clOrdId), clOrdId, o.venueId(), o.orderQty());
            c.orderId = o.orderId();
            c.cumQty = o.cumQty();
            c.terminal = o.ordStatus().isTerminal();
            c.price = o.price();
            c.notional = (double)o.avgPx() * o.cumQty();
            final Instrument leg = instruments.bySymbol(o.symbol());
            c.legId = leg == null ? -1 : leg.id();
            // a child that rests (not IOC) shows in its venue's book
            c.passive = o.timeInForce() != TimeInForce.IOC;
            p.children.add(c);
            if (c.passive && !c.terminal)
            {
                resting.add(c);
            }
            p.nextChild = Math.max(p.nextChild, c.n + 1);
            childrenByClOrdId.put(clOrdId, c);
            childrenByOrderId.put(c.orderId, c);
        }
        for (final Parent p : active)
        {
            // a parent whose children were routed before the stop is not swept again: its remainder is
            // posted (limit) or cancelled (IOC, market); one with none was never routed
            if (p.children.isEmpty())
            {
                p.sweeps = 0;
            }
            markDirty(p);
        }
    }

    public int doWork()
    {
        if (!sessionAnnounced)
        {
            // the OMS then asks about every open parent: pending cancels and replaces come back as queries
            sessionAnnounced = venueEvents.onVenueSessionState(venueId, true);
            return 1;
        }
        int work = answerQueries();
        final long now = clock.nanoTime();
        if (now >= nextTimerScanNanos)
        {
            nextTimerScanNanos = now + 1_000_000L;
            for (int i = 0, n = active.size(); i < n; i++)
            {
                final Parent p = active.get(i);
                if (p.retryAtNanos != 0 && now >= p.retryAtNanos)
                {
                    p.retryAtNanos = 0;
                    markDirty(p);
                }
            }
        }
        if (dirty.isEmpty())
        {
            return work;
        }
        for (int i = 0; i < dirty.size(); i++)
        {
            final Parent p = dirty.get(i);
            p.dirty = false;
            if (!reconcile(p, now))
            {
                // the ring was full: try again next time
                p.retryAtNanos = now + 1_000_000L;
            }
            work++;
        }
        dirty.clear();
        for (int i = active.size() - 1; i >= 0; i--)
        {
            if (active.get(i).done)
            {
                final Parent p = active.remove(i);
                p.doneNanos = now;
                completed.addLast(tca(p));
                if (completed.size() > COMPLETED_KEPT)
                {
                    completed.removeFirst();
                }
                parentsByOrderId.remove(p.orderId);
                for (final Child c : p.children)
                {
                    childrenByClOrdId.remove(c.clOrdId);
                    if (c.orderId != null)
                    {
                        childrenByOrderId.remove(c.orderId);
                    }
                }
            }
        }
        metrics.openParents = active.size();
        return work;
    }

    public String roleName()
    {
        return "meridian-router";
    }

    /** Open parent orders (for admin and tests). Core thread. */
    public int openParents()
    {
        return active.size();
    }

    /** The cost analysis of a parent order, open or among the last that ended; null when unknown. Core thread. */
    public ParentTca tca(final String orderId)
    {
        final Parent p = parentsByOrderId.get(orderId);
        if (p != null)
        {
            return tca(p);
        }
        for (final java.util.Iterator<ParentTca> it = completed.descendingIterator(); it.hasNext(); )
        {
            final ParentTca t = it.next();
            if (t.orderId().equals(orderId))
            {
                return t;
            }
        }
        return null;
    }

    /** The parents that ended at or after {@code sinceNanos} (epoch), oldest first. Core thread. */
    public List<ParentTca> completedSince(final long sinceNanos)
    {
        final List<ParentTca> list = new ArrayList<>();
        for (final ParentTca t : completed)
        {
            if (t.doneNanos() >= sinceNanos)
            {
                list.add(t);
            }
        }
        return list;
    }

    private ParentTca tca(final Parent p)
    {
        final List<ParentTca.ChildTca> children = new ArrayList<>(p.children.size());
        long cum = 0;
        for (final Child c : p.children)
        {
            cum += c.cumQty;
            children.add(new ParentTca.ChildTca(c.clOrdId, c.orderId, c.venueId, c.qty, c.price, c.passive,
                c.sentNanos, c.ackNanos, c.firstFillNanos, c.cumQty,
                c.cumQty == 0 ? 0 : Math.round(c.notional / c.cumQty), c.terminal));
        }
        return new ParentTca(p.orderId, p.instrument.symbol(), p.side, p.qty, p.price, p.instrument.priceScale(),
            p.instrument.qtyScale(), p.arrivalNanos, p.arrivalBid, p.arrivalAsk, cum, p.averagePrice(), p.doneNanos,
            List.copyOf(children));
    }

    /**
     * The parent's routing instructions (its carried FIX fields, docs/router.md) and what the router refuses:
     * FOK (no all-or-nothing across venues), a venue that is none of the instrument's legs, an algo on an order
     * that cannot rest. {@code arrivalNanos}: the order's sequencing time, where a TWAP without EffectiveTime
     * starts (the same after a restart).
     */
    private void instructions(final Parent p, final CharSequence fields, final long arrivalNanos)
    {
        if (p.timeInForce == TimeInForce.FOK)
        {
            p.rejectText = "FOK is not routed: the router cannot fill all or nothing across venues (send IOC)";
            return;
        }
        if (instructions.parse(fields, p.instrument.qtyScale(), p.qty) != RoutingInstructionError.NONE)
        {
            p.rejectText = "invalid routing instruction: " + instructions.error() + " (tag " + instructions.errorTag() + ")";
            return;
        }
        if (instructions.policy() != null)
        {
            p.policy = instructions.policy();
        }
        if (instructions.hasExDestination())
        {
            p.singleVenueId = -1;
            for (int i = 0; i < p.instrument.legCount(); i++)
            {
                final int legVenue = instruments.byId(p.instrument.leg(i)).venueId();
                if (instructions.exDestinationEquals(venueNames[legVenue]))
                {
                    p.singleVenueId = legVenue;
                }
            }
            if (p.singleVenueId < 0)
            {
                p.rejectText = "ExDestination (100) is not a venue of " + p.instrument.symbol();
                return;
            }
        }
        for (int v = 0; v < instructions.venueCount() && p.preferCount < p.prefer.length; v++)
        {
            int found = -1;
            for (int i = 0; i < p.instrument.legCount(); i++)
            {
                final int legVenue = instruments.byId(p.instrument.leg(i)).venueId();
                if (instructions.venueNameEquals(v, venueNames[legVenue]))
                {
                    found = legVenue;
                }
            }
            if (found < 0)
            {
                p.rejectText = "VenuePreference (20101): " + instructions.appendVenueName(v, new StringBuilder()) +
                    " is not a venue of " + p.instrument.symbol();
                return;
            }
            p.prefer[p.preferCount++] = found;
        }
        p.algo = instructions.algo() == null ? AlgoType.NONE : instructions.algo();
        if (p.algo != AlgoType.NONE && (p.ordType == OrdType.MARKET || p.timeInForce == TimeInForce.IOC))
        {
            p.rejectText = p.algo + " needs a limit order that can rest (DAY or GTC), not IOC or market";
            return;
        }
        if (p.algo == AlgoType.TWAP)
        {
            final long start = instructions.hasTwapStart() ? instructions.twapStartNanos() : arrivalNanos;
            if (instructions.twapEndNanos() <= start)
            {
                p.rejectText = "TWAP ends (ExpireTime 126) before it starts";
                return;
            }
            p.twapStartNanos = start;
            p.twapEndNanos = instructions.twapEndNanos();
            p.twapRandomPct = instructions.twapRandomPct();
            p.twap = new TwapSchedule(instructions.twapSlices()).init(p.qty, 1, start, p.twapEndNanos,
                instructions.twapSlices(), p.twapRandomPct, p.orderId.hashCode());
        }
        else if (p.algo == AlgoType.ICEBERG)
        {
            p.iceberg = new IcebergSlicer().init(instructions.maxFloorQty(), 1);
        }
        if (p.policy == RoutingPolicy.PASSIVE_BEST_QUEUE)
        {
            p.sweeps = MAX_SWEEPS;
        }
    }

    /** The consolidated best bid and ask over the legs when the parent arrived: its arrival price. */
    private void arrival(final Parent p)
    {
        p.arrivalNanos = clock.nanoTime();
        for (int i = 0; i < p.instrument.legCount(); i++)
        {
            if (depthBooks.read(p.instrument.leg(i), snapshot))
            {
                if (snapshot.bids() > 0 && snapshot.bidPrice(0) > p.arrivalBid)
                {
                    p.arrivalBid = snapshot.bidPrice(0);
                }
                if (snapshot.asks() > 0 && (p.arrivalAsk == 0 || snapshot.askPrice(0) < p.arrivalAsk))
                {
                    p.arrivalAsk = snapshot.askPrice(0);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------ the parent's needs

    /** @return false when an output could not be written (ring full): the parent is looked at again. */
    private boolean reconcile(final Parent p, final long now)
    {
        if (p.done)
        {
            return true;
        }
        if (!p.acked)
        {
            if (p.rejectText != null)
            {
                return end(p, ExecType.REJECTED, OrdStatus.REJECTED, p.venueClOrdId, null);
            }
            if (!parentEvent(p, ExecType.NEW, OrdStatus.NEW, p.venueClOrdId, null))
            {
                return false;
            }
            p.acked = true;
        }
        final long working = workingQty(p);
        final long filled = filledQty(p);
        if (filled >= p.qty)
        {
            // filled: the OMS made it so with the last child fill; a cancel or replace asked meanwhile is too late
            final String pending = p.cancelClOrdId != null ? p.cancelClOrdId : p.replaceClOrdId;
            if (pending != null && !refusePending(p, pending, p.replaceClOrdId != null))
            {
                return false;
            }
            p.done = true;
            return true;
        }
        if (p.cancelClOrdId != null || p.replaceClOrdId != null)
        {
            if (!cancelWorkingChildren(p, now))
            {
                return false;
            }
            if (working > 0)
            {
                return true;
            }
            return p.cancelClOrdId != null ?
                end(p, ExecType.CANCELED, OrdStatus.CANCELED, p.cancelClOrdId, p.venueClOrdId) :
                finishReplace(p, filled);
        }
        final long open = released(p, now) - filled - working;
        if (open <= 0)
        {
            return true;
        }
        if (p.algo == AlgoType.ICEBERG)
        {
            // one visible child at a time, resting at the limit: the next once it is done
            if (working > 0)
            {
                return true;
            }
            return rest(p, p.iceberg.nextChildQty(open, 0), now);
        }
        final boolean takeOnly = p.timeInForce == TimeInForce.IOC || p.timeInForce == TimeInForce.FOK ||
            p.ordType == OrdType.MARKET;
        if (p.restack)
        {
            if (!cancelWorkingChildren(p, now))
            {
                return false;
            }
            p.restack = false;
        }
        if (working > 0)
        {
            // one round at a time: what is working decides what is left
            return true;
        }
        if (now < p.resendAtNanos)
        {
            // a child our outbound refused: routed again when the timer says
            return true;
        }
        if (p.childRejects >= MAX_CHILD_REJECTS)
        {
            return cancelRemainder(p);
        }
        if (p.sweeps < (takeOnly ? (p.ordType == OrdType.MARKET ? MAX_SWEEPS : 1) : MAX_SWEEPS))
        {
            p.sweeps++;
            final int placed = route(p, open, false, now);
            if (placed != 0)
            {
                return placed > 0;
            }
            if (!takeOnly)
            {
                p.sweeps = MAX_SWEEPS;
            }
        }
        if (takeOnly)
        {
            // what the sweeps could not take is cancelled, as a venue does with an IOC's remainder
            return cancelRemainder(p);
        }
        return rest(p, open, now);
    }

    /**
     * Posts {@code qty} to rest at the limit; with no venue to post at (or nothing to post) the parent waits and
     * tries again. @return false when the ring refused the child.
     */
    private boolean rest(final Parent p, final long qty, final long now)
    {
        final int posted = qty > 0 ? route(p, qty, true, now) : 0;
        if (posted == 0)
        {
            p.retryAtNanos = now + RETRY_NANOS;
            metrics.noRoute++;
        }
        return posted >= 0;
    }

    /**
     * How much of the parent may be working or filled by now: all of it, or for a TWAP the schedule's target
     * (each newly due slice may sweep again; the parent wakes at the next due time).
     */
    private long released(final Parent p, final long now)
    {
        if (p.algo != AlgoType.TWAP)
        {
            return p.qty;
        }
        final TwapSchedule twap = p.twap;
        final int due = twap.slicesDueAt(now);
        if (due > p.twapSlicesDue)
        {
            // a new slice: what rests from the last one is taken down and routed again with it
            p.twapSlicesDue = due;
            p.sweeps = 0;
            p.restack = p.twapSlicesDue > 1;
        }
        if (due < twap.slices())
        {
            final long next = twap.dueTimeNanos(due);
            p.retryAtNanos = p.retryAtNanos == 0 ? next : Math.min(p.retryAtNanos, next);
        }
        return due == 0 ? 0 : Math.min(p.qty, twap.targetBy(due - 1));
    }

    /** @return children placed, 0 when the decision placed none, -1 when the ring refused one. */
    private int route(final Parent p, final long open, final boolean passive, final long now)
    {
        final int count = loadBooks(p, now);
        final RoutingPolicy policy = p.policy;
        if (!passive)
        {
            request.set(p.side, open, p.ordType == OrdType.MARKET ? 0 : p.price,
                policy == RoutingPolicy.PASSIVE_BEST_QUEUE ? RoutingPolicy.BEST_PRICE_SWEEP : policy);
        }
        else if (policy == RoutingPolicy.SINGLE_VENUE || policy == RoutingPolicy.PREFERENCE_LIST)
        {
            request.set(p.side, open, p.price, policy).passive(true);
        }
        else
        {
            request.set(p.side, open, p.price, RoutingPolicy.PASSIVE_BEST_QUEUE);
        }
        if (p.singleVenueId >= 0)
        {
            request.venue(p.singleVenueId);
        }
        for (int i = 0; i < p.preferCount; i++)
        {
            request.prefer(p.prefer[i]);
        }
        router.route(request, books(count), result);
        metrics.decisions++;
        if (passive && result.childCount() == 0 && (result.unroutedReason() == UnroutedReason.NO_PASSIVE_PRICE ||
            result.unroutedReason() == UnroutedReason.NO_VENUE))
        {
            // no venue shows a price on the order's side to join: rest at the first healthy leg
            return restAtFirstHealthyLeg(p, open, count);
        }
        int placed = 0;
        for (int i = 0; i < result.childCount(); i++)
        {
            final int childVenue = result.childVenueId(i);
            final Instrument leg = legAt(p.instrument, childVenue);
            // a resting child rests at the client's limit; a sweeping one takes at most to its level
            final long price = passive ? p.price : result.childPrice(i);
            final Child c = new Child(p, p.nextChild, null, childVenue, result.childQty(i));
            c.price = price;
            c.passive = passive;
            if (!placeChild(p, c, leg, passive ? p.timeInForce : TimeInForce.IOC))
            {
                return placed > 0 ? placed : -1;
            }
            placed++;
        }
        return placed;
    }

    private int restAtFirstHealthyLeg(final Parent p, final long open, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final VenueDepth book = books[i];
            if (p.singleVenueId >= 0 && book.venueId() != p.singleVenueId)
            {
                continue;
            }
            final long lot = book.lotSize();
            final long qty = lot > 0 ? open - open % lot : open;
            if (book.health().evaluate(router.config()) != HealthReason.HEALTHY || qty <= 0 || qty < book.minQty())
            {
                continue;
            }
            final Child c = new Child(p, p.nextChild, null, book.venueId(), qty);
            c.price = p.price;
            c.passive = true;
            return placeChild(p, c, legAt(p.instrument, book.venueId()), p.timeInForce) ? 1 : -1;
        }
        return 0;
    }

    private boolean placeChild(final Parent p, final Child c, final Instrument leg, final TimeInForce tif)
    {
        c.legId = leg.id();
        final NewOrderCommand o = newOrder.reset();
        o.clientId = ParentOrders.ROUTER_CLIENT_ID;
        ParentOrders.appendChildClOrdId(o.clOrdId, p.orderId, c.n);
        o.account.append(p.account);
        o.symbol.append(leg.symbol());
        o.instrumentId = leg.id();
        o.side = p.side;
        o.ordType = OrdType.LIMIT;
        o.timeInForce = tif == TimeInForce.FOK ? TimeInForce.IOC : tif;
        o.qty = c.qty;
        o.price = c.price;
        o.transactTimeNanos = clock.nanoTime();
        if (!orderEntry.newOrder(o))
        {
            return false;
        }
        p.nextChild++;
        c.sentNanos = o.transactTimeNanos;
        final String clOrdId = o.clOrdId.toString();
        c.clOrdId = clOrdId;
        p.children.add(c);
        if (c.passive)
        {
            resting.add(c);
        }
        childrenByClOrdId.put(clOrdId, c);
        metrics.childOrders++;
        return true;
    }

    private boolean cancelWorkingChildren(final Parent p, final long now)
    {
        for (final Child c : p.children)
        {
            if (c.terminal || c.orderId == null || (c.cancelSentNanos != 0 && now - c.cancelSentNanos < RETRY_NANOS))
            {
                continue;
            }
            final CancelOrderCommand x = cancel.reset();
            x.clientId = ParentOrders.ROUTER_CLIENT_ID;
            x.clOrdId.append(c.clOrdId).append('c').append(++c.cancels);
            x.origClOrdId.append(c.clOrdId);
            x.orderId.append(c.orderId);
            x.side = p.side;
            x.transactTimeNanos = clock.nanoTime();
            if (!orderEntry.cancelOrder(x))
            {
                c.cancels--;
                return false;
            }
            c.cancelSentNanos = now;
            metrics.childCancels++;
        }
        if (workingQty(p) > 0)
        {
            // a cancel refused or unanswered is sent again
            p.retryAtNanos = now + RETRY_NANOS;
        }
        return true;
    }

    /** Ends the parent with this report to the OMS; false when the ring refused it (tried again). */
    private boolean end(
        final Parent p, final ExecType execType, final OrdStatus status, final String clOrdId, final String origClOrdId)
    {
        if (!parentEvent(p, execType, status, clOrdId, origClOrdId))
        {
            return false;
        }
        p.done = true;
        return true;
    }

    /** Unsolicited: what is left of the parent is cancelled. */
    private boolean cancelRemainder(final Parent p)
    {
        return end(p, ExecType.CANCELED, OrdStatus.CANCELED, p.venueClOrdId, null);
    }

    private boolean finishReplace(final Parent p, final long filled)
    {
        if (!parentEvent(p, ExecType.REPLACED, filled >= p.replaceQty ? OrdStatus.FILLED :
            filled > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW, p.replaceClOrdId, p.venueClOrdId))
        {
            return false;
        }
        p.venueClOrdId = p.replaceClOrdId;
        p.replaceClOrdId = null;
        p.qty = p.replaceQty;
        p.price = p.replacePrice;
        p.ordType = p.replaceOrdType;
        p.timeInForce = p.replaceTimeInForce;
        p.sweeps = 0;
        if (p.twap != null)
        {
            // the same schedule (times and seed) for the new quantity
            p.twap.init(p.qty, 1, p.twapStartNanos, p.twapEndNanos, p.twap.slices(), p.twapRandomPct,
                p.orderId.hashCode());
        }
        if (filled >= p.qty)
        {
            p.done = true;
        }
        else
        {
            markDirty(p);
        }
        return true;
    }

    private boolean refusePending(final Parent p, final String clOrdId, final boolean replace)
    {
        final VenueCancelReject r = cancelReject.reset();
        r.venueId = venueId;
        r.clOrdId.append(clOrdId);
        r.origClOrdId.append(p.venueClOrdId);
        r.replace = replace;
        r.receivedNanos = clock.nanoTime();
        r.text.append("order filled");
        return venueEvents.onCancelReject(r);
    }

    private boolean parentEvent(
        final Parent p, final ExecType execType, final OrdStatus status, final String clOrdId, final String origClOrdId)
    {
        final VenueExecution e = execution.reset();
        e.venueId = venueId;
        e.clOrdId.append(clOrdId);
        if (origClOrdId != null)
        {
            e.origClOrdId.append(origClOrdId);
        }
        e.venueOrderId.append(p.orderId);
        e.execType = execType;
        e.ordStatus = status;
        if (status == OrdStatus.REJECTED && p.rejectText != null)
        {
            e.text.append(p.rejectText);
        }
        final long filled = filledQty(p);
        e.cumQty = filled;
        e.leavesQty = status.isTerminal() ? 0 : Math.max(0, p.qty - filled);
        e.lastPx = p.averagePrice();
        e.receivedNanos = clock.nanoTime();
        return venueEvents.onExecution(e);
    }

    // ------------------------------------------------------------------------------------ books

    private int loadBooks(final Parent p, final long now)
    {
        final Instrument routed = p.instrument;
        if (p.avoidUntilNanos != 0 && now >= p.avoidUntilNanos)
        {
            p.avoidVenues = 0;
            p.avoidUntilNanos = 0;
        }
        pruneResting();
        int count = 0;
        for (int i = 0; i < routed.legCount() && count < books.length; i++)
        {
            final Instrument leg = instruments.byId(routed.leg(i));
            VenueDepth depth = books[count];
            if (depth == null || depth.venueId() != leg.venueId())
            {
                depth = new VenueDepth(leg.venueId(), 20);
                books[count] = depth;
            }
            depth.clear();
            final boolean inSync = depthBooks.read(leg.id(), snapshot);
            if (inSync)
            {
                // our own resting children are in the venue's book: never route into them (a self-trade), nor
                // count them as a queue to join
                for (int l = 0; l < snapshot.bids(); l++)
                {
                    final long qty = snapshot.bidQty(l) - ownResting(leg.id(), true, snapshot.bidPrice(l));
                    if (qty > 0)
                    {
                        depth.addBid(snapshot.bidPrice(l), qty);
                    }
                }
                for (int l = 0; l < snapshot.asks(); l++)
                {
                    final long qty = snapshot.askQty(l) - ownResting(leg.id(), false, snapshot.askPrice(l));
                    if (qty > 0)
                    {
                        depth.addAsk(snapshot.askPrice(l), qty);
                    }
                }
            }
            depth.health().connected(true).bookInSync(inSync).halted(false);
            legConditions.apply(leg, depth, now);
            if (leg.venueId() < rejectRatePpm.length)
            {
                decay(leg.venueId(), now);
                depth.health().rejectRatePpm(rejectRatePpm[leg.venueId()])
                    .ackLatencyP50Nanos(ackLatency.medianNanos(leg.venueId()));
            }
            if (leg.venueId() < 64 && (p.avoidVenues & (1L << leg.venueId())) != 0)
            {
                // it rejected or dropped this parent's child: the rest goes elsewhere for a while
                depth.health().halted(true);
            }
            count++;
        }
        latencyRanksOnly(count);
        return count;
    }

    /**
     * A slow ack skips a venue only while another usable venue is fast: when every venue that is otherwise
     * healthy is slow, the slowness is the market's or our own (a pause, a loaded machine), and skipping them
     * all would leave the parent unrouted until the latencies decay.
     */
    private void latencyRanksOnly(final int count)
    {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < count; i++)
        {
            final VenueHealth health = books[i].health();
            final long latency = health.ackLatencyP50Nanos();
            health.ackLatencyP50Nanos(0);
            if (health.evaluate(config) == HealthReason.HEALTHY)
            {
                fastest = Math.min(fastest, latency);
            }
            health.ackLatencyP50Nanos(latency);
        }
        if (fastest != Long.MAX_VALUE && fastest > config.maxAckLatencyP50Nanos())
        {
            for (int i = 0; i < count; i++)
            {
                books[i].health().ackLatencyP50Nanos(0);
            }
        }
    }

    /**
     * What our working resting children show at this leg, side and price (any parent's): a scan of the resting
     * children only, so a backlog of sweeping parents costs nothing here.
     */
    private long ownResting(final int legId, final boolean buy, final long price)
    {
        long qty = 0;
        for (int i = 0, n = resting.size(); i < n; i++)
        {
            final Child child = resting.get(i);
            if (!child.terminal && !child.parent.done && child.legId == legId && child.price == price &&
                (child.parent.side == Side.BUY) == buy)
            {
                qty += child.qty - child.cumQty;
            }
        }
        return qty;
    }

    /** Drops the resting children that are done (or whose parent is): called before the books are read. */
    private void pruneResting()
    {
        for (int i = resting.size() - 1; i >= 0; i--)
        {
            final Child child = resting.get(i);
            if (child.terminal || child.parent.done)
            {
                final int last = resting.size() - 1;
                resting.set(i, resting.get(last));
                resting.remove(last);
            }
        }
    }

    private VenueDepth[] books(final int count)
    {
        for (int i = count; i < books.length; i++)
        {
            if (books[i] != null)
            {
                books[i].clear();
                books[i].health().connected(false);
            }
        }
        return books;
    }

    /** Every child outcome moves its venue's reject rate 1/32 of the way (rejected: towards 100%), its ack latency 1/8. */
    private void childOutcome(final int venueId, final boolean rejected, final long ackNanos, final long now)
    {
        if (venueId < 0 || venueId >= rejectRatePpm.length)
        {
            return;
        }
        decay(venueId, now);
        rejectRatePpm[venueId] += ((rejected ? 1_000_000L : 0) - rejectRatePpm[venueId]) / 32;
        if (ackNanos > 0)
        {
            ackLatency.record(venueId, ackNanos);
        }
    }

    /**
     * Halves a venue's reject rate and ack latency every {@link #STATS_HALF_LIFE_NANOS} without news: a venue
     * skipped for them gets no children, so only time can clear it.
     */
    private void decay(final int venueId, final long now)
    {
        final long since = statsUpdatedNanos[venueId];
        if (since == 0 || now < since)
        {
            statsUpdatedNanos[venueId] = now;
            return;
        }
        final long halvings = (now - since) / STATS_HALF_LIFE_NANOS;
        if (halvings > 0)
        {
            rejectRatePpm[venueId] = halvings >= 63 ? 0 : rejectRatePpm[venueId] >> halvings;
            ackLatency.halve(venueId, halvings);
            statsUpdatedNanos[venueId] = since + halvings * STATS_HALF_LIFE_NANOS;
        }
    }

    private Instrument legAt(final Instrument routed, final int legVenueId)
    {
        for (int i = 0; i < routed.legCount(); i++)
        {
            final Instrument leg = instruments.byId(routed.leg(i));
            if (leg.venueId() == legVenueId)
            {
                return leg;
            }
        }
        throw new IllegalStateException("no leg of " + routed.symbol() + " at venue " + legVenueId);
    }

    // ------------------------------------------------------------------------------------ state

    private static long workingQty(final Parent p)
    {
        long working = 0;
        for (final Child c : p.children)
        {
            if (!c.terminal)
            {
                working += c.qty - c.cumQty;
            }
        }
        return working;
    }

    private static long filledQty(final Parent p)
    {
        long filled = 0;
        for (final Child c : p.children)
        {
            filled += c.cumQty;
        }
        return filled;
    }

    private void markDirty(final Parent p)
    {
        if (!p.dirty)
        {
            p.dirty = true;
            dirty.add(p);
        }
    }

    private int answerQueries()
    {
        int work = 0;
        while (!queries.isEmpty())
        {
            final VenueOrder q = queries.get(0);
            final String orderId = parentOrderIdOf(q.clOrdId.length() > 0 && q.queried == VenueOrder.QUERIED_ORDER ?
                q.clOrdId : q.origClOrdId);
            final Parent p = parentsByOrderId.get(orderId);
            final VenueExecution e = execution.reset();
            e.venueId = venueId;
            e.clOrdId.append(q.clOrdId);
            e.execType = ExecType.ORDER_STATUS;
            if (p == null)
            {
                e.ordStatus = OrdStatus.REJECTED;
                e.text.append("unknown parent order");
            }
            else
            {
                if (q.queried == VenueOrder.QUERIED_CANCEL && p.cancelClOrdId == null)
                {
                    p.cancelClOrdId = q.clOrdId.toString();
                    markDirty(p);
                }
                else if (q.queried == VenueOrder.QUERIED_REPLACE && p.replaceClOrdId == null)
                {
                    p.replaceClOrdId = q.clOrdId.toString();
                    p.replaceQty = q.qty;
                    p.replacePrice = q.price;
                    p.replaceOrdType = q.ordType;
                    p.replaceTimeInForce = q.timeInForce;
                    markDirty(p);
                }
                final long filled = filledQty(p);
                e.venueOrderId.append(p.orderId);
                // not acknowledged yet: the acknowledgement (or the refusal) follows as its own report
                e.ordStatus = !p.acked ? OrdStatus.PENDING_NEW : filled == 0 ? OrdStatus.NEW : OrdStatus.PARTIALLY_FILLED;
                e.cumQty = filled;
                e.leavesQty = Math.max(0, p.qty - filled);
                e.lastPx = p.averagePrice();
            }
            if (!venueEvents.onExecution(e))
            {
                break;
            }
            queries.remove(0);
            work++;
        }
        return work;
    }

    private static String parentOrderIdOf(final CharSequence venueClOrdId)
    {
        return venueClOrdId.subSequence(0, ParentOrders.orderIdLength(venueClOrdId)).toString();
    }

    // ------------------------------------------------------------------------------------ inputs

    private final class AsVenue implements VenueOrders
    {
        public boolean isConnected(final int venueId)
        {
            return true;
        }

        public boolean sendNewOrder(final VenueOrder order)
        {
            final Instrument instrument = instruments.bySymbol(order.symbol);
            if (instrument == null || !instrument.routed())
            {
                return false;
            }
            final Parent p = new Parent(parentOrderIdOf(order.clOrdId), instrument, order.side, order.account.toString());
            p.venueClOrdId = order.clOrdId.toString();
            p.qty = order.qty;
            p.price = order.price;
            p.ordType = order.ordType;
            p.timeInForce = order.timeInForce;
            instructions(p, order.customFields, order.transactTimeNanos);
            arrival(p);
            parentsByOrderId.put(p.orderId, p);
            active.add(p);
            markDirty(p);
            metrics.parentOrders++;
            return true;
        }

        public boolean sendCancel(final VenueOrder order)
        {
            final Parent p = parentsByOrderId.get(parentOrderIdOf(order.origClOrdId));
            if (p == null || p.done || p.cancelClOrdId != null || p.replaceClOrdId != null)
            {
                return false;
            }
            p.cancelClOrdId = order.clOrdId.toString();
            markDirty(p);
            return true;
        }

        public boolean sendReplace(final VenueOrder order)
        {
            final Parent p = parentsByOrderId.get(parentOrderIdOf(order.origClOrdId));
            if (p == null || p.done || p.cancelClOrdId != null || p.replaceClOrdId != null)
            {
                return false;
            }
            p.replaceClOrdId = order.clOrdId.toString();
            p.replaceQty = order.qty;
            p.replacePrice = order.price;
            p.replaceOrdType = order.ordType;
            p.replaceTimeInForce = order.timeInForce;
            markDirty(p);
            return true;
        }

        public boolean sendStatusRequest(final VenueOrder order)
        {
            final VenueOrder copy = new VenueOrder();
            copy.clOrdId.append(order.clOrdId);
            copy.origClOrdId.append(order.origClOrdId);
            copy.queried = order.queried;
            copy.qty = order.qty;
            copy.price = order.price;
            copy.ordType = order.ordType;
            copy.timeInForce = order.timeInForce;
            queries.add(copy);
            return true;
        }
    }

    private final class AsClient implements ClientReports
    {
        public void onExecutionReport(final ExecutionReport r)
        {
            Child c = childrenByOrderId.get(r.orderId.toString());
            if (c == null)
            {
                c = childrenByClOrdId.get(r.clOrdId.toString());
                if (c == null)
                {
                    metrics.unknownChildReports++;
                    return;
                }
                c.orderId = r.orderId.toString();
                childrenByOrderId.put(c.orderId, c);
            }
            c.cumQty = r.cumQty;
            c.notional += (double)r.lastQty * r.lastPx;
            if (r.execType == ExecType.NEW && c.ackNanos == 0)
            {
                c.ackNanos = clock.nanoTime();
                childOutcome(c.venueId, false, c.ackNanos - c.sentNanos, c.ackNanos);
            }
            else if (r.execType == ExecType.TRADE && c.firstFillNanos == 0)
            {
                c.firstFillNanos = clock.nanoTime();
                if (c.ackNanos == 0)
                {
                    c.ackNanos = c.firstFillNanos;
                    childOutcome(c.venueId, false, c.ackNanos - c.sentNanos, c.ackNanos);
                }
            }
            else if (r.execType == ExecType.REJECTED && r.rejectReason != OrderRejectReason.VENUE_SEND_FAILED)
            {
                childOutcome(c.venueId, true, 0, clock.nanoTime());
            }
            if (r.ordStatus != null && r.ordStatus.isTerminal() && !c.terminal)
            {
                c.terminal = true;
                final Parent p = c.parent;
                if (r.execType == ExecType.REJECTED && r.rejectReason == OrderRejectReason.VENUE_SEND_FAILED)
                {
                    // our own outbound was back pressured (over capacity), not the venue's doing: the venue is
                    // neither avoided nor counted against, and the parent routes again shortly
                    p.resendAtNanos = clock.nanoTime() + SEND_RETRY_NANOS;
                    p.retryAtNanos = p.retryAtNanos == 0 ? p.resendAtNanos : Math.min(p.retryAtNanos, p.resendAtNanos);
                    return;
                }
                final boolean dropped = r.execType == ExecType.REJECTED ||
                    (r.execType == ExecType.CANCELED && c.passive && c.cancelSentNanos == 0 && p.cancelClOrdId == null &&
                    p.replaceClOrdId == null);
                if (dropped)
                {
                    if (r.execType == ExecType.REJECTED)
                    {
                        metrics.childRejects++;
                        p.childRejects++;
                    }
                    if (c.venueId < 64)
                    {
                        p.avoidVenues |= 1L << c.venueId;
                        p.avoidUntilNanos = clock.nanoTime() + AVOID_NANOS;
                    }
                }
            }
            markDirty(c.parent);
        }

        public void onCancelReject(final CancelReject r)
        {
            // refused (venue down, too late): the parent looks again; a working child's cancel is retried
            final Child c = childrenByOrderId.get(r.orderId.toString());
            if (c != null)
            {
                markDirty(c.parent);
            }
        }
    }

    /** A parent order as the router sees it: what it asks for and its children. */
    static final class Parent
    {
        final String orderId;
        final Instrument instrument;
        final Side side;
        final String account;
        final List<Child> children = new ArrayList<>(4);
        String venueClOrdId;
        long qty;
        long price;
        OrdType ordType;
        TimeInForce timeInForce;
        RoutingPolicy policy = RoutingPolicy.BEST_PRICE_SWEEP;
        int singleVenueId = -1;
        final int[] prefer = new int[8];
        int preferCount;
        boolean acked;
        boolean done;
        boolean dirty;
        int sweeps;
        int nextChild = 1;
        int childRejects;
        long avoidVenues;
        long avoidUntilNanos;
        /** set when the router refuses the parent (answered REJECTED instead of NEW) */
        String rejectText;
        AlgoType algo = AlgoType.NONE;
        TwapSchedule twap;
        long twapStartNanos;
        long twapEndNanos;
        int twapRandomPct;
        /** a TWAP slice came due while children rest: cancel them, the next round routes both */
        boolean restack;
        int twapSlicesDue;
        IcebergSlicer iceberg;
        long arrivalNanos;
        long arrivalBid;
        long arrivalAsk;
        long doneNanos;
        long retryAtNanos;
        /** no new child before this: the last one was refused by our own back-pressured outbound */
        long resendAtNanos;
        String cancelClOrdId;
        String replaceClOrdId;
        long replaceQty;
        long replacePrice;
        OrdType replaceOrdType;
        TimeInForce replaceTimeInForce;

        Parent(final String orderId, final Instrument instrument, final Side side, final String account)
        {
            this.orderId = orderId;
            this.instrument = instrument;
            this.side = side;
            this.account = account;
        }

        long averagePrice()
        {
            long qty = 0;
            double notional = 0;
            for (final Child c : children)
            {
                qty += c.cumQty;
                notional += c.notional;
            }
            return qty == 0 ? 0 : Math.round(notional / qty);
        }
    }

    /** One child order of a parent. */
    static final class Child
    {
        final Parent parent;
        final int n;
        final int venueId;
        final long qty;
        /** the leg instrument's id */
        int legId = -1;
        String clOrdId;
        String orderId;
        long price;
        long cumQty;
        double notional;
        boolean terminal;
        boolean passive;
        int cancels;
        long cancelSentNanos;
        long sentNanos;
        long ackNanos;
        long firstFillNanos;

        Child(final Parent parent, final int n, final String clOrdId, final int venueId, final long qty)
        {
            this.parent = parent;
            this.n = n;
            this.clOrdId = clOrdId;
            this.venueId = venueId;
            this.qty = qty;
        }
    }
}
