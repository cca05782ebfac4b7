package io.meridian.gateway;

/**
 * An OrderMassCancelRequest (35=q) from a client session, decoded at the edge: a request to engage (or, with
 * KillSwitchRelease 20003=Y, release) a kill switch. Whether the session may ask is decided by whoever acts
 * on it ({@link KillSwitchRequests}), so that a refused attempt is audited like an accepted one.
 *
 * @param clientId              the session's client id.
 * @param compId                the session's CompID: who asked.
 * @param opsSession            whether the session is configured as an ops session ({@code ops: true}).
 * @param clOrdId               ClOrdID (11), echoed on the report.
 * @param massCancelRequestType MassCancelRequestType (530): '1' a security, '7' all orders, or another value.
 * @param symbol                Symbol (55), or null.
 * @param level                 KillSwitchLevel (20001): G, V, I, S or A; {@link #NO_LEVEL} when absent.
 * @param target                KillSwitchTarget (20002): the venue, symbol, CompID or account; or null.
 * @param release               KillSwitchRelease (20003) = Y.
 */
public record KillSwitchRequest(
    int clientId, String compId, boolean opsSession, String clOrdId, char massCancelRequestType, String symbol,
    char level, String target, boolean release)
{
    public static final char NO_LEVEL = 0;
}
