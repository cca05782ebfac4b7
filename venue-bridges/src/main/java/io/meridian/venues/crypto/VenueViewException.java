package io.meridian.venues.crypto;

/**
 * Why a crypto venue could not give its view: unreachable, an HTTP error with the venue's own code and
 * message, or a refusal before asking (rate limited).
 */
public final class VenueViewException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String venueCode;

    public VenueViewException(final String message)
    {
        this(message, 0, "", null);
    }

    public VenueViewException(final String message, final Throwable cause)
    {
        this(message, 0, "", cause);
    }

    public VenueViewException(final String message, final int httpStatus, final String venueCode, final Throwable cause)
    {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.venueCode = venueCode == null ? "" : venueCode;
    }

    /** The HTTP status of the failed answer, 0 when none came. */
    public int httpStatus()
    {
        return httpStatus;
    }

    /** The venue's error code (Binance {@code code}, OKX {@code code}/{@code sCode}), empty when none. */
    public String venueCode()
    {
        return venueCode;
    }
}
