package io.meridian.gateway;

import io.meridian.fix.dialect.DialectDictionary;
import io.meridian.fix.dialect.ValidationFailure;
import uk.co.real_logic.artio.library.SessionAcquireHandler;
import uk.co.real_logic.artio.session.Session;

/**
 * Owner of the sessions the acceptor takes from buy-side clients: the OMS gateway in production
 * ({@link ClientSessions}), an echo application in the certification profile. Either way the
 * {@link FixRuntime} puts {@link ClientMessageValidation} in front of the handlers it returns.
 */
public interface AcceptorSessions extends SessionAcquireHandler
{
    /** @return true when the session's counterparty is one of this owner's clients. */
    boolean isClientSession(Session session);

    /**
     * @return the dictionary the session's inbound messages are validated against: by default the full
     * dictionary of its FIX version.
     */
    default DialectDictionary validationDictionary(final Session session)
    {
        return DialectDictionary.full(session.beginString());
    }

    /** A message of the session broke its dictionary and was answered with a Reject ({@code sent}) instead. */
    default void onValidationReject(final Session session, final ValidationFailure failure, final boolean sent)
    {
    }
}
