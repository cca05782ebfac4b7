package io.meridian.admin;

import io.meridian.risk.alerts.Alerts;
import io.meridian.risk.alerts.Severity;
import io.meridian.venues.crypto.CryptoVenueStatus;
import io.meridian.venues.fix.VenueStatus;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the venue sessions (FIX and crypto) once a second from its own thread, reading the bridges'
 * published status, and alerts on a change: YELLOW when a session that was up goes down (the bridge
 * reconnects by itself), INFO when it is back. The first connection after start is not an alert.
 * Polling keeps the bridges and the core thread free of any alerting code.
 */
final class VenueSessionAlerts implements AutoCloseable
{
    static final String DOWN = "VENUE_SESSION_DOWN";
    static final String UP = "VENUE_SESSION_UP";

    private final MeridianServer server;
    private final Alerts alerts;
    // absent until a venue's first connection, so the start is not reported as a reconnect
    private final Map<String, Boolean> connected = new HashMap<>();
    private final ScheduledExecutorService timer = DaemonTimers.single("meridian-venue-session-alerts");

    VenueSessionAlerts(final MeridianServer server, final Alerts alerts)
    {
        this.server = server;
        this.alerts = alerts;
    }

    VenueSessionAlerts start(final long periodMs)
    {
        timer.scheduleWithFixedDelay(this::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look at every session; package-private for tests. */
    void check()
    {
        try
        {
            if (server.venueBridge() != null)
            {
                for (final VenueStatus venue : server.venueBridge().status())
                {
                    observe(venue.name(), venue.connected(), "FIX");
                }
            }
            for (final CryptoVenueStatus venue : server.cryptoStatus())
            {
                observe(venue.name(), venue.connected(), venue.kind());
            }
        }
        catch (final RuntimeException e)
        {
            // a status read during start or stop: the next look will do
            org.slf4j.LoggerFactory.getLogger(VenueSessionAlerts.class).debug("event=venue_session_check_failed", e);
        }
    }

    private void observe(final String venue, final boolean up, final String kind)
    {
        final Boolean before = connected.get(venue);
        if (before == null ? !up : before == up)
        {
            return;
        }
        connected.put(venue, up);
        if (before == null)
        {
            return;
        }
        if (up)
        {
            alerts.raise(Severity.INFO, "venues", UP, "venue " + venue + " (" + kind + ") session is up again");
        }
        else
        {
            alerts.raise(Severity.YELLOW, "venues", DOWN, "venue " + venue + " (" + kind + ") session is down, reconnecting");
        }
    }

    public void close()
    {
        timer.shutdownNow();
    }
}
