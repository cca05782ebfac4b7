package io.meridian.simulators.fix;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;

/** QuickFIX/J callbacks of the venue: application messages go to the {@link VenueCore}. */
final class VenueApplication implements Application {
    private static final Logger LOG = LoggerFactory.getLogger(VenueApplication.class);

    private final VenueCore core;

    VenueApplication(VenueCore core) {
        this.core = core;
    }

    @Override
    public void onCreate(SessionID sessionId) {
        LOG.debug("session created {}", sessionId);
    }

    @Override
    public void onLogon(SessionID sessionId) {
        LOG.info("logon {}", sessionId);
        core.sessionEnded(sessionId);
    }

    @Override
    public void onLogout(SessionID sessionId) {
        LOG.info("logout {}", sessionId);
        core.sessionEnded(sessionId);
    }

    @Override
    public void toAdmin(Message message, SessionID sessionId) {
        // nothing to add to admin messages
    }

    @Override
    public void fromAdmin(Message message, SessionID sessionId) {
        // logon is accepted on CompIDs alone
    }

    @Override
    public void toApp(Message message, SessionID sessionId) {
        // reports are complete when queued
    }

    @Override
    public void fromApp(Message message, SessionID sessionId) throws FieldNotFound, UnsupportedMessageType {
        core.onMessage(message, sessionId);
    }
}
