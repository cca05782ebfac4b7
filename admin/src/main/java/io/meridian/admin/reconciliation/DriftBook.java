package io.meridian.admin.reconciliation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the differences of successive passes into drift events. A difference becomes an event when
 * a later pass, at least {@code settleNanos} after the first sighting, still sees it (a fill or a
 * cancel in flight while the venue answered settles by itself), or at once when it is certain. An
 * event resolves when a pass no longer sees it, or when an operator resolves it (then the same
 * difference is not raised again until it has gone and come back). Thread safe (synchronized: passes
 * and the admin API are the only callers).
 */
public final class DriftBook
{
    /** What one pass changed. */
    public record Change(DriftEvent event, boolean raised)
    {
    }

    private final long settleNanos;
    private final int historySize;
    private final Map<String, Long> pending = new HashMap<>();
    private final Map<String, DriftEvent> open = new LinkedHashMap<>();
    private final Set<String> acknowledged = new HashSet<>();
    private final Deque<DriftEvent> history = new ArrayDeque<>();
    private long nextId = 1;
    private long raisedTotal;

    public DriftBook(final long settleNanos, final int historySize)
    {
        this.settleNanos = settleNanos;
        this.historySize = historySize;
    }

    /** The differences of one full pass over a venue: raises, updates and resolves its events. */
    public synchronized List<Change> pass(
        final int venueId, final String venue, final List<Difference> differences, final long nowNanos)
    {
        final List<Change> changes = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        for (final Difference d : differences)
        {
            seen.add(d.key());
            see(venue, d, nowNanos, changes);
        }
        final String prefix = venueId + "|";
        for (final Iterator<Map.Entry<String, DriftEvent>> it = open.entrySet().iterator(); it.hasNext(); )
        {
            final Map.Entry<String, DriftEvent> e = it.next();
            if (e.getKey().startsWith(prefix) && !seen.contains(e.getKey()) &&
                e.getValue().cause() != DriftCause.RECONCILIATION_OVERDUE)
            {
                it.remove();
                changes.add(new Change(archive(e.getValue().resolved(nowNanos,
                    e.getValue().cause() == DriftCause.MISSING_FILL ? "the fill is recorded now" :
                    "no longer seen at the venue")), false));
            }
        }
        pending.keySet().removeIf(k -> k.startsWith(prefix) && !seen.contains(k));
        acknowledged.removeIf(k -> k.startsWith(prefix) && !seen.contains(k));
        return changes;
    }

    /** One difference outside a full pass (the venue overdue, or no longer). */
    public synchronized Optional<Change> single(
        final String venue, final Difference d, final boolean present, final long nowNanos)
    {
        final List<Change> changes = new ArrayList<>();
        if (present)
        {
            see(venue, d, nowNanos, changes);
        }
        else
        {
            pending.remove(d.key());
            final DriftEvent event = open.remove(d.key());
            if (event != null)
            {
                changes.add(new Change(archive(event.resolved(nowNanos, "no longer seen")), false));
            }
        }
        return changes.stream().filter(Change::raised).findFirst()
            .or(() -> changes.stream().findFirst());
    }

    private void see(final String venue, final Difference d, final long nowNanos, final List<Change> changes)
    {
        final DriftEvent current = open.get(d.key());
        if (current != null)
        {
            open.put(d.key(), current.seen(d, nowNanos));
            return;
        }
        if (acknowledged.contains(d.key()))
        {
            return;
        }
        final Long firstSeen = pending.get(d.key());
        if (d.immediate() || (firstSeen != null && nowNanos - firstSeen >= settleNanos))
        {
            pending.remove(d.key());
            final long since = firstSeen == null ? nowNanos : firstSeen;
            final DriftEvent event = new DriftEvent(nextId++, d.venueId(), venue, d.cause(), d.cause().description(),
                d.subject(), d.ours(), d.venue(), d.amount(), since, nowNanos, nowNanos, 0, "", d.key());
            open.put(d.key(), event);
            raisedTotal++;
            changes.add(new Change(event, true));
        }
        else if (firstSeen == null)
        {
            pending.put(d.key(), nowNanos);
        }
    }

    /**
     * An operator's resolution: the event closes, and its difference is not raised again while it
     * persists (for a balance or position, the caller moves the baseline instead).
     */
    public synchronized Optional<DriftEvent> resolve(final long id, final String how, final long nowNanos)
    {
        for (final Iterator<DriftEvent> it = open.values().iterator(); it.hasNext(); )
        {
            final DriftEvent e = it.next();
            if (e.id() == id)
            {
                it.remove();
                if (e.cause() != DriftCause.BALANCE_MOVED && e.cause() != DriftCause.POSITION_MISMATCH &&
                    e.cause() != DriftCause.RECONCILIATION_OVERDUE)
                {
                    acknowledged.add(e.key());
                }
                return Optional.of(archive(e.resolved(nowNanos, how)));
            }
        }
        return Optional.empty();
    }

    public synchronized boolean isOpen(final String key)
    {
        return open.containsKey(key);
    }

    /** Whether an operator resolved this difference while it persists. */
    public synchronized boolean acknowledged(final String key)
    {
        return acknowledged.contains(key);
    }

    /** Whether a difference of the venue waits for its second look. */
    public synchronized boolean hasPending(final int venueId)
    {
        final String prefix = venueId + "|";
        return pending.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    public synchronized List<DriftEvent> open()
    {
        return new ArrayList<>(open.values());
    }

    public synchronized boolean hasOpen(final int venueId)
    {
        return open.values().stream().anyMatch(e -> e.venueId() == venueId);
    }

    /** Open events, then the latest resolved ones, newest first. */
    public synchronized List<DriftEvent> all()
    {
        final List<DriftEvent> all = new ArrayList<>(open.values());
        history.descendingIterator().forEachRemaining(all::add);
        return all;
    }

    public synchronized long raisedTotal()
    {
        return raisedTotal;
    }

    private DriftEvent archive(final DriftEvent resolved)
    {
        history.addLast(resolved);
        while (history.size() > historySize)
        {
            history.removeFirst();
        }
        return resolved;
    }
}
