package io.meridian.venues.fix;

/** One FIX venue Meridian connects to as initiator. */
public record FixVenueConfig(
    int venueId,
    String name,
    String host,
    int port,
    String senderCompId,
    String targetCompId,
    String username,
    String password,
    long reconnectIntervalMs)
{
    public FixVenueConfig
    {
        if (venueId < 0)
        {
            throw new IllegalArgumentException("venueId must be >= 0");
        }
        if (reconnectIntervalMs <= 0)
        {
            reconnectIntervalMs = 1_000;
        }
    }
}
