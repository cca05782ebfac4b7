package io.meridian.admin;

import io.meridian.risk.alerts.Severity;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends the trading day at {@code meridian.oms.day-roll-at} (UTC, HH:mm; empty: never) without a
 * restart: the sequencer takes the done orders out of memory (the journal and the store keep them),
 * restarts the ClOrdID window with the live orders' ids, and order ids go on. Also on demand
 * (POST /admin/day-roll, role admin).
 */
@Context
public class DayRoll implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DayRoll.class);
    private static final long RING_FULL_WAIT_MS = 5_000;

    private final MeridianServer server;
    private final LocalTime at;
    private final ScheduledExecutorService timer;

    public DayRoll(final MeridianServer server, @Value("${meridian.oms.day-roll-at:}") final String at)
    {
        this.server = server;
        this.at = parse(at);
        if (this.at == null)
        {
            timer = null;
            return;
        }
        timer = DaemonTimers.single("meridian-day-roll");
        scheduleNext();
    }

    static LocalTime parse(final String at)
    {
        if (at == null || at.isBlank())
        {
            return null;
        }
        try
        {
            return LocalTime.parse(at.trim());
        }
        catch (final DateTimeParseException e)
        {
            throw new IllegalArgumentException("configuration meridian.oms.day-roll-at must be HH:mm (UTC), not '" +
                at + "'", e);
        }
    }

    private void scheduleNext()
    {
        final ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime next = now.with(at).withSecond(0).withNano(0);
        if (!next.isAfter(now))
        {
            next = next.plusDays(1);
        }
        final long delayMs = Duration.between(now, next).toMillis();
        LOG.info("event=day_roll_scheduled at={}", next);
        timer.schedule(() ->
        {
            try
            {
                roll("schedule");
            }
            catch (final RuntimeException e)
            {
                LOG.error("event=day_roll_failed", e);
            }
            scheduleNext();
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Asks the sequencer to roll the day. @return false when the ring stayed full for 5 s. */
    public boolean roll(final String by)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RING_FULL_WAIT_MS);
        while (!server.oms().dayRoll())
        {
            if (System.nanoTime() > deadline)
            {
                LOG.error("event=day_roll_refused reason=ring_full by={}", by);
                return false;
            }
            Thread.onSpinWait();
        }
        LOG.info("event=day_roll by={}", by);
        server.alerts().raise(Severity.INFO, "oms", "DAY_ROLL", "trading day rolled (" + by + "): done orders archived");
        return true;
    }

    /** The configured roll time, null when none. */
    public LocalTime at()
    {
        return at;
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
