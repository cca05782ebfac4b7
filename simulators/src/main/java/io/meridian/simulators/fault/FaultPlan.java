package io.meridian.simulators.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The armed faults of one venue. Front ends ask {@link #fire} at each point where a fault could
 * show ("is a fill delayed now?"); the plan answers from the armed specs, their windows and counts,
 * and a random stream split from the seed per injection, so the same seed and the same sequence of
 * injections and questions give the same answers. Thread-safe (front ends ask from network threads).
 */
public final class FaultPlan {
    private final String venue;
    private final LongSupplier clockMillis;
    private final List<Consumer<FaultSpec>> injectionListeners = new CopyOnWriteArrayList<>();
    private final List<Armed> armed = new ArrayList<>();
    private final List<FaultFiring> firings = new ArrayList<>();
    private SplittableRandom master;
    private long seed;

    /**
     * @param clockMillis the venue's clock in epoch milliseconds (fault windows are measured on it)
     */
    public FaultPlan(String venue, long seed, LongSupplier clockMillis) {
        this.venue = venue;
        this.clockMillis = clockMillis;
        reseed(seed);
    }

    public String venue() {
        return venue;
    }

    public synchronized long seed() {
        return seed;
    }

    /** Clears every fault and the firing log, and restarts the random streams from {@code newSeed}. */
    public synchronized void reseed(long newSeed) {
        seed = newSeed;
        master = new SplittableRandom(newSeed);
        armed.clear();
        firings.clear();
    }

    /** Arms a fault from now on; listeners hear of it (to drop connections, go down, ...) after it is armed. */
    public void inject(FaultSpec spec) {
        synchronized (this) {
            armed.add(new Armed(spec, clockMillis.getAsLong(), master.split()));
        }
        for (Consumer<FaultSpec> listener : injectionListeners) {
            listener.accept(spec);
        }
    }

    /** Disarms every fault (the firing log stays). */
    public synchronized void clear() {
        armed.clear();
    }

    /** Disarms the faults of one type. */
    public synchronized void clear(FaultType type) {
        armed.removeIf(a -> a.spec.type() == type);
    }

    /** Called with each injected spec, on the injecting thread, after it is armed. */
    public void onInject(Consumer<FaultSpec> listener) {
        injectionListeners.add(listener);
    }

    /**
     * Whether a fault of {@code type} hits an event on {@code symbol} now; if so it counts as fired
     * (logged, one of its {@code count} used) and its spec is returned.
     */
    public synchronized Optional<FaultSpec> fire(FaultType type, String symbol) {
        long now = clockMillis.getAsLong();
        for (Armed a : armed) {
            if (a.spec.type() != type || !a.spec.matches(symbol) || !a.live(now)) {
                continue;
            }
            if (a.spec.probability() < 1 && a.random.nextDouble() >= a.spec.probability()) {
                continue;
            }
            a.fired++;
            firings.add(new FaultFiring(firings.size() + 1, type, symbol, a.spec));
            return Optional.of(a.spec);
        }
        return Optional.empty();
    }

    /** The armed spec of {@code type} for {@code symbol}, without firing it (for states such as clock skew or down). */
    public synchronized Optional<FaultSpec> active(FaultType type, String symbol) {
        long now = clockMillis.getAsLong();
        for (Armed a : armed) {
            if (a.spec.type() == type && a.spec.matches(symbol) && a.live(now)) {
                return Optional.of(a.spec);
            }
        }
        return Optional.empty();
    }

    /** Milliseconds left in the window of the armed fault of {@code type} (0 if none; Long.MAX_VALUE if unbounded). */
    public synchronized long remainingMillis(FaultType type, String symbol) {
        long now = clockMillis.getAsLong();
        long best = 0;
        for (Armed a : armed) {
            if (a.spec.type() == type && a.spec.matches(symbol) && a.live(now)) {
                long left = a.spec.durationMs() == 0 ? Long.MAX_VALUE : a.injectedAt + a.spec.durationMs() - now;
                best = Math.max(best, left);
            }
        }
        return best;
    }

    /** A random draw from the plan's master stream (for fault parameters a front end chooses). */
    public synchronized long nextLong(long bound) {
        return master.nextLong(bound);
    }

    /** Specs still armed (window open and count left), in injection order. */
    public synchronized List<FaultSpec> armed() {
        long now = clockMillis.getAsLong();
        List<FaultSpec> result = new ArrayList<>();
        for (Armed a : armed) {
            if (a.live(now)) {
                result.add(a.spec);
            }
        }
        return result;
    }

    /** Every firing since the last reseed, in order. */
    public synchronized List<FaultFiring> firings() {
        return List.copyOf(firings);
    }

    private static final class Armed {
        final FaultSpec spec;
        final long injectedAt;
        final SplittableRandom random;
        int fired;

        Armed(FaultSpec spec, long injectedAt, SplittableRandom random) {
            this.spec = spec;
            this.injectedAt = injectedAt;
            this.random = random;
        }

        boolean live(long now) {
            return (spec.count() == 0 || fired < spec.count())
                && (spec.durationMs() == 0 || now < injectedAt + spec.durationMs());
        }
    }
}
