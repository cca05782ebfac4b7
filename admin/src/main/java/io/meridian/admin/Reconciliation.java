package io.meridian.admin;

import io.meridian.admin.reconciliation.Difference;
import io.meridian.admin.reconciliation.DriftBook;
import io.meridian.admin.reconciliation.DriftCause;
import io.meridian.admin.reconciliation.DriftDetector;
import io.meridian.admin.reconciliation.DriftEvent;
import io.meridian.admin.reconciliation.OurOrder;
import io.meridian.admin.reconciliation.OurSide;
import io.meridian.admin.security.AuditLog;
import io.meridian.oms.model.OrdStatus;
import io.meridian.positions.store.StoreReader;
import io.meridian.positions.store.StoreViews.FillView;
import io.meridian.risk.alerts.Severity;
import io.meridian.venues.crypto.CryptoVenueBridge;
import io.meridian.venues.view.VenueView;
import io.meridian.venues.view.VenueViewSource;
import io.meridian.venues.view.ViewRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Continuous reconciliation, on its own thread: each venue is asked for its own view every
 * {@code interval-ms} (and at once after a reconnect or a balance the venue pushes), the answer is
 * compared with the shared store, and what differs long enough becomes a drift event: logged, counted,
 * alerted, and under a venue's halt policy new orders to that venue are refused until every drift
 * event of it is resolved (cancels always pass). At a start each venue refuses new orders until its
 * first pass (fail closed); {@code /health} reports the phase.
 */
