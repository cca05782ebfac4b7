package io.meridian.gateway;

/**
 * Acts on the kill switch requests of client sessions (see {@link KillSwitchRequest}) and answers each with a
 * {@link KillSwitchReport} through {@link ClientSessions#killSwitchReported}.
 */
@FunctionalInterface
public interface KillSwitchRequests
{
    /** Called on the core thread: hand the request over, never block or do I/O here. */
    void onKillSwitchRequest(KillSwitchRequest request);
}
