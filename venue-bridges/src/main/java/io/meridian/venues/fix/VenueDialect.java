package io.meridian.venues.fix;

/** How a FIX venue's session differs from plain FIX 4.4 at the session level. */
public enum VenueDialect
{
    /** Plain FIX 4.4 with persistent sequence numbers and resends. */
    FIX44,
    /**
     * Binance spot FIX API: Ed25519-signed Logon (RawData 96, Username 553 = API key), ResetSeqNumFlag=Y on
     * every logon (no ResendRequest), MessageHandling 25035. Dictionary: fix/dialects/binance-spot.xml.
     */
    BINANCE_SPOT;

    /** @param name {@code fix44} or {@code binance-spot} (case-insensitive); null or blank is FIX44. */
    public static VenueDialect of(final String name)
    {
        if (name == null || name.isBlank())
        {
            return FIX44;
        }
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
