package io.meridian.gateway;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the client edge; written on the core/engine threads, read by the admin. */
public final class GatewayMetrics
{
    final AtomicLong logonsAccepted = new AtomicLong();
    final AtomicLong logonsRejected = new AtomicLong();
    final AtomicLong messagesIn = new AtomicLong();
    final AtomicLong sessionRejectsSent = new AtomicLong();
    final AtomicLong businessRejectsSent = new AtomicLong();
    final AtomicLong dialectRejects = new AtomicLong();
    final AtomicLong reportsSent = new AtomicLong();
    final AtomicLong reportsUndeliverable = new AtomicLong();
    final AtomicLong reportsDelayed = new AtomicLong();
    final AtomicLong commandsRefused = new AtomicLong();
    final AtomicLong outOfSequence = new AtomicLong();
    final AtomicLong duplicatesIgnored = new AtomicLong();

    public long logonsAccepted()
    {
        return logonsAccepted.get();
    }

    public long logonsRejected()
    {
        return logonsRejected.get();
    }

    public long messagesIn()
    {
        return messagesIn.get();
    }

    /** Session-level Rejects (35=3) sent for malformed application messages. */
    public long sessionRejectsSent()
    {
        return sessionRejectsSent.get();
    }

    /** BusinessMessageRejects (35=j) sent for unsupported message types. */
    /** @return messages rejected for breaking their session's dialect dictionary. */
    public long dialectRejects()
    {
        return dialectRejects.get();
    }

    public long businessRejectsSent()
    {
        return businessRejectsSent.get();
    }

    public long reportsSent()
    {
        return reportsSent.get();
    }

    /** Reports for a client id that is not configured (a bug if ever non-zero). */
    public long reportsUndeliverable()
    {
        return reportsUndeliverable.get();
    }

    /** Reports that had to wait in a client's backlog (back pressure); sent later, in order. */
    public long reportsDelayed()
    {
        return reportsDelayed.get();
    }

    /** Client messages held back because the OMS ring was full; each is delivered again, not lost. */
    public long commandsRefused()
    {
        return commandsRefused.get();
    }

    /**
     * Application messages Artio received beyond a sequence gap (or otherwise flagged invalid) and did not
     * hand over for processing: each is asked for again by a ResendRequest and processed when it is resent.
     */
    public long outOfSequence()
    {
        return outOfSequence.get();
    }

    /** Resent (PossDup) application messages already processed once, ignored so nothing is done twice. */
    public long duplicatesIgnored()
    {
        return duplicatesIgnored.get();
    }
}
