package io.meridian.risk.alerts;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which Meridian sent an alert: the machine and the configured instance name (several instances can share
 * a machine or a chat).
 */
public record AlertOrigin(String host, String instance)
{
    /** This machine's name; {@code instance} defaults to it. */
    public static AlertOrigin local(final String instance)
    {
        String host;
        try
        {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (final UnknownHostException e)
        {
            host = "unknown-host";
        }
        return new AlertOrigin(host, instance == null || instance.isBlank() ? host : instance);
    }
}
