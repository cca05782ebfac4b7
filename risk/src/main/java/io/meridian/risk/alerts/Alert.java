package io.meridian.risk.alerts;

import java.time.Instant;

/**
 * One alert for ops.
 *
 * @param severity how urgent.
 * @param source   the component that raised it ({@code admin}, {@code venues}, {@code alerts}).
 * @param code     a stable event code for filtering and routing ({@code KILL_SWITCH_ENGAGED}).
 * @param text     one human sentence.
 * @param timeMs   epoch milliseconds, from the clock injected into {@link Alerts}.
 */
public record Alert(Severity severity, String source, String code, String text, long timeMs)
{
    public Alert
    {
        if (severity == null || source == null || code == null || text == null)
        {
            throw new IllegalArgumentException("an alert needs a severity, source, code and text");
        }
    }

    /** ISO-8601 UTC, e.g. {@code 2026-12-07T09:30:00Z}. */
    public String isoTime()
    {
        return Instant.ofEpochMilli(timeMs).toString();
    }
}
