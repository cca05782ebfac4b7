package io.meridian.gateway;

/**
 * The answer to a {@link KillSwitchRequest}, sent to the requesting session as an OrderMassCancelReport (35=r):
 * MassCancelResponse (531) is the request's MassCancelRequestType when it was carried out, 0 when refused, with
 * MassCancelRejectReason (532) and Text (58) saying why.
 */
public record KillSwitchReport(KillSwitchRequest request, char massCancelResponse, int rejectReason, String text)
{
    /** MassCancelResponse (531) of a refused request. */
    public static final char REJECTED = '0';
    /** MassCancelRejectReason (532) values. */
    public static final int NOT_SUPPORTED = 0;
    public static final int UNKNOWN_SECURITY = 1;
    public static final int OTHER = 99;
    /** No MassCancelRejectReason: the request was carried out. */
    public static final int NONE = -1;

    public static KillSwitchReport done(final KillSwitchRequest request, final String text)
    {
        return new KillSwitchReport(request, request.massCancelRequestType(), NONE, text);
    }

    public static KillSwitchReport rejected(final KillSwitchRequest request, final int reason, final String text)
    {
        return new KillSwitchReport(request, REJECTED, reason, text);
    }
}
