package io.meridian.gateway;

import uk.co.real_logic.artio.library.SessionAcquireHandler;
import uk.co.real_logic.artio.session.Session;

/**
 * Owner of the sessions the acceptor takes from buy-side clients: the OMS gateway in production
 * ({@link ClientSessions}), an echo application in the certification profile.
 */
public interface AcceptorSessions extends SessionAcquireHandler
{
    /** @return true when the session's counterparty is one of this owner's clients. */
    boolean isClientSession(Session session);
}
