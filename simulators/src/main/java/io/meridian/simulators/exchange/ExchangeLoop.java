package io.meridian.simulators.exchange;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread an exchange lives on. Front ends hand it work from their network threads and get
 * futures back; timers (market maker ticks, delayed faults) run on it too, so the exchange never
 * needs a lock.
 */
public final class ExchangeLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeLoop.class);

    private final ScheduledExecutorService executor;
    private volatile Thread thread;

    public ExchangeLoop(String name) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Whether the caller runs on this loop. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop; the future completes with its result or exception. */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(task.call());
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RuntimeException rejected) {
            future.completeExceptionally(rejected);
        }
        return future;
    }

    /** Runs {@code task} on the loop; failures are logged. */
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    /** Runs {@code task} on the loop after {@code delayMillis}. */
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return executor.schedule(guarded(task), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the loop every {@code periodMillis}. */
    public ScheduledFuture<?> every(Runnable task, long periodMillis) {
        return executor.scheduleAtFixedRate(guarded(task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("exchange loop task failed", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
