package io.meridian.oms;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.FillListener;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.OrderStateListener;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.ParentOrders;
import io.meridian.oms.api.PreTradeCheck;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.codec.RingCodec;
import io.meridian.oms.codec.RingCommandWriter;
import io.meridian.oms.journal.Journal;
import io.meridian.oms.journal.JournalSync;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrderRejectReason;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The order management core: one sequencer thread that takes client commands and venue events
 * from a many-to-one ring buffer, stamps each with a local sequence number and receive time,
 * journals it, and applies it to the order state machine, which answers clients
 * ({@link ClientReports}) and sends child orders ({@link VenueOrders}) inline.
 * <p>
 * Lifecycle: construct, {@link #recover()} (replays the journal with outputs muted), run
 * {@link #sequencer()} on an agent runner (or call its {@code doWork()} from the thread that owns
 * the FIX sessions), stop it, then {@link #close()}.
 * <p>
 * Threads: {@link #orderEntry()}, {@link #venueEvents()}, {@link #queries()},
 * {@link #onSequencer(Supplier)} and {@link #metrics()} may be used from any thread; everything
 * else belongs to the sequencer thread.
 */
public final class Oms implements AutoCloseable
{
    private final OmsConfig config;
    private final EpochNanoClock clock;
    private final ErrorHandler errorHandler;
    private final ManyToOneRingBuffer ring;
    private final RingCommandWriter writer;
    private final Journal journal;
    private final OmsMetrics metrics;
    private final OrderStateMachine machine;
    private final ManyToOneConcurrentArrayQueue<SequencerTask<?>> tasks;
    private final OrderQueries queries = new Queries();
    private final Sequencer sequencer = new Sequencer();
    private final ClientSessionPositions clientPositions = new ClientSessionPositions();

    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelOrderCommand cancel = new CancelOrderCommand();
    private final ReplaceOrderCommand replace = new ReplaceOrderCommand();
    private final OrderStatusCommand status = new OrderStatusCommand();
    private final VenueExecution execution = new VenueExecution();
    private final VenueCancelReject venueCancelReject = new VenueCancelReject();
    private final StringBuilder balanceAsset = new StringBuilder(16);
    private final StringBuilder massCancelAccount = new StringBuilder(16);

    /** many sequencer batches of fills (an order update, a venue report and a fill each) */
    private static final int STATE_PROJECTION_SLOTS = 16 * 1024;

    private TickToTradeProbe tickToTrade;
    private final StateProjection projection;
    private boolean stateChangesPublishedByCaller;
    private long lastSequence;
    private boolean recovered;
    private boolean journalFailed;
    private final boolean syncEachRecord;
    private final boolean syncEachBatch;
    private volatile boolean closed;

    public Oms(
        final OmsConfig config, final InstrumentRegistry instruments, final PreTradeCheck risk,
        final ClientReports reports, final VenueOrders venues, final FillListener fills, final EpochNanoClock clock)
    {
        config.validate();
        this.config = config;
        this.clock = Objects.requireNonNull(clock);
        this.errorHandler = config.errorHandler();
        projection = new StateProjection(STATE_PROJECTION_SLOTS, errorHandler);
        ring = new ManyToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(config.ringCapacityBytes() + RingBufferDescriptor.TRAILER_LENGTH)));
        writer = new RingCommandWriter(ring);
        metrics = new OmsMetrics(ring);
        machine = new OrderStateMachine(
            config.orderIdPrefix(), config.maxOrders(), instruments, Objects.requireNonNull(risk),
            Objects.requireNonNull(reports), Objects.requireNonNull(venues),
            fills != null ? fills : FillListener.NONE, metrics, errorHandler, config.venueNames());
        tasks = new ManyToOneConcurrentArrayQueue<>(config.queryQueueCapacity());
        journal = new Journal(config.journalDir(), config.journalSegmentBytes());
        syncEachRecord = config.journalSync() == JournalSync.RECORD;
        syncEachBatch = config.journalSync() == JournalSync.BATCH;
    }

    /** Where the client edge submits commands; thread-safe, false when the ring is full. */
    public OrderEntry orderEntry()
    {
        return writer;
    }

    /** Tells {@code probe} when each live new order is sequenced; set before the sequencer runs. */
    public void tickToTrade(final TickToTradeProbe probe)
    {
        this.tickToTrade = probe;
    }

    /**
     * Tells {@code listener} of every order change, fill and venue report, live and on replay; set
     * before {@link #recover()}.
     */
    public void stateListener(final OrderStateListener listener)
    {
        projection.target(Objects.requireNonNull(listener));
        machine.stateListener(projection);
    }

    /**
     * The state listener's own agent: from now on the listener (the shared store) is called on the
     * thread that runs it, its only caller, instead of on the sequencer. Take it after
     * {@link #recover()} (the replay feeds the listener inline) and before the sequencer runs; close it
     * after the sequencer stopped (its close hands on what is left).
     */
    public Agent stateListenerAgent()
    {
        return projection.agent();
    }

    /**
     * Publishes to the state listener what the sequencer changed since the last call: the core loop
     * calls it once the cycle's outputs were written to the sockets, so that the listener never delays
     * them; the sequencer calls it too at the start of each cycle (and, while the listener has no
     * thread of its own, at the end, where it runs the listener inline). Sequencer thread only.
     *
     * @return the number of calls published.
     */
    public int publishStateChanges()
    {
        return projection.publish();
    }

    /**
     * The thread that runs the sequencer promises to call {@link #publishStateChanges()} after each of
     * its cycles (once the cycle's outputs were sent), so the sequencer no longer runs an inline state
     * listener at the end of its cycle. Call before the sequencer runs.
     */
    public void publishStateChangesAfterEachCycle()
    {
        stateChangesPublishedByCaller = true;
    }

    /**
     * Sequencer thread (a task of {@link #onSequencer}): publishes and waits until the state listener
     * has applied everything, so that what it projects matches the OMS at this point (a consistent cut
     * for diagnostics such as the state hash; the listener writes nothing else meanwhile).
     */
    public void awaitStateListener()
    {
        projection.publish();
        projection.awaitDrained();
    }

    /** State-listener calls that threw (skipped and reported to the error handler). */
    public long stateListenerFailures()
    {
        return projection.failures();
    }

    /** How often the sequencer waited for a full state-listener ring to drain (overload of the listener). */
    public long stateListenerWaits()
    {
        return projection.waits();
    }

    /** Where venue bridges submit events; thread-safe, false when the ring is full (retry). */
    public VenueEvents venueEvents()
    {
        return writer;
    }

    /** The sequencer agent: one doWork() serves queued reads, then applies up to a batch of inputs. */
    public Agent sequencer()
    {
        return sequencer;
    }

    public OrderQueries queries()
    {
        return queries;
    }

    public OmsMetrics metrics()
    {
        return metrics;
    }

    public OmsConfig config()
    {
        return config;
    }

    /**
     * Replays the journal through the state machine with client reports and venue sends muted
     * (fills still reach the FillListener and the risk gate so they rebuild their state too), using
     * the journaled receive times and decisions. Call once, before the sequencer runs; the
     * sequencer calls it itself if it was not.
     *
     * @return the number of records replayed.
     */
    public int recover()
    {
        if (recovered)
        {
            throw new IllegalStateException("already recovered");
        }
        recovered = true;
        final long count = journal.replay(this::replayRecord);
        projection.publish();
        return (int)count;
    }

    /** When the journal was started (epoch millis): with {@link #journalLastSequence()}, its identity. */
    public long journalCreatedAtMillis()
    {
        return journal.createdAtMillis();
    }

    /** The sequence of the journal's last record (before {@link #recover()}: as found when it was opened). */
    public long journalLastSequence()
    {
        return journal.lastSequence();
    }

    /**
     * Every order as the journal left it: call after {@link #recover()} and before the sequencer runs,
     * on the thread that started the Oms (afterwards use {@link #queries()}).
     */
    public List<OrderSnapshot> recoveredOrders()
    {
        if (!recovered)
        {
            throw new IllegalStateException("recover() first");
        }
        return machine.snapshots(false);
    }

    /**
     * Runs {@code read} on the sequencer thread, where order (and position) state may be read
     * safely, and completes the future with its result there. Fails the future when the queue is
     * full or the Oms is closed.
     */
    public <T> CompletableFuture<T> onSequencer(final Supplier<T> read)
    {
        final CompletableFuture<T> future = new CompletableFuture<>();
        if (closed)
        {
            future.completeExceptionally(new IllegalStateException("oms closed"));
            return future;
        }
        if (!tasks.offer(new SequencerTask<>(read, future)))
        {
            future.completeExceptionally(new IllegalStateException("sequencer query queue full"));
        }
        return future;
    }

    /**
     * Hash of the whole order state and id counters; equal journals give equal hashes. Sequencer
     * thread only (use {@code onSequencer(oms::stateHash)} elsewhere).
     */
    public long stateHash()
    {
        return machine.stateHash();
    }

    /**
     * Where each client's FIX session stands in the journal (its last journaled command); read it after
     * {@link #recover()} and before the sequencer runs, or on the sequencer thread.
     */
    public ClientSessionPositions clientSessionPositions()
    {
        return clientPositions;
    }

    /** Last session state a venue bridge reported: 1 up, 0 down, -1 never. Sequencer thread only. */
    /**
     * An operator's mass cancel, from any thread: every open order in scope ({@code id}: the venue,
     * instrument or client; ignored for ALL) is cancelled at its venue through the sequencer, and
     * journaled like any input. @return false when the ring is full (try again).
     */
    /**
     * Ends the trading day through the sequencer (journaled: a replay rolls at the same point): done
     * orders leave memory (the journal and the store keep them), the ClOrdID window restarts with the
     * live orders' ids, fill dedupe keeps the last day's trade ids beside the new day's, order ids go on.
     * @return false when the ring is full (try again).
     */
    public boolean dayRoll()
    {
        return writer.dayRoll();
    }

    public boolean massCancel(final io.meridian.oms.model.MassCancelScope scope, final int id)
    {
        return writer.massCancel(scope.code(), id);
    }

    /** Cancels every open order carrying this FIX Account (1) at its venue. @return false when the ring is full. */
    public boolean massCancelAccount(final CharSequence account)
    {
        return writer.massCancelAccount(io.meridian.oms.model.MassCancelScope.ACCOUNT.code(), account);
    }

    public int venueSessionState(final int venueId)
    {
        return machine.venueSessionState(venueId);
    }

    /** Forces the journal to disk. Sequencer thread only (or after it stopped). */
    public void flush()
    {
        journal.flush();
    }

    /** Flushes and closes the journal; call after the sequencer stopped. Pending reads fail. */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            // the sequencer and the listener's agent have stopped: hand on what they left
            projection.publish();
            projection.drain();
            projection.appliedThrough(lastSequence);
            journal.close();
            SequencerTask<?> task;
            while ((task = tasks.poll()) != null)
            {
                task.future.completeExceptionally(new IllegalStateException("oms closed"));
            }
        }
    }

    // ------------------------------------------------------------------------------------ sequencer

    private void replayRecord(
        final int msgType, final long sequence, final long receivedNanos, final int outcome, final DirectBuffer buffer,
        final int offset, final int length)
    {
        lastSequence = sequence;
        metrics.journalRecord(sequence);
        apply(msgType, sequence, buffer, offset, receivedNanos, true, outcome);
    }

    private void onRingMessage(final int msgType, final DirectBuffer buffer, final int index, final int length)
    {
        final long sequence = ++lastSequence;
        final long receivedNanos = clock.nanoTime();
        if (!journalFailed)
        {
            try
            {
                journal.append(msgType, sequence, receivedNanos, buffer, index, length);
                if (syncEachRecord)
                {
                    journal.syncAppended();
                }
                metrics.journalRecord(sequence);
            }
            catch (final RuntimeException ex)
            {
                latchJournalFailure(ex);
            }
        }
        if (journalFailed)
        {
            metrics.unjournaledInput();
        }
        final int outcome = apply(msgType, sequence, buffer, index, receivedNanos, false, 0);
        if (outcome != 0 && !journalFailed)
        {
            journal.patchOutcome(outcome);
        }
    }

    /**
     * Fail closed: what cannot be journaled cannot be recovered, so from now on new orders and
     * replaces are rejected (JOURNAL_UNAVAILABLE), while cancels and venue events are still applied
     * (they reduce risk and keep clients informed). Latched until a restart.
     */
    private void latchJournalFailure(final RuntimeException ex)
    {
        journalFailed = true;
        metrics.journalFailed();
        metrics.error();
        errorHandler.onError(new IllegalStateException(
            "ALERT journal append failed: new orders are rejected until restart, cancels still accepted", ex));
    }

    private int apply(
        final int msgType, final long sequence, final DirectBuffer buffer, final int offset, final long receivedNanos,
        final boolean replaying, final int recordedOutcome)
    {
        machine.begin(replaying, recordedOutcome);
        machine.sequence(sequence);
        projection.input(sequence);
        try
        {
            switch (msgType)
            {
                case RingCodec.NEW_ORDER:
                    RingCodec.decodeNewOrder(buffer, offset, newOrder);
                    clientPositions.onCommand(newOrder.clientId, newOrder.sessionSequenceIndex, newOrder.msgSeqNum);
                    if (journalFailed && !replaying && newOrder.edgeReject == OrderRejectReason.NONE)
                    {
                        newOrder.edgeReject = OrderRejectReason.JOURNAL_UNAVAILABLE;
                    }
                    if (tickToTrade != null && !replaying)
                    {
                        if (newOrder.clientId == ParentOrders.ROUTER_CLIENT_ID)
                        {
                            tickToTrade.onChildOrderSequenced(newOrder.clOrdId);
                        }
                        else
                        {
                            tickToTrade.onNewOrderSequenced();
                        }
                    }
                    machine.onNewOrder(newOrder, receivedNanos);
                    break;
                case RingCodec.CANCEL_ORDER:
                    RingCodec.decodeCancel(buffer, offset, cancel);
                    clientPositions.onCommand(cancel.clientId, cancel.sessionSequenceIndex, cancel.msgSeqNum);
                    machine.onCancel(cancel, receivedNanos);
                    break;
                case RingCodec.REPLACE_ORDER:
                    RingCodec.decodeReplace(buffer, offset, replace);
                    clientPositions.onCommand(replace.clientId, replace.sessionSequenceIndex, replace.msgSeqNum);
                    if (journalFailed && !replaying && replace.edgeReject == OrderRejectReason.NONE)
                    {
                        replace.edgeReject = OrderRejectReason.JOURNAL_UNAVAILABLE;
                    }
                    machine.onReplace(replace, receivedNanos);
                    break;
                case RingCodec.ORDER_STATUS:
                    RingCodec.decodeStatus(buffer, offset, status);
                    clientPositions.onCommand(status.clientId, status.sessionSequenceIndex, status.msgSeqNum);
                    machine.onStatus(status, receivedNanos);
                    break;
                case RingCodec.VENUE_EXECUTION:
                    RingCodec.decodeExecution(buffer, offset, execution);
                    machine.onVenueExecution(execution, receivedNanos);
                    break;
                case RingCodec.VENUE_CANCEL_REJECT:
                    RingCodec.decodeCancelReject(buffer, offset, venueCancelReject);
                    machine.onVenueCancelReject(venueCancelReject, receivedNanos);
                    break;
                case RingCodec.MASS_CANCEL:
                    final io.meridian.oms.model.MassCancelScope massCancelScope =
                        io.meridian.oms.model.MassCancelScope.fromCode(RingCodec.massCancelScope(buffer, offset));
                    massCancelAccount.setLength(0);
                    if (massCancelScope == io.meridian.oms.model.MassCancelScope.ACCOUNT)
                    {
                        RingCodec.massCancelAccount(buffer, offset, massCancelAccount);
                    }
                    machine.onMassCancel(
                        massCancelScope, RingCodec.massCancelId(buffer, offset), massCancelAccount, receivedNanos);
                    break;
                case RingCodec.VENUE_BALANCE:
                    RingCodec.balanceAsset(buffer, offset, balanceAsset);
                    machine.onVenueBalance(RingCodec.balanceVenueId(buffer, offset), balanceAsset,
                        RingCodec.balanceAmount(buffer, offset), receivedNanos);
                    break;
                case RingCodec.DAY_ROLL:
                    machine.onDayRoll(receivedNanos);
                    break;
                case RingCodec.VENUE_SESSION_STATE:
                    machine.onVenueSessionState(
                        RingCodec.sessionStateVenueId(buffer, offset), RingCodec.sessionStateConnected(buffer, offset),
                        receivedNanos);
                    break;
                default:
                    metrics.anomaly();
                    break;
            }
            machine.publishTouched();
        }
        catch (final RuntimeException ex)
        {
            // the input is journaled; a replay hits the same bug at the same point, so state stays reproducible
            metrics.error();
            errorHandler.onError(ex);
        }
        return machine.outcome();
    }

    private void syncBatch()
    {
        try
        {
            journal.syncAppended();
        }
        catch (final RuntimeException ex)
        {
            latchJournalFailure(ex);
        }
    }

    private final class Sequencer implements Agent
    {
        private final MessageHandler handler = Oms.this::onRingMessage;

        public void onStart()
        {
            if (!recovered)
            {
                recover();
            }
        }

        public int doWork()
        {
            if (closed)
            {
                return 0;
            }
            if (!recovered)
            {
                recover();
            }
            int work = projection.publish();
            final int queryLimit = config.queryBatchLimit();
            SequencerTask<?> task;
            while (work < queryLimit && (task = tasks.poll()) != null)
            {
                metrics.query();
                task.run();
                work++;
            }
            final int inputs = ring.read(handler, config.sequencerBatchLimit());
            if (syncEachBatch && inputs > 0 && !journalFailed)
            {
                syncBatch();
            }
            if (!projection.ownThread() && !stateChangesPublishedByCaller)
            {
                work += projection.publish();
            }
            return work + inputs;
        }

        public String roleName()
        {
            return "meridian-oms-sequencer";
        }
    }

    private static final class SequencerTask<T> implements Runnable
    {
        private final Supplier<T> read;
        private final CompletableFuture<T> future;

        SequencerTask(final Supplier<T> read, final CompletableFuture<T> future)
        {
            this.read = read;
            this.future = future;
        }

        public void run()
        {
            try
            {
                future.complete(read.get());
            }
            catch (final Throwable t)
            {
                future.completeExceptionally(t);
            }
        }
    }

    private final class Queries implements OrderQueries
    {
        public CompletableFuture<Optional<OrderSnapshot>> order(final String orderId)
        {
            return onSequencer(() -> Optional.ofNullable(machine.snapshot(orderId)));
        }

        public CompletableFuture<List<OrderSnapshot>> openOrders()
        {
            return onSequencer(() -> machine.snapshots(true));
        }

        public CompletableFuture<List<OrderSnapshot>> orders()
        {
            return onSequencer(() -> machine.snapshots(false));
        }
    }
}
