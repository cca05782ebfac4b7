package io.meridian.risk.alerts;

import java.util.Locale;

/** How urgent an alert is: RED (trading halted or at risk), YELLOW (degraded, look soon), INFO (for the record). */
public enum Severity
{
    INFO, YELLOW, RED;

    public boolean atLeast(final Severity minimum)
    {
        return ordinal() >= minimum.ordinal();
    }

    /** {@code red}, {@code YELLOW}, {@code info}: case-insensitive; an unknown name is refused with the choices. */
    public static Severity of(final String name)
    {
        try
        {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("unknown severity '" + name + "' (RED, YELLOW or INFO)", e);
        }
    }
}