@Context
public class Reconciliation implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final long TICK_MS = 20;

    private final MeridianServer server;
    private final AuditLog audit;
    private final PrometheusMeterRegistry registry;
    private final ReconciliationSettings settings;
    private final DriftBook book;
    private final DriftDetector detector;
    private final List<Track> tracks = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final long startNanos = System.currentTimeMillis() * 1_000_000L;
    private ReconciliationState state;
    private List<FillView> unknownFills = List.of();
    private long unknownFillsCounted = -1;
    private volatile boolean starting;

    /** One venue's reconciliation. */
    private final class Track
    {
        final VenueViewSource source;
        final DriftDetector.HoldingKind holdings;
        final Counter passesOk;
        final Counter passesFailed;
        boolean inFlight;
        volatile boolean triggered;
        boolean wasConnected;
        long dueNanos;
        volatile long lastSuccessNanos;
        volatile String lastError = "";
        volatile long lastAnswerMs = -1;
        volatile int openOrdersAtVenue;
        volatile int tradesSeen;
        volatile List<Holding> holdingsSeen = List.of();
        /** per asset, the balance last sequenced into the store (scaled by 8) */
        final Map<String, Long> balancesSequenced = new java.util.concurrent.ConcurrentHashMap<>();
        /** per asset, the latest balance the venue pushed since the last full pass (reconciliation thread) */
        final Map<String, VenueView.Balance> pushed = new HashMap<>();
        long lastPassStartNanos;
        boolean pushCheckScheduled;
        final long intervalNanos;

        Track(final VenueViewSource source)
        {
            this.source = source;
            holdings = source instanceof CryptoVenueBridge ? DriftDetector.HoldingKind.BALANCES :
                DriftDetector.HoldingKind.POSITIONS;
            intervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.intervalMs(source.name()));
            passesOk = Counter.builder("meridian_reconciliation_passes").tag("venue", source.name())
                .tag("outcome", "ok").description("reconciliation passes over the venue").register(registry);
            passesFailed = Counter.builder("meridian_reconciliation_passes").tag("venue", source.name())
                .tag("outcome", "failed").description("reconciliation passes over the venue").register(registry);
            Gauge.builder("meridian_reconciliation_age_seconds", this, t -> (now() - (t.lastSuccessNanos == 0 ?
                startNanos : t.lastSuccessNanos)) / 1e9).tag("venue", source.name())
                .description("seconds since the venue was last reconciled").register(registry);
            Gauge.builder("meridian_drift_events_open", this, t -> book.open().stream()
                .filter(e -> e.venueId() == t.source.venueId()).count()).tag("venue", source.name())
                .description("drift events of the venue not resolved").register(registry);
        }
    }

    public Reconciliation(final MeridianServer server, final AuditLog audit, final PrometheusMeterRegistry registry)
    {
        this.server = server;
        this.audit = audit;
        this.registry = registry;
        this.settings = server.config().reconciliation();
        this.book = new DriftBook(TimeUnit.MILLISECONDS.toNanos(settings.settleMs()), 1_000);
        this.detector = new DriftDetector(TimeUnit.MILLISECONDS.toNanos(settings.settleMs()));
        if (!settings.enabled())
        {
            timer = null;
            server.phase(MeridianServer.Phase.OPEN);
            return;
        }
        state = ReconciliationState.load(server.config().dataDir());
        timer = DaemonTimers.single("meridian-reconciliation");
        for (final VenueViewSource source : server.viewSources())
        {
            final Track track = new Track(source);
            tracks.add(track);
            source.balanceListener((venueId, balance) ->
            {
                sequenceBalance(track, balance);
                timer.execute(() -> pushed(track, balance));
            });
            source.recoveredFillListener((venueId, trade) -> timer.execute(() -> recovered(track, trade)));
        }
        starting = true;
        timer.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void tick()
    {
        try
        {
            final long now = now();
            for (final Track track : tracks)
            {
                final boolean connected = track.source.isConnected();
                if (connected && !track.wasConnected)
                {
                    track.triggered = true; // after every reconnect: what happened while we were away?
                }
                track.wasConnected = connected;
                if (!track.inFlight && (track.triggered || now >= track.dueNanos))
                {
                    track.triggered = false;
                    ask(track, now);
                }
                overdue(track, now);
            }
            if (starting)
            {
                finishStartIfDone(now);
            }
        }
        catch (final RuntimeException e)
        {
            LOG.error("event=reconciliation_failed", e);
        }
    }

    private void ask(final Track track, final long now)
    {
        track.dueNanos = now + track.intervalNanos;
        track.lastPassStartNanos = now;
        if (!track.source.isConnected())
        {
            failed(track, "not connected");
            return;
        }
        track.inFlight = true;
        final long askedMs = System.currentTimeMillis();
        track.source.requestView(new ViewRequest(state.tradeIds(track.source.name()), true, settings.timeoutMs()))
            .orTimeout(settings.timeoutMs() * 2, TimeUnit.MILLISECONDS)
            .whenComplete((view, error) -> timer.execute(() ->
            {
                track.inFlight = false;
                track.lastAnswerMs = System.currentTimeMillis() - askedMs;
                try
                {
                    if (error != null)
                    {
                        failed(track, String.valueOf(error.getMessage()));
                    }
                    else
                    {
                        answered(track, view);
                    }
                }
                catch (final RuntimeException e)
                {
                    LOG.error("event=reconciliation_pass_failed venue={}", track.source.name(), e);
                    failed(track, e.toString());
                }
            }));
    }

    private void failed(final Track track, final String why)
    {
        if (!why.equals(track.lastError))
        {
            LOG.warn("event=reconciliation_venue_unanswered venue={} why=\"{}\"", track.source.name(), why);
        }
        track.lastError = why;
        track.passesFailed.increment();
    }

    private void answered(final Track track, final VenueView view)
    {
        final String venue = track.source.name();
        final int venueId = track.source.venueId();
        final OurSide ours = ourSide(track.source, track.holdings);
        final Map<String, BigDecimal> raw = new HashMap<>();
        final List<Difference> differences =
            detector.compare(view, ours, track.holdings, state.baselines(venue), raw);
        final long now = now();
        final List<DriftBook.Change> changes = book.pass(venueId, venue, differences, now);
        applyPolicy(track); // first: the halt must not wait for the logging and the state file
        for (final DriftBook.Change change : changes)
        {
            report(change);
        }
        boolean changed = state.offerBaselines(venue, raw);
        changed |= state.advanceTrades(venue, view.trades(), t -> ours.tradeRecorded().test(t) ||
            book.acknowledged(venueId + "|" + DriftCause.UNKNOWN_ORDER_FILL + "|trade " + t.venueTradeId()));
        if (changed)
        {
            state.save();
        }
        track.lastSuccessNanos = now;
        track.lastError = "";
        track.openOrdersAtVenue = view.openOrders().size();
        track.tradesSeen = view.trades().size();
        view.balances().forEach(b ->
        {
            sequenceBalance(track, b);
            track.pushed.remove(b.asset()); // the answer is at least as recent
        });
        if (view.balancesAsked())
        {
            final Map<String, BigDecimal> baselines = state.baselines(venue);
            track.holdingsSeen = raw.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e ->
                {
                    final BigDecimal mine = ours.holdings().getOrDefault(e.getKey(), BigDecimal.ZERO);
                    final BigDecimal baseline = baselines.get(e.getKey());
                    return new Holding(e.getKey(), e.getValue().add(mine), mine, baseline,
                        baseline == null ? null : e.getValue().subtract(baseline));
                }).toList();
        }
        track.passesOk.increment();
        if (server.halts().notReconciled(venueId))
        {
            server.halts().notReconciled(venueId, false);
            LOG.info("event=venue_reconciled venue={} openAtVenue={} differences={}", venue, view.openOrders().size(),
                differences.size());
            if (!starting)
            {
                server.alerts().raise(Severity.INFO, "reconciliation", "VENUE_RECONCILED",
                    venue + " reconciled: new orders to it accepted again");
            }
        }
        applyPolicy(track);
        if (book.hasPending(venueId))
        {
            // a second look soon, to confirm or clear what this pass saw
            track.dueNanos = Math.min(track.dueNanos, now + TimeUnit.MILLISECONDS.toNanos(settings.settleMs()));
        }
    }

    /**
     * A balance the venue reported, when it changed, goes through the sequencer into the store (the
     * store's single writer), journaled so it replays. Any thread: the ring takes many producers.
     */
    private void sequenceBalance(final Track track, final VenueView.Balance balance)
    {
        final long amount;
        try
        {
            amount = balance.total().setScale(8, java.math.RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
        }
        catch (final ArithmeticException e)
        {
            return; // beyond 9.2e10 units: shown by the reconciliation view, not storable as a scaled long
        }
        final Long previous = track.balancesSequenced.get(balance.asset());
        if ((previous == null || previous != amount) &&
            server.oms().venueEvents().onVenueBalance(track.source.venueId(), balance.asset(), amount))
        {
            track.balancesSequenced.put(balance.asset(), amount);
        }
    }

    /**
     * A balance the venue pushed (its private stream) is compared at once with what our fills imply, at
     * no request cost: a difference from the baseline is looked at again after {@code settle-ms} (a fill
     * in flight), and a full pass is asked for (a fill the stream lost shows in the venue's trades).
     */
    private void pushed(final Track track, final VenueView.Balance balance)
    {
        track.pushed.put(balance.asset(), balance);
        if (!track.pushCheckScheduled)
        {
            // the fill behind the push is usually still on its way through the sequencer: look a moment later
            track.pushCheckScheduled = true;
            timer.schedule(() -> checkPushed(track), Math.max(1, settings.settleMs() / 2), TimeUnit.MILLISECONDS);
        }
    }

    private void checkPushed(final Track track)
    {
        track.pushCheckScheduled = false;
        final String venue = track.source.name();
        final int venueId = track.source.venueId();
        final Map<String, BigDecimal> baselines = state.baselines(venue);
        final Map<String, BigDecimal> implied = new HashMap<>();
        server.store().balances().stream().filter(b -> b.venueId() == venueId)
            .forEach(b -> implied.put(b.asset(), b.implied()));
        final long now = now();
        boolean suspect = false;
        boolean fresh = false;
        for (final VenueView.Balance b : track.pushed.values())
        {
            final BigDecimal baseline = baselines.get(b.asset());
            if (baseline == null)
            {
                continue;
            }
            final BigDecimal mine = implied.getOrDefault(b.asset(), BigDecimal.ZERO);
            final BigDecimal moved = b.total().subtract(mine).subtract(baseline);
            final Difference d = Difference.of(venueId, DriftCause.BALANCE_MOVED, b.asset(),
                "balance by our fills " + mine.toPlainString() + " (+ baseline " + baseline.toPlainString() + ")",
                "balance " + b.total().toPlainString() + " (pushed)", moved, false);
            final boolean wasOpen = book.isOpen(d.key());
            book.single(venue, d, moved.signum() != 0, now).ifPresent(this::report);
            suspect |= moved.signum() != 0 && !book.isOpen(d.key());
            fresh |= moved.signum() != 0 && !wasOpen;
        }
        applyPolicy(track);
        if (suspect && !track.pushCheckScheduled)
        {
            track.pushCheckScheduled = true;
            timer.schedule(() -> checkPushed(track), settings.settleMs(), TimeUnit.MILLISECONDS);
        }
        if (fresh)
        {
            // a full pass soon (a fill the stream lost shows in the trades), no closer than two settle
            // times to the last one: pushes come with every fill and each view costs request weight
            track.dueNanos = Math.min(track.dueNanos,
                track.lastPassStartNanos + 2 * TimeUnit.MILLISECONDS.toNanos(settings.settleMs()));
        }
    }

    /**
     * The bridge found a trade its stream never delivered and handed it to the sequencer: a missing fill
     * for certain, raised at once (it resolves when the ledger holds the fill).
     */
    private void recovered(final Track track, final VenueView.Trade trade)
    {
        final String orderId = OurOrder.orderIdOf(trade.clOrdId());
        final Difference d = Difference.of(track.source.venueId(), DriftCause.MISSING_FILL, orderId,
            "trade never received on the stream", trade.qty().toPlainString() + " @ " + trade.price().toPlainString() +
            " trade " + trade.venueTradeId() + " (applied through the sequencer from the venue's trade list)",
            trade.qty(), true);
        book.single(track.source.name(), d, true, now()).ifPresent(this::report);
        applyPolicy(track);
        track.triggered = true;
    }

    private OurSide ourSide(final VenueViewSource source, final DriftDetector.HoldingKind kind)
    {
        final int venueId = source.venueId();
        final StoreReader store = server.store();
        final List<OurOrder> orders = new ArrayList<>();
        store.forEachOrder(r ->
        {
            final OrdStatus status = OrdStatus.fromFix(r.ordStatus);
            if (r.venueId == venueId && status != null)
            {
                orders.add(new OurOrder(r.orderId.toString(), r.venueOrderId.toString(), r.symbol.toString(), status,
                    BigDecimal.valueOf(r.orderQty, r.qtyScale), BigDecimal.valueOf(r.cumQty, r.qtyScale),
                    BigDecimal.valueOf(r.leavesQty, r.qtyScale), r.updatedNanos));
            }
        });
        final long unknownCount = server.storeWriter().unknownOrderFills();
        if (unknownCount != unknownFillsCounted)
        {
            unknownFills = store.fills(null, null, 0, true);
            unknownFillsCounted = unknownCount;
        }
        final Map<String, BigDecimal> holdings = new HashMap<>();
        if (kind == DriftDetector.HoldingKind.BALANCES)
        {
            store.balances().stream().filter(b -> b.venueId() == venueId)
                .forEach(b -> holdings.put(b.asset(), b.implied()));
        }
        else
        {
            store.positions().stream().filter(p -> p.venueId() != null && p.venueId() == venueId)
                .forEach(p -> holdings.merge(p.symbol(), p.netQty(), BigDecimal::add));
        }
        return new OurSide(orders, trade -> store.hasFill(venueId, source.ledgerTradeId(trade)),
            unknownFills.stream().filter(f -> f.venueId() == venueId).toList(), holdings);
    }

    private void overdue(final Track track, final long now)
    {
        final long since = track.lastSuccessNanos == 0 ? startNanos : track.lastSuccessNanos;
        final boolean late = now - since > TimeUnit.MILLISECONDS.toNanos(settings.overdueMs());
        final String lastError = track.lastError.isEmpty() ? "no answer" : track.lastError;
        final Difference d = Difference.of(track.source.venueId(), DriftCause.RECONCILIATION_OVERDUE, "venue",
            "last reconciled " + (track.lastSuccessNanos == 0 ? "never" : (now - since) / 1_000_000 + " ms ago"),
            lastError, null, true);
        if (late != book.isOpen(d.key()))
        {
            book.single(track.source.name(), d, late, now).ifPresent(this::report);
            applyPolicy(track);
        }
        heartbeat(track, late && settings.overdueHalt(), lastError);
    }

    /**
     * The reconciliation heartbeat: a venue not reconciled within its bound refuses new orders (fail closed:
     * nobody knows what it holds); its next successful pass clears it. Cancels always pass. Its own flag, so it
     * never lifts another halt.
     */
    private void heartbeat(final Track track, final boolean halt, final String lastError)
    {
        final int venueId = track.source.venueId();
        if (server.halts().overdueHalt(venueId, halt) == halt)
        {
            return;
        }
        final String venue = track.source.name();
        LOG.warn("event=venue_reconciliation_overdue_halt venue={} halted={} lastError=\"{}\"", venue, halt, lastError);
        audit.record("reconciliation", "local", halt ? "HALT" : "RESUME", "/reconciliation/" + venue + "/overdue",
            200, Map.of("overdueHalted", !halt), Map.of("overdueHalted", halt));
        server.alerts().raise(halt ? Severity.RED : Severity.INFO, "reconciliation",
            halt ? "VENUE_RECONCILIATION_OVERDUE_HALT" : "VENUE_RECONCILIATION_RESUMED",
            halt ? venue + " not reconciled for over " + settings.overdueMs() + " ms (" + lastError +
                "): new orders to it halted until it is (cancels accepted)" :
                venue + " reconciled again: new orders to it accepted");
    }

    private void finishStartIfDone(final long now)
    {
        final boolean allReconciled = tracks.stream().noneMatch(t -> server.halts().notReconciled(t.source.venueId()));
        final boolean timedOut = now - startNanos > TimeUnit.MILLISECONDS.toNanos(settings.startupTimeoutMs());
        if (!allReconciled && !timedOut)
        {
            return;
        }
        starting = false;
        for (final Track track : tracks)
        {
            final int venueId = track.source.venueId();
            if (server.halts().notReconciled(venueId))
            {
                final String why = track.lastError.isEmpty() ? "no answer" : track.lastError;
                if (settings.startupHalt())
                {
                    server.alerts().raise(Severity.YELLOW, "reconciliation", "VENUE_NOT_RECONCILED",
                        track.source.name() + " not reconciled at the start (" + why + "): new orders to it refused " +
                        "until it is");
                }
                else
                {
                    server.halts().notReconciled(venueId, false);
                    server.alerts().raise(Severity.YELLOW, "reconciliation", "VENUE_NOT_RECONCILED",
                        track.source.name() + " not reconciled at the start (" + why + "): trading anyway " +
                        "(startup-policy open)");
                }
            }
        }
        server.phase(MeridianServer.Phase.OPEN);
        LOG.info("event=startup_reconciliation_done ms={} venues={}", (now - startNanos) / 1_000_000,
            tracks.stream().map(t -> t.source.name() + (server.halts().notReconciled(t.source.venueId()) ?
                "=NOT_RECONCILED" : "=reconciled")).toList());
    }

    private void report(final DriftBook.Change change)
    {
        final DriftEvent e = change.event();
        final boolean halt = settings.policy(e.venue()) == ReconciliationSettings.Policy.HALT;
        if (change.raised())
        {
            LOG.warn("event=drift id={} venue={} cause={} subject=\"{}\" ours=\"{}\" venueSays=\"{}\" amount={} " +
                "sinceMs={}", e.id(), e.venue(), e.cause(), e.subject(), e.ours(), e.venueSays(),
                e.amount() == null ? "" : e.amount().toPlainString(), (e.detectedNanos() - e.sinceNanos()) / 1_000_000);
            Counter.builder("meridian_drift_events").tag("venue", e.venue()).tag("cause", e.cause().name())
                .description("drift events raised").register(registry).increment();
            server.alerts().raise(halt ? Severity.RED : Severity.YELLOW, "reconciliation", e.cause().name(),
                e.venue() + ": " + e.cause().description() + " - " + e.subject() + " (Meridian: " + e.ours() +
                "; venue: " + e.venueSays() + ")" + (halt ? ": new orders to " + e.venue() + " halted" : ""));
        }
        else
        {
            LOG.info("event=drift_resolved id={} venue={} cause={} subject=\"{}\" how=\"{}\"", e.id(), e.venue(),
                e.cause(), e.subject(), e.resolution());
            server.alerts().raise(Severity.INFO, "reconciliation", "DRIFT_RESOLVED",
                e.venue() + ": " + e.cause() + " " + e.subject() + " resolved (" + e.resolution() + ")");
        }
    }

    private void applyPolicy(final Track track)
    {
        final int venueId = track.source.venueId();
        final boolean halt = settings.policy(track.source.name()) == ReconciliationSettings.Policy.HALT &&
            book.hasOpen(venueId);
        if (server.halts().driftHalt(venueId, halt) != halt)
        {
            LOG.warn("event=venue_drift_halt venue={} halted={}", track.source.name(), halt);
            audit.record("reconciliation", "local", halt ? "HALT" : "RESUME", "/reconciliation/" + track.source.name(),
                200, Map.of("driftHalted", !halt), Map.of("driftHalted", halt));
        }
    }

    /**
     * An operator resolves a drift event (after correcting the cause, or accepting it: a deposit
     * accepted moves the balance's baseline). @return the resolved event, empty when no open event has
     * that id.
     */
    public Optional<DriftEvent> resolve(final long id, final String user, final String why)
    {
        final java.util.concurrent.CompletableFuture<Optional<DriftEvent>> result = new java.util.concurrent.CompletableFuture<>();
        final Runnable resolve = () ->
        {
            final Optional<DriftEvent> resolved = book.resolve(id, "resolved by " + user + ": " + why, now());
            resolved.ifPresent(e ->
            {
                final BigDecimal baseline = state.baselines(e.venue()).get(e.subject());
                if ((e.cause() == DriftCause.BALANCE_MOVED || e.cause() == DriftCause.POSITION_MISMATCH) &&
                    baseline != null && e.amount() != null)
                {
                    state.acceptHolding(e.venue(), e.subject(), baseline.add(e.amount()));
                    state.save();
                }
                report(new DriftBook.Change(e, false));
                tracks.stream().filter(t -> t.source.venueId() == e.venueId()).forEach(this::applyPolicy);
            });
            result.complete(resolved);
        };
        if (timer == null)
        {
            return Optional.empty();
        }
        timer.execute(resolve);
        return result.orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Drift events, open first then the latest resolved. */
    public List<DriftEvent> events(final boolean openOnly)
    {
        return openOnly ? book.open() : book.all();
    }

    /** Per venue: when last reconciled, the last failure, what the venue held, the policy. */
    public List<VenueReconciliation> venues()
    {
        final long now = now();
        final List<VenueReconciliation> list = new ArrayList<>();
        for (final Track t : tracks)
        {
            final int venueId = t.source.venueId();
            list.add(new VenueReconciliation(t.source.name(), venueId, settings.policy(t.source.name()).name(),
                t.holdings.name(), t.lastSuccessNanos == 0 ? null : (now - t.lastSuccessNanos) / 1_000_000,
                t.lastError, t.lastAnswerMs, t.openOrdersAtVenue, t.tradesSeen,
                (int)book.open().stream().filter(e -> e.venueId() == venueId).count(),
                server.halts().driftHalted(venueId), server.halts().notReconciled(venueId),
                server.halts().overdueHalted(venueId), t.holdingsSeen));
        }
        return list;
    }

    public boolean enabled()
    {
        return settings.enabled();
    }

    public ReconciliationSettings settings()
    {
        return settings;
    }

    /**
     * @param lastReconciledMsAgo null when never.
     * @param lastAnswerMs        how long the venue took to answer the last question, -1 before any.
     */
    public record VenueReconciliation(
        String venue, int venueId, String policy, String compares, Long lastReconciledMsAgo, String lastError,
        long lastAnswerMs, int openOrdersAtVenue, int tradesInLastAnswer, int openDriftEvents, boolean driftHalted,
        boolean notReconciled,
        @io.swagger.v3.oas.annotations.media.Schema(description = "not reconciled within overdue-ms: new orders refused")
        boolean overdueHalted,
        List<Holding> holdings)
    {
    }

    /**
     * A balance (per asset) or position (per symbol) at the last pass: as the venue reported it, as our
     * fills imply it, the accepted baseline between them (null until two passes agreed on one), and the
     * drift from it.
     */
    public record Holding(String subject, BigDecimal venue, BigDecimal ours, BigDecimal baseline, BigDecimal drift)
    {
    }

    private static long now()
    {
        return System.currentTimeMillis() * 1_000_000L;
    }

    @PreDestroy
    @Override
    public void close()
    {
        if (timer != null)
        {
            timer.shutdownNow();
        }
    }
}
