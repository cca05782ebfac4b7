package io.meridian.risk.alerts;

/**
 * The receiver refused the alert in a way a retry cannot change (HTTP 400, 401, 403, 404: a wrong
 * token, chat or URL): the channel gives up at once instead of retrying.
 */
public final class PermanentDeliveryFailure extends Exception
{
    private static final long serialVersionUID = 1L;

    public PermanentDeliveryFailure(final String message)
    {
        super(message);
    }
}
